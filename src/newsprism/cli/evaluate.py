"""``newsprism eval``: summary quality against human references, or story-clustering
quality against gold clusters, beside baselines.

The kind of dataset is read from its first line. Options that only shape
summaries (--words, --baselines, --focus, --embedder) are rejected for a
gold-cluster file rather than silently ignored, so a score is never reported
under settings that did not apply to it.
"""

from __future__ import annotations

import json
import sys

import click
from click.core import ParameterSource

from newsprism.errors import ConfigError

SUMMARY_ONLY = ("words", "baselines", "focus", "embedder")


@click.command("eval")
@click.argument("dataset", type=click.Path(dir_okay=False, path_type=str))
@click.option("--words", type=click.IntRange(min=1), default=None,
              help="Word budget (default: the task's own: 100 for DUC 2003 / 2007 update, "
                   "250 for DUC 2006 / 2007 main / MultiLing).")
@click.option("--baselines", default="lead,lexrank,textrank", show_default=True,
              help="Comma-separated: lead, lexrank, textrank, lsa ('' or 'none' for none).")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Only the first N clusters that have references (summaries) or the first "
                   "N articles (gold clusters).")
@click.option("--focus/--no-focus", default=True, show_default=True,
              help="Bias NewsPrism toward the cluster's question (meta.query) when it has one.")
@click.option("--embedder", type=click.Choice(["minilm", "tfidf"]), default="minilm",
              show_default=True, help="Sentence embedder NewsPrism aligns with.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON on stdout.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def evaluate(ctx: click.Context, dataset: str, words: int | None, baselines: str,
             limit: int | None, focus: bool, embedder: str, as_json: bool, quiet: bool) -> None:
    """Score NewsPrism on DATASET.jsonl beside baselines: summaries or story clusters.

    The first line of DATASET decides what is scored.

    \b
    Summaries (ROUGE-1/2 against human references), one cluster per line:
      {"id", "documents": [{"text", "source", "date", ...}], "references": [str, ...],
       "meta": {"query": ...}}
    Story clustering (B-cubed precision/recall/F1 against gold stories), one article
    per line, streamed in date order with the shipped clustering defaults, beside a
    TF-IDF nearest-earlier-article baseline (cosine >= 0.3, no window):
      {"id", "cluster", "text", "title", "date", ...}

    --words, --baselines, --focus and --embedder shape summaries only: giving one
    with a file of gold clusters is an error. --limit, --json and --quiet apply to both.
    """
    from newsprism.eval.datasets import dataset_kind

    show = not (quiet or as_json) and sys.stderr.isatty()
    if dataset_kind(dataset) == "clusters":
        given = [p for p in ctx.command.params if p.name in SUMMARY_ONLY
                 and ctx.get_parameter_source(p.name) is not ParameterSource.DEFAULT]
        if given:
            flags = ", ".join("/".join(p.opts + p.secondary_opts) for p in given)
            raise ConfigError(f"{flags}: only for summary datasets; {dataset} holds gold "
                              "clusters (drop the option)")
        _evaluate_clusters(dataset, limit, as_json, show)
        return
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
    with click.progressbar(length=len(clusters), label="scoring clusters", file=sys.stderr,
                           hidden=not show) as bar:
        results = run(clusters, words, systems, progress=bar.update)
    report = Report(dataset=dataset, words=words, focus=focus, embedder=embedder,
                    systems=results, cluster_ids=[c.id for c in clusters])
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_table(report))


def _evaluate_clusters(dataset: str, limit: int | None, as_json: bool, show: bool) -> None:
    from newsprism.eval.clusters import (
        date_order,
        evaluate_clusters,
        format_cluster_table,
        read_gold,
    )

    articles = date_order(read_gold(dataset, limit=limit))
    with click.progressbar(length=len(articles), label="clustering articles", file=sys.stderr,
                           hidden=not show) as bar:
        report = evaluate_clusters(articles, dataset=dataset, progress=bar.update)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
    else:
        click.echo(format_cluster_table(report))
