"""Kept lines into paragraphs (a hard-wrapped block is one), and repeated paragraphs dropped."""
from __future__ import annotations

from ..model import Removed
from .limits import LIMITS
from .lines import TERMINAL, Line, count_words, norm


def _wrapped_blocks(lines: list[Line]) -> set[int]:
    """Blocks that look hard-wrapped (several lines of similar, short width)."""
    by_block: dict[int, list[int]] = {}
    for ln in lines:
        by_block.setdefault(ln.block, []).append(len(ln.text))
    wrapped = set()
    for block, widths in by_block.items():
        body = widths[:-1]
        if len(widths) >= LIMITS.wrapped_lines and max(body) <= LIMITS.wrapped_width:
            wide = sum(1 for w in body if w >= LIMITS.wide_share * max(body))
            num, den = LIMITS.wrapped_share
            if wide >= max(LIMITS.wrapped_min_wide, num * len(body) / den):
                wrapped.add(block)
    return wrapped


def group_paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Group kept lines into paragraphs: a blank or removed line ends one, and inside a
    block every line is its own paragraph unless the block is hard-wrapped text."""
    wrapped = _wrapped_blocks(lines)
    paragraphs: list[list[Line]] = []
    previous: Line | None = None
    for ln in lines:
        if ln.verdict is not None:
            previous = None
            continue
        continues = (
            previous is not None and previous.block == ln.block and previous.index + 1 == ln.index
            and not TERMINAL.search(previous.text)
            and (ln.text[:1].islower() or ln.block in wrapped)
        )
        if continues:
            paragraphs[-1].append(ln)
        else:
            paragraphs.append([ln])
        previous = ln
    return paragraphs


def dedupe(paragraphs: list[list[Line]], text: str) -> tuple[list[list[Line]], list[Removed]]:
    seen: set[str] = set()
    kept, removed = [], []
    for para in paragraphs:
        key = " ".join(norm(ln.text) for ln in para)
        if count_words(key) >= LIMITS.duplicate_words and key in seen:
            start, end = para[0].start, para[-1].end
            removed.append(Removed(text=text[start:end], reason="duplicate", start=start, end=end))
            continue
        seen.add(key)
        kept.append(para)
    return kept, removed
