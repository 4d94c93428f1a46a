"""Unicode repair of a kept line (ftfy, spaces collapsed) with the original offset of each of
its characters, compressed into runs for `Cleaned.to_original`."""
from __future__ import annotations

import difflib
import functools
import re

from .limits import LIMITS
from .lines import EDGE_SPACE, LINE_BREAK


@functools.lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    # Curly quotes and the like are real characters of the article: keep them.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)


_SPACE_LIKE = set(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")
_SPACE_CLASS = "[" + re.escape("".join(sorted(_SPACE_LIKE))) + "]"
# what _collapse_spaces changes: a run of two or more, or a space-like character other than " "
_TO_COLLAPSE = re.compile(f"{_SPACE_CLASS}{{2,}}|(?! ){_SPACE_CLASS}")


def _collapse_spaces(line: str) -> tuple[str, list[int]]:
    """Runs of spaces/tabs/no-break spaces -> one " " (the run's FIRST character is the one
    kept, so a word's end offset still lands on the space right after it)."""
    if not _TO_COLLAPSE.search(line):
        return line, list(range(len(line)))  # most lines: nothing to do, and no loop over them
    out, idx = [], []
    for i, ch in enumerate(line):
        if ch in _SPACE_LIKE:
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        idx.append(i)
    return "".join(out), idx


_CHUNK = LIMITS.chunk


def _chunks(text: str) -> list[tuple[int, int]]:
    """(start, end) pieces of about _CHUNK characters, cut after a space."""
    spans, start = [], 0
    while len(text) - start > _CHUNK:
        cut = text.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
        cut = cut + 1 if cut >= 0 else start + _CHUNK
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _align(old: str, new: str, idx: list[int]) -> list[int]:
    """Original index for each character of `new`, a rewrite of `old` (whose characters
    sit at `idx`): unchanged runs map exactly, rewritten stretches proportionally."""
    out: list[int] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(idx[i1:i2])
        elif j2 > j1:  # replace / insert: spread over the replaced stretch
            for k in range(j2 - j1):
                src = i1 + (k * (i2 - i1)) // (j2 - j1)
                out.append(idx[src] if src < len(idx) else (idx[-1] + 1 if idx else 0))
    return out


def _fix_piece(piece: str, idx: list[int]) -> tuple[str, list[int]]:
    import ftfy

    fixed = ftfy.fix_text(piece, config=_ftfy_config())
    if fixed == piece:
        return piece, idx
    fixed = LINE_BREAK.sub(" ", fixed)
    old_words, new_words = piece.split(" "), fixed.split(" ")
    if len(old_words) != len(new_words):
        return fixed, _align(piece, fixed, idx)
    # ftfy's fixes stay inside words: align word by word, which keeps difflib's
    # quadratic cost to a few characters at a time
    out: list[int] = []
    pos = 0
    for n, (old, new) in enumerate(zip(old_words, new_words)):
        if n:
            out.append(idx[pos - 1])  # the space between words
        word_idx = idx[pos:pos + len(old)]
        out.extend(word_idx if old == new else _align(old, new, word_idx))
        pos += len(old) + 1
    return fixed, out


def repair(line: str) -> tuple[str, list[int]]:
    """(repaired line, original index of each of its characters).

    ftfy fixes mojibake, HTML entities, control characters and the like. Where it
    rewrites a stretch, the new characters are spread proportionally over the old ones.
    """
    collapsed, idx = _collapse_spaces(line)
    parts, part_idx = [], []
    for a, b in _chunks(collapsed):
        fixed, fixed_idx = _fix_piece(collapsed[a:b], idx[a:b])
        parts.append(fixed)
        part_idx.extend(fixed_idx)
    collapsed, idx = "".join(parts), part_idx
    # ftfy may leave edge spaces (e.g. a decoded no-break space): trim them with their indices
    lead = len(collapsed) - len(collapsed.lstrip(EDGE_SPACE))
    trimmed = collapsed.strip(EDGE_SPACE)
    return trimmed, idx[lead:lead + len(trimmed)]


def offset_runs(idx: list[int], c_base: int, o_base: int) -> list[tuple[int, int, int, int]]:
    """Compress a per-character index map into runs of consecutive characters."""
    segs: list[tuple[int, int, int, int]] = []
    for j, o in enumerate(idx):
        if segs and segs[-1][1] + segs[-1][2] == o_base + o and segs[-1][0] + segs[-1][2] == c_base + j:
            c0, o0, n, _ = segs[-1]
            segs[-1] = (c0, o0, n + 1, n + 1)
        else:
            segs.append((c_base + j, o_base + o, 1, 1))
    return segs
