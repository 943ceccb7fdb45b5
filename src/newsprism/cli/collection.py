"""`newsprism ingest | stories | show | search | serve`: the growing collection in the store."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from newsprism.cli.failures import exit_if_any, report
from newsprism.config import Options, build_options
from newsprism.errors import ConfigError, OutputError, StoreError

DB_HELP = "Store file (default: $NEWSPRISM_DB, else ~/.local/share/newsprism/newsprism.db)."


def _options(**flags: Any) -> Options:
    config = flags.pop("config_path", None)
    return build_options(flags, config=config)


def _store(options: Options, create: bool = False):  # type: ignore[no-untyped-def]
    """The store; only ``ingest`` and ``follow`` (``create=True``) may make a new one."""
    # the store alone: listing and searching need neither clustering nor analysis
    from newsprism.store import Store

    return Store(_existing(options) if not create else _path(options))


def _path(options: Options) -> Path:
    from newsprism.store import default_path

    return default_path(options.db)


def _existing(options: Options) -> Path:
    """The store's path; raises StoreError when no store is there (read-only commands)."""
    path = _path(options)
    if not path.is_file():
        raise StoreError(f"{path}: no collection here; run newsprism ingest first "
                         "(or pass another store with --db)")
    return path


def _bar(quiet: bool) -> Any:
    """A progress callback drawing a bar on a terminal; silent otherwise."""
    if quiet or not sys.stderr.isatty():
        return None

    def draw(done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        click.echo(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} articles",
                   err=True, nl=False)
        if done >= total:
            click.echo("", err=True)

    return draw


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print what changed as JSON.")
@click.option("--allow-private", is_flag=True, default=None,
              help="Allow fetching URLs on private, loopback or link-local addresses.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Options file (TOML).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress bar or summary.")
def ingest(inputs, db, as_json, allow_private, config_path, quiet):  # type: ignore[no-untyped-def]
    """Extract, clean and store the articles of INPUTS, attaching each to a story.

    INPUTS are files, folders, JSONL streams, feed files or feed URLs. Content
    already stored (same outlet, same text) is skipped, so re-running is safe.
    This is the only command that creates the store.
    """
    from newsprism.pipeline.collection import ingest_inputs

    options = _options(db=db, allow_private=allow_private, quiet=quiet, config_path=config_path)
    with _store(options, create=True) as store:
        result = ingest_inputs(list(inputs), store, options, progress=_bar(bool(quiet)))
    report(result.errors)  # type: ignore[arg-type]
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    elif not quiet:
        changed = result.to_dict()
        click.echo(
            f"{result.added} new article(s), {result.duplicates} duplicate(s) skipped, "
            f"{result.near_duplicates} syndicated cop{'y' if result.near_duplicates == 1 else 'ies'}; "
            f"stories: {len(changed['stories_created'])} created, "
            f"{len(changed['stories_updated'])} updated"
        )
    exit_if_any(result.errors)  # type: ignore[arg-type]


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--since", help="Only stories with an article on or after DATE (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True,
              help="JSON, with every member article's id, record_id and url.")
def stories(db, since, limit, as_json):  # type: ignore[no-untyped-def]
    """List stored stories, newest first, with their outlets and article counts.

    Needs a store made by `newsprism ingest`; a missing one is an error.
    """
    _check_date(since)
    options = _options(db=db)
    with _store(options) as store:
        rows = store.stories(since=since, limit=limit)
        if as_json:
            full = [store.story(r["id"]) for r in rows]
            click.echo(json.dumps({"stories": full}, ensure_ascii=False, indent=2))
            return
    if not rows:
        click.echo("no stories yet: add some with `newsprism ingest PATH`", err=True)
    for r in rows:
        outlets = ", ".join(r["outlets"][:5]) + (" …" if len(r["outlets"]) > 5 else "")
        click.echo(f"{r['id']}  {r['last_date'] or '----------'}  {r['articles']:3d} art.  "
                   f"{r['title']}  [{outlets}]")


def _check_date(value: str | None) -> None:
    from datetime import date

    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"--since {value!r}: give a date as YYYY-MM-DD") from None


@click.command()
@click.argument("story")
@click.option("--db", help=DB_HELP)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE; the format follows its extension (.json, .md, .html).")
@click.option("--json", "as_json", is_flag=True, help="JSON on stdout instead of Markdown.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]),
              help="Sentence embedder (default minilm).")
@click.option("--words", type=click.IntRange(min=10), help="Summary budget in words.")
@click.option("--all", "show_all", is_flag=True, default=None,
              help="Show every \"only in some outlets\" fact, not only each outlet's top ones.")
@click.option("--since", "since", metavar="TIME",
              help="Add what the articles stored after TIME (YYYY-MM-DD or YYYY-MM-DDTHH:MM, "
                   "UTC) add: an update summary and new quotes.")
