"""Cross-validate the citation check (``Options.citation_carried`` and
``Options.citation_states``) on the tune half (issue 9).

A summary line's extra citation claims "this outlet says it too". The strict alignment
groups two sentences only when one holds at least ``citation_carried`` of the smaller
one's content words (:func:`newsprism.analyse.align.carries`): one (nearly) contains
the other. A shown sentence then cites only the sentences of its group that hold at
least ``citation_states`` of ITS content words
(:func:`newsprism.analyse.summary.features.stating`): a shorter sentence saying part of a
longer line is not cited for it (until session 6 it was), a longer one containing a
shorter line is.

This script reads the ``citation`` hand labels of the TUNE half of
``benchmarks/data/trust_split.json`` (the report half is never read), recomputes both
shares for each labelled (line, cited sentence) pair, and prints for each rule:

* per threshold, the supported citations kept and the partial / unsupported ones kept;
* story-grouped 5-fold CV of the choice: on four folds the lowest threshold whose
  precision there is >= 0.95 is picked, and the fifth fold is scored with it.

``citation_states`` is fitted on the pairs the chosen ``citation_carried`` keeps.

    PYTHONPATH=src .venv/bin/python benchmarks/fit_citations.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import trust  # noqa: E402  (the benchmark's story readers and labels)

from newsprism import segment  # noqa: E402
from newsprism.analyse.summary.features import content_words  # noqa: E402
from newsprism.config import Options  # noqa: E402

GRID = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85)
TARGET = 0.95  # the citation-precision target


def dataset(limit: int | None = None
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Share of the smaller sentence's and of the line's content words the pair shares,
    label (1 = supported) and story of each tune-half citation label (of its
    first ``limit`` stories when given)."""
    stories = {s.id: s for s in trust.load_split("tune")[:limit]}
    labels = [lab for lab in trust.load_labels().values()
              if lab["kind"] == "citation" and lab["story"] in stories]
    texts: dict[str, dict] = {}
    carried, states, y, groups = [], [], [], []
    for lab in sorted(labels, key=lambda lab: (lab["story"], lab["key"])):
        if lab["story"] not in texts:
            articles = trust.story_articles(stories[lab["story"]])
            texts[lab["story"]] = {
                (trust._doc(a), s.start, s.end): s.text
                for a in articles for s in segment.split_sentences(a)}
        spans = [(r["doc"], r["start"], r["end"]) for r in lab["refs"][:2]]
        if not all(span in texts[lab["story"]] for span in spans):
            continue  # labelled when the sentence splitter cut that text otherwise
        line, cited = (content_words(texts[lab["story"]][span]) for span in spans)
        shared = len(line & cited)
        carried.append(shared / max(min(len(line), len(cited)), 1))
        states.append(shared / max(len(line), 1))
        y.append(int(lab["label"] == "supported"))
        groups.append(lab["story"])
    return np.array(carried), np.array(states), np.array(y), groups


def pick(share: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold of :data:`GRID` reaching :data:`TARGET` precision."""
    for t in GRID:
        kept = share >= t
        if kept.any() and y[kept].mean() >= TARGET:
            return t
    return GRID[-1]


def fit(name: str, share: np.ndarray, y: np.ndarray, groups: list[str]) -> None:
    """Print the kept counts per threshold and the story-grouped CV of the choice."""
    from sklearn.model_selection import GroupKFold

    print(f"{name}\nthreshold | supported kept | partial/no kept | precision")
    for t in GRID:
        kept = share >= t
        precision = f"{y[kept].mean():.3f}" if kept.any() else "-"
        print(f"{t:.2f} | {int(kept[y == 1].sum())} / {int(y.sum())} | "
              f"{int(kept[y == 0].sum())} / {int((y == 0).sum())} | {precision}")
    kept_good = kept_bad = 0
    picks = []
    folds = GroupKFold(n_splits=min(5, len(set(groups))))
    for train, test in folds.split(share, y, groups):
        t = pick(share[train], y[train])
        picks.append(t)
        kept = share[test] >= t
        kept_good += int((kept & (y[test] == 1)).sum())
        kept_bad += int((kept & (y[test] == 0)).sum())
    print(f"grouped CV: thresholds picked {picks}; held-out precision "
          f"{kept_good / max(kept_good + kept_bad, 1):.3f} ({kept_good} supported, "
          f"{kept_bad} not), recall {kept_good / max(int(y.sum()), 1):.2f}\n")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, help="only the first N tune stories (a smoke run)")
    args = p.parse_args(argv)
    if not trust.SHARED.exists():
        print(f"SKIP: {trust.SHARED} is absent; the stories are read from it")
        return 0
    carried, states, y, groups = dataset(args.limit)
    print(f"tune half: {len(y)} citation labels, {int(y.sum())} supported, "
          f"{len(set(groups))} stories\n")
    fit("citation_carried (share of the smaller sentence)", carried, y, groups)
    shipped = Options().citation_carried
    kept = carried >= shipped
    fit(f"citation_states (share of the line), pairs with carried >= {shipped}",
        states[kept], y[kept], [g for g, k in zip(groups, kept) if k])
    return 0


if __name__ == "__main__":
    sys.exit(main())
