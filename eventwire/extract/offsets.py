"""Offset look-ups built once per document or sentence, so that each event asks in log time what
was a scan of the whole document or sentence (time linear in document length, issue 11).

Each answers exactly what the scan it replaces answered, in the same order, so the output does
not change."""
from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from typing import Generic, Iterable, Protocol, Sequence, TypeVar


class Cover:
    """Spans (start, end), asked whether one of them holds a range:
    any(s <= start and end <= e for s, e in spans)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = (), extra: Sequence[tuple[int, int]] = ()):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        # the farthest end among the spans starting at or before each one
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))
        self._extra = list(extra)  # a few spans of one sentence, checked one by one

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start)
        return (i > 0 and self._reach[i - 1] >= end) or any(s <= start and end <= e for s, e in self._extra)

    def plus(self, extra: Sequence[tuple[int, int]]) -> "Cover":
        """This cover and a few more spans (the sorted spans are shared, not copied)."""
        out = Cover.__new__(Cover)
        out._starts, out._reach, out._extra = self._starts, self._reach, [*self._extra, *extra]
        return out


def outermost(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The distinct spans, sorted, that no other one holds:
    [p for p in sorted(set(spans)) if not any(q != p and q[0] <= p[0] and p[1] <= q[1] for q in ...)]."""
    ordered = sorted(set(spans))
    out, reach = [], None  # the farthest end among the spans before this one
    for i, (s, e) in enumerate(ordered):
        longer_same_start = i + 1 < len(ordered) and ordered[i + 1][0] == s
        if not longer_same_start and (reach is None or reach < e):
            out.append((s, e))
        reach = e if reach is None else max(reach, e)
    return out


class _Located(Protocol):
    start: int
    end: int


L = TypeVar("L", bound=_Located)


class ByStart(Generic[L]):
    """Items with offsets (actors, places), found by where they start, in their original order."""

    def __init__(self, items: Sequence[L]):
        self.items = list(items)
        self._order = sorted(range(len(self.items)), key=lambda i: self.items[i].start)
        self._starts = [self.items[i].start for i in self._order]

    def starting(self, lo: int, hi: int) -> list[L]:
        """Items with lo <= start < hi."""
        a, b = bisect_left(self._starts, lo), bisect_left(self._starts, hi)
        return [self.items[i] for i in sorted(self._order[a:b])]

    def within(self, lo: int, hi: int) -> list[L]:
        """Items with lo <= start and end <= hi."""
        a, b = bisect_left(self._starts, lo), bisect_right(self._starts, hi)
        return [self.items[i] for i in sorted(self._order[a:b]) if self.items[i].end <= hi]


class LastEnding(Generic[L]):
    """Items with offsets, asked which starts last among those ending by an offset (the first
    in the list of equals): max((x for x in items if x.end <= offset), key=start)."""

    def __init__(self, items: Sequence[L]):
        self._items = list(items)
        ordered = sorted(range(len(self._items)), key=lambda i: self._items[i].end)
        self._ends = [self._items[i].end for i in ordered]
        # the best (latest start, then first in the list) among the items ending up to each one
        self._best = list(itertools.accumulate(((self._items[i].start, -i) for i in ordered), max))

    def ending_by(self, offset: int) -> L | None:
        k = bisect_right(self._ends, offset)
        return self._items[-self._best[k - 1][1]] if k else None


class Paragraphs:
    """Where the paragraph holding an offset starts: text.rfind("\\n\\n", 0, pos) + 1."""

    def __init__(self, text: str):
        self._breaks = [m.start() for m in re.finditer(r"(?=\n\n)", text)]

    def start_before(self, pos: int) -> int:
        i = bisect_right(self._breaks, pos - 2)
        return self._breaks[i - 1] + 1 if i else 0


class Clauses:
    """The clauses of one sentence spanning lo..hi, split at its clause breaks (absolute
    (start, end) pairs in text order, as finditer gives them)."""

    def __init__(self, breaks: Sequence[tuple[int, int]], lo: int, hi: int):
        self._starts = [b0 for b0, _ in breaks]
        self._ends = [b1 for _, b1 in breaks]
        self._lo, self._hi = lo, hi

    def of(self, pos: int) -> tuple[int, int]:
        """The clause that holds `pos`: from the end of the last break ending at or before it to
        the start of the first later break starting at or after it."""
        i = bisect_right(self._ends, pos)
        lo = self._ends[i - 1] if i else self._lo
        j = max(i, bisect_left(self._starts, pos))
        return lo, self._starts[j] if j < len(self._starts) else self._hi
