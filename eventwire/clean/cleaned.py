"""The result of cleaning: the text, what was removed, and a map back to original offsets."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Removed


@dataclass
class Cleaned:
    """The cleaned text, what was removed, and a map back to the original offsets."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    # runs of consecutive characters: (clean_start, orig_start, length, length)
    segments: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)
    original_length: int = 0

    def to_original(self, offset: int) -> int:
        """Offset in `text` -> offset in the original input.

        Each kept character maps to where it was (a character ftfy rewrote maps into the
        stretch it replaced, proportionally); an offset just after a run maps just after
        its last character, and one inside a separator we inserted ("\\n\\n" or " ")
        walks into the original gap, so span ends stay exclusive ends.
        """
        if not self.segments:
            return min(max(offset, 0), self.original_length)
        offset = max(0, offset)
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return self.segments[0][1]
        c0, o0, clen, olen = self.segments[i]
        if offset <= c0 + clen:
            return o0 + (offset - c0)
        # inside a separator: walk into the original gap as far as it goes
        gap = offset - (c0 + clen)
        limit = self.segments[i + 1][1] if i + 1 < len(self.segments) else self.original_length
        return min(o0 + olen + gap, limit)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        return self.to_original(start), self.to_original(end)
