"""What the clusterer knows of a story, as plain data a store can keep; dates as day numbers."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from newsprism.cluster.join import StoryTime
from newsprism.cluster.vectors import Sparse, Stack, sparse, stack

EPOCH = date(2000, 1, 1).toordinal()  # origin of StoryState's day sums
# the story vectors an article is scored against, in the order of their slots in a Stack
PARTS = ("centroid", "title", "lead", "names")


@dataclass(slots=True)
class StoryState:
    """What the clusterer knows of one story; plain data so a store can keep it.

    Vectors are summed log-tf of the members' terms (idf is applied when scored).
    ``day_sum``/``day_sq``/``dated`` give the mean and spread of the members'
    dates (days counted from :data:`EPOCH`, so the squares stay small and exact).
    States saved before these fields existed restore with them empty.
    """

    id: str
    centroid: dict[int, float]  # title + lead of every member
    first: int | None  # proleptic ordinal day of the earliest dated member
    last: int | None
    size: int
    indexed: tuple[int, ...] = ()
    members: list[dict[int, float]] = field(default_factory=list)  # recent members' log-tf
    title: dict[int, float] = field(default_factory=dict)  # members' headlines
    lead: dict[int, float] = field(default_factory=dict)  # members' first sentences
    names: dict[int, float] = field(default_factory=dict)  # members' names
    titled: int = 0  # members with a headline
    dated: int = 0  # members with a date
    day_sum: float = 0.0  # sum of members' days since EPOCH
    day_sq: float = 0.0  # sum of their squares
    # vectors as arrays for the batched cosines, and the time statistics; rebuilt after
    # every change, never saved
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def arrays(self, part: str) -> Sparse:
        """The ``part`` vector ("centroid", "title", "lead", "names") as sparse arrays."""
        hit = self.cache.get(part)
        if hit is None:
            hit = self.cache[part] = sparse(getattr(self, part))
        return hit  # type: ignore[return-value]

    def member_arrays(self) -> list[Sparse]:
        """The latest members' vectors as sparse arrays."""
        hit = self.cache.get("members")
        if hit is None:
            hit = self.cache["members"] = [sparse(m) for m in self.members]
        return hit  # type: ignore[return-value]

    def stacked(self) -> Stack:
        """The :data:`PARTS` vectors (slots 0-3, meeting the article's parts in that
        order), then the latest members (slot 0: they meet the article's body)."""
        hit = self.cache.get("stacked")
        if hit is None:
            parts = [(slot, self.arrays(part)) for slot, part in enumerate(PARTS)]
            hit = self.cache["stacked"] = stack(parts + [(0, m) for m in self.member_arrays()])
        return hit  # type: ignore[return-value]

    def time(self) -> StoryTime:
        """The story's dates as the join model reads them."""
        hit = self.cache.get("time")
        if hit is None:
            hit = self.cache["time"] = self._time()
        return hit  # type: ignore[return-value]

    def _time(self) -> StoryTime:
        if not self.dated or self.first is None:
            return StoryTime(self.first, self.last, None, 0.0, self.size)
        mean = self.day_sum / self.dated
        var = self.day_sq / self.dated - mean * mean
        return StoryTime(self.first, self.last, EPOCH + mean, math.sqrt(max(var, 0.0)), self.size)


@dataclass(frozen=True, slots=True)
class Changes:
    """State changed since the last :meth:`StoryClusterer.drain`, to be persisted."""

    stories: tuple[StoryState, ...]
    df_delta: dict[int, int]
    n_docs: int


def day_number(published: str | None) -> int | None:
    """``"YYYY-MM-DD"`` (or a longer ISO string) -> ordinal day; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None
