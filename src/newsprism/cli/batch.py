"""`newsprism batch`: an archive -> one briefing file per story plus an index, on Dask."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from newsprism.cli.failures import exit_if_any, report
from newsprism.config import build_options
from newsprism.pipeline.batch import run_batch

_PHASES = {"clean": "documents cleaned", "brief": "stories done"}


def _terminal_progress(phase: str, done: int, total: int) -> None:
    """One self-overwriting line on a terminal: "12/40 stories done"."""
    end = "\n" if done == total else ""
    sys.stderr.write(f"\rnewsprism: {done}/{total} {_PHASES.get(phase, phase)}{end}")
    sys.stderr.flush()


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for story-<id>.<ext> files and index.<ext> (created if missing).")
@click.option("--workers", type=click.IntRange(min=1),
              help="Worker processes of a local Dask cluster, 1 thread each (default: CPU count).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Use a running Dask scheduler (e.g. tcp://host:8786), not a local cluster.")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "html"]), default="json",
              show_default=True, help="Format of the story files and the index.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]),
              help="Sentence embedder (default minilm).")
@click.option("--words", type=click.IntRange(min=10), help="Summary budget in words (default 120).")
@click.option("--min-sources", type=click.IntRange(min=1), default=2, show_default=True,
              help="Brief only stories with at least this many sources.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Options file (TOML).")
@click.option("-q", "--quiet", is_flag=True, default=None,
              help="No progress or summary lines on stderr.")
def batch(  # type: ignore[no-untyped-def]
    inputs, out_dir, workers, scheduler, fmt, embedder, words, min_sources, config_path, quiet
):
    """Brief every story in INPUTS (archives: JSONL files, folders, files) in parallel on Dask.

    Documents are cleaned and stories briefed on Dask workers; stories are grouped
    on this machine. Writes OUT/story-<id>.<ext> per story with at least
    --min-sources sources, and OUT/index.<ext>. Bad documents are reported and
    skipped; the exit code is 1 if any were.
    """
    if workers is not None and scheduler is not None:
        raise click.UsageError("give either --workers or --scheduler, not both")
    options = build_options(
        {"words": words, "embedder": embedder, "quiet": quiet}, config=config_path)
    show = not options.quiet and sys.stderr.isatty()
    started = time.perf_counter()
    result = run_batch(list(inputs), out_dir, options, workers=workers, scheduler=scheduler,
                       fmt=fmt, min_sources=min_sources,
                       progress=_terminal_progress if show else None)
    report(list(result.errors))
    if not options.quiet:
        skipped = (f", {result.skipped} with fewer than {min_sources} sources skipped"
                   if result.skipped else "")
        click.echo(
            f"newsprism: wrote {result.stories} "
            f"{'story' if result.stories == 1 else 'stories'} from {result.articles} "
            f"articles{skipped} ({time.perf_counter() - started:.1f}s); index: {result.index}",
            err=True)
    exit_if_any(list(result.errors))
