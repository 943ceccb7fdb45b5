"""`newsprism follow | unfollow | feeds | poll | build`: following feeds, building ahead."""

from __future__ import annotations

import json
import re
import sys
import threading

import click

from newsprism.cli.collection import DB_HELP, _options, _store
from newsprism.errors import ConfigError

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str | None, flag: str) -> float | None:
    """Seconds in "90", "90s", "15m", "2h" or "1d"; ConfigError naming ``flag`` otherwise."""
    if text is None:
        return None
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise ConfigError(f"{flag} {text!r}: give a positive duration such as 15m, 2h or 90s")
    return float(match.group(1)) * _UNIT[match.group(2)]


@click.command()
@click.argument("target")
@click.option("--db", help=DB_HELP)
def follow(target, db):  # type: ignore[no-untyped-def]
    """Follow the RSS/Atom feed at URL TARGET, or every feed of the OPML file TARGET."""
    from newsprism.pipeline.poll import follow as subscribe

    with _store(_options(db=db), create=True) as store:
        results = subscribe(store, target)
    for url, new in results:
        click.echo(f"{'following' if new else 'already following'} {url}")
    click.echo("run `newsprism poll` to fetch them", err=True)


@click.command()
@click.argument("url")
@click.option("--db", help=DB_HELP)
def unfollow(url, db):  # type: ignore[no-untyped-def]
    """Stop following the feed at URL (articles already stored are kept)."""
    with _store(_options(db=db)) as store:
        store.unfollow(url)
    click.echo(f"no longer following {url}")


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the feeds as JSON.")
def feeds(db, as_json):  # type: ignore[no-untyped-def]
    """List followed feeds with their last fetch, status and article counts."""
    with _store(_options(db=db)) as store:
        rows = store.feeds()
    if as_json:
        click.echo(json.dumps({"feeds": rows}, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("no feeds yet: add one with `newsprism follow URL`", err=True)
    for r in rows:
        retry = f", retry after {r['next_fetch']}" if r["next_fetch"] else ""
        click.echo(f"{r['url']}  {r['title'] or '(not fetched yet)'}  "
                   f"last fetch {r['last_fetch'] or 'never'}: {r['status']}{retry}  "
                   f"{r['articles']} art.")


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--every", help="Keep polling at this interval (15m, 1h, 90s) until stopped.")
@click.option("--allow-private", is_flag=True, default=None,
              help="Allow fetching feeds and pages on private or loopback addresses.")
def poll(db, every, allow_private):  # type: ignore[no-untyped-def]
    """Fetch every followed feed once (or every interval) and store the new articles.

    A single poll exits non-zero when a feed failed; with --every, failures are
    reported on each poll's line and polling goes on until Ctrl-C.
    """
    from newsprism.pipeline.poll import poll_every, poll_once

    seconds = parse_duration(every, "--every")
    options = _options(db=db, allow_private=allow_private)
    with _store(options) as store:
        if seconds is None:
            result = poll_once(store, options)
            click.echo(result.line())
            if result.failed:
                sys.exit(1)
            return
        try:
            poll_every(store, options, seconds, threading.Event(), click.echo)
        except KeyboardInterrupt:
            click.echo("poll: stopped", err=True)


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]),
              help="Sentence embedder (default minilm; build with the one `serve` uses).")
@click.option("--words", type=click.IntRange(min=10), help="Summary budget in words.")
@click.option("--limit", type=click.IntRange(min=1), help="Build at most this many stories.")
def build(db, embedder, words, limit):  # type: ignore[no-untyped-def]
    """Rebuild the briefings of stories changed since their last build (for cron).

    Ingest and poll mark the stories they change; a built briefing opens at once
    in `show` and `serve`.
    """
    from newsprism.pipeline.build import build_dirty

    options = _options(db=db, embedder=embedder, words=words)
    with _store(options) as store:
        result = build_dirty(store, options, limit=limit)
    click.echo(result.line())
    if result.failed:
        sys.exit(1)
