"""`newsprism digest`: one briefing from folders, files, URLs or stdin."""

from __future__ import annotations

import time
from pathlib import Path

import click

from newsprism.cli.failures import exit_if_any, report
from newsprism.config import build_options
from newsprism.errors import InputError, StoreError
from newsprism.pipeline import brief, load_articles
from newsprism.render import format_for, render


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to FILE; the format follows its extension (.json, .md, .html). Default: Markdown on stdout.")
@click.option("--json", "as_json", is_flag=True, help="Write JSON to stdout instead of Markdown.")
@click.option("--words", type=click.IntRange(min=10), help="Summary budget in words (default 120).")
@click.option("--focus", help="A question that biases the summary toward it.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]), help="Sentence embedder (default minilm).")
@click.option("--allow-private", is_flag=True, default=None, help="Allow fetching URLs on private, loopback or link-local addresses.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Options file (TOML).")
@click.option("-q", "--quiet", is_flag=True, default=None, help="No progress or summary lines on stderr.")
def digest(inputs, output, as_json, words, focus, embedder, allow_private, config_path, quiet):  # type: ignore[no-untyped-def]
    """Digest INPUTS (folders, files, http(s) URLs, or - for stdin) into one briefing."""
    options = build_options(
        {"words": words, "focus": focus, "embedder": embedder,
         "allow_private": allow_private, "quiet": quiet},
        config=config_path,
    )
    fmt = format_for(output) if output else ("json" if as_json else "md")
    started = time.perf_counter()
    articles, errors = load_articles(list(inputs), options)
    report(errors)
    if not articles:
        raise InputError(", ".join(inputs), "no usable article found (see the lines above)")
    briefing = brief(articles, options)
    text = render(briefing, fmt)
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"{output}: cannot write the briefing ({exc.strerror})") from None
        if not options.quiet:
            click.echo(
                f"newsprism: wrote {output} — {len(articles)} sources, "
                f"{len(briefing.summary)} summary sentences "
                f"({time.perf_counter() - started:.2f}s)",
                err=True,
            )
    else:
        click.echo(text, nl=False)
    exit_if_any(errors)
