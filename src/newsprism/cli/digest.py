"""`newsprism digest`: one briefing per story from folders, files, URLs or stdin."""

from __future__ import annotations

import time
from pathlib import Path

import click

from newsprism.cli.failures import exit_if_any, report
from newsprism.config import build_options
from newsprism.errors import InputError, OutputError
from newsprism.model import Briefing
from newsprism.pipeline import brief, load_articles, split_stories
from newsprism.render import format_for, render
from newsprism.render.index import render_index


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the briefing ({exc.strerror})") from None


def _write_many(output: Path, fmt: str, briefings: list[Briefing], show_all: bool) -> list[Path]:
    """Story files beside ``output`` (name-1.ext, name-2.ext ...), ``output`` the index."""
    files = [output.with_name(f"{output.stem}-{i}{output.suffix}") for i in range(1, len(briefings) + 1)]
    for b, f in zip(briefings, files):
        _write(f, render(b, fmt, show_all))
    _write(output, render_index(briefings, fmt, [f.name for f in files]))
    return files


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE; the format follows its extension (.json, .md, .html). Default: Markdown on stdout.")
@click.option("--json", "as_json", is_flag=True, help="Write JSON to stdout instead of Markdown.")
@click.option("--words", type=click.IntRange(min=10), help="Summary budget in words (default 120).")
@click.option("--focus", help="A question that biases the summary toward it.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]), help="Sentence embedder (default minilm).")
@click.option("--writer", type=click.Choice(["none", "openai"]), help="Reword the summary with your own model (default none); every reworded line is checked against its source sentence and dropped if unsupported.")
@click.option("--writer-url", help="OpenAI-compatible endpoint for --writer openai, e.g. http://localhost:11434/v1 ($NEWSPRISM_WRITER_KEY is sent as a bearer token when set).")
@click.option("--writer-model", help="Model name for --writer openai, e.g. llama3.2.")
@click.option("--all", "show_all", is_flag=True, default=None, help="Show every \"only in some outlets\" fact, not only each outlet's top ones (the JSON always has all).")
@click.option("--one-story", is_flag=True, help="Treat all inputs as one story (no story grouping).")
@click.option("--allow-private", is_flag=True, default=None, help="Allow fetching URLs on private, loopback or link-local addresses.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Options file (TOML).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress or summary lines on stderr.")
def digest(inputs, output, as_json, words, focus, embedder, writer, writer_url, writer_model, show_all, one_story, allow_private, config_path, quiet):  # type: ignore[no-untyped-def]
    """Digest INPUTS (folders, files, http(s) URLs, or - for stdin) into briefings.

    One briefing per story: when the inputs hold several stories, FILE becomes an
    index and each story is written beside it (FILE-1.ext, FILE-2.ext ...).
    """
    options = build_options(
        {"words": words, "focus": focus, "embedder": embedder, "writer": writer,
         "writer_url": writer_url, "writer_model": writer_model,
         "allow_private": allow_private, "quiet": quiet, "exclusive_all": show_all},
        config=config_path,
    )
    fmt = format_for(str(output)) if output else ("json" if as_json else "md")
    started = time.perf_counter()
    articles, errors = load_articles(list(inputs), options)
    if not articles and len(errors) == 1:
        raise errors[0]  # printed once, as the error
    report(errors)
    if not articles:
        raise InputError(", ".join(inputs), "no usable article found (see the lines above)")
    stories = [articles] if one_story else split_stories(articles, options)
    briefings = [brief(story, options) for story in stories]
    if output is None:
        single = len(briefings) == 1
        click.echo(render(briefings[0], fmt, options.exclusive_all) if single
                   else render_index(briefings, fmt), nl=False)
    else:
        if len(briefings) == 1:
            _write(output, render(briefings[0], fmt, options.exclusive_all))
            where = str(output)
        else:
            files = _write_many(output, fmt, briefings, options.exclusive_all)
            where = f"{output} (index) and {len(files)} story files beside it"
        if not options.quiet:
            click.echo(
                f"newsprism: wrote {where} — {len(articles)} sources, {len(briefings)} "
                f"{'story' if len(briefings) == 1 else 'stories'} "
                f"({time.perf_counter() - started:.2f}s)",
                err=True,
            )
    exit_if_any(errors)
