"""``newsprism eval``: summary quality against human references, beside baselines."""

from __future__ import annotations

import json
import sys

import click

from newsprism.errors import ConfigError


@click.command("eval")
@click.argument("dataset", type=click.Path(dir_okay=False, path_type=str))
@click.option("--words", type=click.IntRange(min=1), default=None,
              help="Word budget (default: the task's own: 100 for DUC 2003 / 2007 update, "
                   "250 for DUC 2006 / 2007 main / MultiLing).")
@click.option("--baselines", default="lead,lexrank,textrank", show_default=True,
              help="Comma-separated: lead, lexrank, textrank, lsa ('' or 'none' for none).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N clusters that have references.")
@click.option("--focus/--no-focus", default=True, show_default=True,
              help="Bias NewsPrism toward the cluster's question (meta.query) when it has one.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]), default="tfidf",
              show_default=True, help="Sentence embedder NewsPrism aligns with.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
def evaluate(dataset: str, words: int | None, baselines: str, limit: int | None, focus: bool,
             embedder: str, as_json: bool, quiet: bool) -> None:
    """Score NewsPrism's summaries of DATASET.jsonl (ROUGE-1/2) beside baselines.

    DATASET has one cluster per line: {"id", "documents": [{"text", "source",
    "date", ...}], "references": [str, ...], "meta": {"query": ...}}.
    """
    from newsprism.eval import default_words, read_clusters
    from newsprism.eval.baselines import NAMES
    from newsprism.eval.runner import Report, build_systems, format_table
    from newsprism.eval.runner import evaluate as run

    names = [n.strip() for n in baselines.split(",") if n.strip() and n.strip() != "none"]
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ConfigError(f"unknown baseline(s) {', '.join(unknown)}; choose from: "
                          f"{', '.join(NAMES)}")
    words = words or default_words(dataset)
    clusters = read_clusters(dataset, limit=limit)
    systems = build_systems(names, embedder, focus)
    show = not (quiet or as_json) and sys.stderr.isatty()
    with click.progressbar(length=len(clusters), label="scoring clusters", file=sys.stderr,
                           hidden=not show) as bar:
        results = run(clusters, words, systems, progress=bar.update)
    report = Report(dataset=dataset, words=words, focus=focus, embedder=embedder,
                    systems=results, cluster_ids=[c.id for c in clusters])
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_table(report))