def show(story, db, output, as_json, embedder, words, show_all, since):  # type: ignore[no-untyped-def]
    """The briefing of stored STORY (an id from `newsprism stories`), built once then cached.

    Needs a store made by `newsprism ingest`; a missing one is an error.
    """
    from newsprism.render import format_for, render

    options = _options(db=db, embedder=embedder, words=words, exclusive_all=show_all)
    fmt = format_for(str(output)) if output else ("json" if as_json else "md")
    with _store(options) as store:
        text = render(_briefing(store, story, options, since), fmt, options.exclusive_all)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{output}: cannot write the briefing ({exc.strerror})") from None


def _briefing(store, story, options, since):  # type: ignore[no-untyped-def]
    """The stored story's briefing, with what changed since ``since`` when given."""
    if since is None:
        from newsprism.pipeline.collection import story_briefing

        return story_briefing(store, story, options)
    from newsprism.pipeline.since import story_since

    return story_since(store, story, since, options)


SEARCH_HELP = f"""Full-text search of stored articles, best match first; accents and case are
ignored (erdogan finds Erdoğan).

\b
QUERY syntax (the words may be given apart or as one argument; keep a phrase's quotes from
the shell with single quotes, as in '"ferry sank"'):
  ferry harbour          both words: AND is implied between terms
  "ferry sank"           these words side by side, in this order
  ferry OR boat          either; OR (in capitals) joins the terms beside it
  -strike, NOT strike    without this word (or -"a phrase")
  harb*                  words starting with harb

For example: newsprism search '"ferry sank"' OR capsized -drill. A query holds at most
{Options().search_max_chars} characters and {Options().search_max_terms} different terms (a repeated
term counts once). A query that cannot be read (an unbalanced quote, a lone OR or NOT, only
excluded terms, nothing to search for) is an error. Each match prints its story id, article id,
outlet and a snippet with the matched words in [brackets].

Needs a store made by `newsprism ingest`; a missing one is an error.
"""


@click.command(help=SEARCH_HELP, context_settings={"ignore_unknown_options": True})
@click.argument("query", nargs=-1)
@click.option("--db", help=DB_HELP)
@click.option("--limit", type=click.IntRange(min=1), default=20, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print matches as JSON.")
def search(query, db, limit, as_json):  # type: ignore[no-untyped-def]
    from newsprism.store import parse_query

    text = " ".join(query)
    options = _options(db=db)
    parsed = parse_query(text, options)  # a bad query is an error even without a store
    with _store(options) as store:
        hits = store.search(parsed, limit=limit, options=options)
    if as_json:
        click.echo(json.dumps({"query": text, "results": _plain(hits)}, ensure_ascii=False,
                              indent=2))
        return
    if not hits:
        click.echo(f"no article matches {text!r}", err=True)
    for h in _plain(hits):
        click.echo(f"{h['story_id']}  {h['id']}  {h['name']}: {h['snippet']}")


def _plain(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search hits with the match markers (\\x02/\\x03) turned into [brackets]."""
    out = []
    for h in hits:
        h = dict(h)
        h["snippet"] = h["snippet"].replace("\x02", "[").replace("\x03", "]").replace("\n", " ")
        out.append(h)
    return out


@click.command()
@click.option("--db", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default serves this machine only.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]),
              help="Sentence embedder for briefings (default minilm).")
@click.option("--allow-private", is_flag=True, default=None,
              help="Let the upload form fetch URLs on private or loopback addresses.")
@click.option("--poll-every", help="Poll the followed feeds in the background at this "
              "interval (15m, 1h).")
@click.option("--allowed-host", "allowed_hosts", multiple=True, metavar="HOST[:PORT]",
              help="Also answer to this Host name (e.g. behind a proxy); repeatable. By "
              "default only the bound address (and loopback names) are answered.")
@click.option("--token", envvar="NEWSPRISM_TOKEN", help="Write token: adding articles then "
              "needs it. Off loopback one is required; if not given, one is generated and "
              "printed.  [env: NEWSPRISM_TOKEN]")
def serve(db, host, port, embedder, allow_private, poll_every,  # type: ignore[no-untyped-def]
          allowed_hosts, token):
    """Serve the stories, briefings, search and an ingest form on a local web page.

    Briefings of changed stories are rebuilt in the background, so they open at once.
    Needs a store made by `newsprism ingest`; a missing one is an error.
    """
    from newsprism.web import create_app

    try:
        import uvicorn
    except ImportError:
        from newsprism.errors import DependencyError

        raise DependencyError("uvicorn", "web") from None
    options = _options(db=db, embedder=embedder, allow_private=allow_private)
    path = _existing(options)
    from newsprism.web.security import guard_for

    guard = guard_for(host, port, tuple(allowed_hosts), token)
    app = create_app(path, options, guard=guard, **_background(poll_every))
    click.echo(f"newsprism: serving {path} on http://{_netloc(host)}:{port}/", err=True)
    if guard.token and not token:
        click.echo(f"newsprism: write token (needed to add articles): {guard.token}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _netloc(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _background(poll_every: str | None) -> dict[str, Any]:
    """create_app's background-work arguments from serve's flags: changed stories are
    looked for every few seconds, so a briefing is ready soon after its articles arrive."""
    from newsprism.cli.feeds import parse_duration

    return {"poll_every": parse_duration(poll_every, "--poll-every"), "build_every": 5.0}
