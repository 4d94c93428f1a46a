"""Clean article text: drop page furniture, photo captions and repeated paragraphs.

`clean(text)` works line by line and never edits inside a kept line except for
unicode repair (ftfy) and whitespace collapsing, so every kept character can be traced
back to the input. The steps, in order:

1. split into lines (lines.py; any line break: \\n, \\r\\n, \\r, U+2028 ...); blank lines
   separate blocks;
2. boilerplate (boilerplate.py): each line goes through `BOILERPLATE_RULES`, an ordered
   cascade of small pure predicates on the whole (stripped, lower-cased) line. A rule only
   fires when the *whole line* is furniture ("Share", "Advertisement", "Read more: ...") so a
   real sentence that merely contains such a word is never touched;
3. captions (captions.py): short unpunctuated lines that describe a picture; the first
   content line (the headline) is never a caption;
4. duplicates (paragraphs.py): a paragraph identical to an earlier one (case and spacing
   aside) goes;
5. the kept lines are repaired with ftfy (repair.py), re-joined (" " inside a hard-wrapped
   paragraph, "\\n\\n" between paragraphs) and a piecewise offset map is kept so
   `Cleaned.to_original` is exact for unchanged characters and proportional inside the
   few stretches ftfy rewrote (e.g. mojibake "Ã©" -> "é").

The sizes it decides by are in limits.py; the result, with its offset map, in cleaned.py.
"""
from __future__ import annotations

from ..model import Removed
from .boilerplate import BOILERPLATE_RULES, boilerplate_rule, is_boilerplate
from .captions import mark_captions
from .cleaned import Cleaned
from .limits import LIMITS, Limits
from .lines import split_lines
from .paragraphs import dedupe, group_paragraphs
from .repair import offset_runs, repair

__all__ = ["BOILERPLATE_RULES", "LIMITS", "Cleaned", "Limits", "boilerplate_rule", "clean", "is_boilerplate"]


def clean(text: str) -> Cleaned:
    """Clean one article's text (see the module docstring for the steps)."""
    lines = split_lines(text)
    for ln in lines:
        hit = boilerplate_rule(ln.text)
        if hit:
            ln.rule, ln.verdict = hit
    mark_captions(lines)
    removed = [Removed(text=ln.text, reason=ln.verdict, start=ln.start, end=ln.end)
               for ln in lines if ln.verdict is not None]
    paragraphs, dupes = dedupe(group_paragraphs(lines), text)
    removed = sorted(removed + dupes, key=lambda r: r.start)

    out: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    pos = 0
    for para in paragraphs:
        pieces = [(ln, repair(ln.text)) for ln in para]
        pieces = [(ln, repaired) for ln, repaired in pieces if repaired[0]]
        if not pieces:
            continue
        if out:
            out.append("\n\n")
            pos += 2
        for l_i, (ln, (fixed, idx)) in enumerate(pieces):
            if l_i:
                out.append(" ")
                pos += 1
            segments.extend(offset_runs(idx, pos, ln.start))
            out.append(fixed)
            pos += len(fixed)
    return Cleaned(text="".join(out), removed=removed, segments=segments, original_length=len(text))
