"""Which keys of the clusterer's memory fall out of its window, without scanning them all."""

from __future__ import annotations

import heapq


class Expiry:
    """Keys with the day they expire by, handed back once that day falls before a horizon.

    A min-heap: finding what fell out of the window costs the number of keys
    that did, not the number held. A key whose day changed is simply added
    again; the caller skips what it no longer holds or what moved on.

    Examples:
        >>> e = Expiry()
        >>> e.add(5, "a"); e.add(9, "b")
        >>> e.before(6)
        ['a']
    """

    def __init__(self) -> None:
        self._heap: list[tuple[int, str]] = []

    def add(self, day: int, key: str) -> None:
        heapq.heappush(self._heap, (day, key))

    def before(self, horizon: int) -> list[str]:
        """The keys added with a day before ``horizon`` (now forgotten), earliest first."""
        out = []
        while self._heap and self._heap[0][0] < horizon:
            out.append(heapq.heappop(self._heap)[1])
        return out
