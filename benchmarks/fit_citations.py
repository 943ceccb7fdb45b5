"""Cross-validate the citation check (``Options.citation_carried``) on the tune half (issue 9).

A summary line's extra citation claims "this outlet says it too". The strict alignment
groups two sentences only when one holds at least ``citation_carried`` of the other's
content words (:func:`newsprism.analyse.align.carries`) and neither contradicts the
other's claim (:func:`newsprism.analyse.align.contradicts`: another figure, another
day read against each article's publication day, another numbered stage). This script
reads the ``citation`` hand labels of the TUNE half of ``benchmarks/data/trust_split.json``
(the report half is never read), recomputes both for each labelled (line, cited
sentence) pair, and prints, for the words test alone and with the claim test:

* per threshold, the supported citations kept and the partial / unsupported ones kept;
* story-grouped 5-fold CV of the choice: on four folds the lowest threshold whose
  precision there is >= 0.95 is picked, and the fifth fold is scored with it.

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
from newsprism.analyse.align import claim, contradicts  # noqa: E402
from newsprism.analyse.summary.features import content_words  # noqa: E402

GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
TARGET = 0.95  # the citation-precision target


def dataset(limit: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Carried share, whether the claims contradict, label (1 = supported) and story of
    each tune-half citation label (of its first ``limit`` stories when given)."""
    stories = {s.id: s for s in trust.load_split("tune")[:limit]}
    labels = [lab for lab in trust.load_labels().values()
              if lab["kind"] == "citation" and lab["story"] in stories]
    texts: dict[str, dict] = {}
    share, clash, y, groups = [], [], [], []
    for lab in sorted(labels, key=lambda lab: (lab["story"], lab["key"])):
        if lab["story"] not in texts:
            articles = trust.story_articles(stories[lab["story"]])
            texts[lab["story"]] = {
                (trust._doc(a), s.start, s.end): (s.text, a.published)
                for a in articles for s in segment.split_sentences(a)}
        pair = [texts[lab["story"]][(r["doc"], r["start"], r["end"])] for r in lab["refs"][:2]]
        line, cited = (content_words(text) for text, _ in pair)
        share.append(len(line & cited) / max(min(len(line), len(cited)), 1))
        clash.append(contradicts(*(claim(text, day) for text, day in pair)))
        y.append(int(lab["label"] == "supported"))
        groups.append(lab["story"])
    return np.array(share), np.array(clash), np.array(y), groups


def pick(share: np.ndarray, y: np.ndarray) -> float:
    """The lowest threshold of :data:`GRID` reaching :data:`TARGET` precision."""
    for t in GRID:
        kept = share >= t
        if kept.any() and y[kept].mean() >= TARGET:
            return t
    return GRID[-1]


def cross_validate(score: np.ndarray, y: np.ndarray, groups: list[str]) -> None:
    """Print the story-grouped 5-fold CV of the threshold choice (see the module doc)."""
    from sklearn.model_selection import GroupKFold

    kept_good = kept_bad = 0
    picks = []
    for train, test in GroupKFold(n_splits=5).split(score, y, groups):
        t = pick(score[train], y[train])
        picks.append(t)
        kept = score[test] >= t
        kept_good += int((kept & (y[test] == 1)).sum())
        kept_bad += int((kept & (y[test] == 0)).sum())
    print(f"grouped CV: thresholds picked {picks}; held-out precision "
          f"{kept_good / max(kept_good + kept_bad, 1):.3f} ({kept_good} supported, "
          f"{kept_bad} not), recall {kept_good / int(y.sum()):.2f}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, help="only the first N tune stories (a smoke run)")
    args = p.parse_args(argv)
    if not trust.SHARED.exists():
        print(f"SKIP: {trust.SHARED} is absent; the stories are read from it")
        return 0
    share, clash, y, groups = dataset(args.limit)
    print(f"tune half: {len(y)} citation labels, {int(y.sum())} supported, "
          f"{len(set(groups))} stories; the claims contradict in {int(clash.sum())} "
          f"({int(clash[y == 1].sum())} of them labelled supported)")
    for name, score in (("words only", share), ("words + claim", np.where(clash, -1.0, share))):
        print(f"\n{name}\nthreshold | supported kept | partial/no kept | precision")
        for t in GRID:
            kept = score >= t
            print(f"{t:.2f} | {int(kept[y == 1].sum())} / {int(y.sum())} | "
                  f"{int(kept[y == 0].sum())} / {int((y == 0).sum())} | {y[kept].mean():.3f}")
        cross_validate(score, y, groups)
    return 0


if __name__ == "__main__":
    sys.exit(main())
