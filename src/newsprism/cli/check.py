"""`newsprism check [--repair]`: is the store consistent (and fix what can be derived)."""

from __future__ import annotations

import sys

import click

from newsprism.cli.collection import DB_HELP, _options, _store


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--repair", is_flag=True,
              help="Fix what the stored articles determine (search index, story rows, sizes, "
                   "counts, clustering state) and say what was done.")
def check(db, repair):  # type: ignore[no-untyped-def]
    """Check the store: SQLite integrity, the search index, every article in an existing
    story, story sizes, document and term counts, and the clustering state.

    Prints one line per problem; exits 0 when the store is clean, 1 when not
    (with --repair: when problems remain after the repair). Reads every
    article once, holding the write lock meanwhile (an ingest waits; readers
    and the web app do not). Needs a store made by `newsprism ingest`.
    """
    from newsprism.pipeline.check import check_store
    from newsprism.pipeline.digest import cluster_config

    options = _options(db=db)
    with _store(options) as store:
        result = check_store(store, cluster_config(options), repair=repair)
    for problem in result.found:
        click.echo(problem.line())
    for line in result.repairs:
        click.echo(f"repaired: {line}")
    if result.left:
        for problem in result.left:
            click.echo(f"left: {problem.line()}")
    if result.clean:
        click.echo("store is consistent" if not result.found else "store is consistent now",
                   err=True)
        return
    sys.exit(1)
