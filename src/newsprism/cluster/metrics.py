"""B-cubed precision, recall and F1 of a clustering against gold labels."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


def bcubed(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over items (Bagga & Baldwin 1998).

    ``predicted[i]`` and ``gold[i]`` are the cluster labels of item ``i``.
    Computed from the contingency table, so it is O(n), not O(n²).
    """
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold must label the same items")
    if not predicted:
        return 1.0, 1.0, 1.0
    pair = Counter(zip(predicted, gold))
    p_size, g_size = Counter(predicted), Counter(gold)
    n = len(predicted)
    precision = sum(c * c / p_size[p] for (p, _), c in pair.items()) / n
    recall = sum(c * c / g_size[g] for (_, g), c in pair.items()) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
