"""The input's lines, and the measures the cleaning steps take of a line."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# str.splitlines' break characters, so nothing a user would see as a new line is missed.
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
EDGE_SPACE = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
TERMINAL = re.compile(r"[.!?…:;\"”’»)\]]$")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass
class Line:
    index: int  # position among all lines (blank ones too)
    start: int  # stripped line in the original
    end: int
    text: str
    block: int  # run of consecutive non-blank lines
    verdict: str | None = None  # None = kept, else the removal reason
    rule: str | None = None  # the cascade rule that removed it


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos, block, index, previous_blank = 0, 0, 0, True
    breaks = [m.span() for m in LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for b_start, b_end in breaks:
        raw = text[pos:b_start]
        lead = len(raw) - len(raw.lstrip(EDGE_SPACE))
        stripped = raw.strip(EDGE_SPACE)
        if stripped:
            if previous_blank:
                block += 1
            start = pos + lead
            lines.append(Line(index, start, start + len(stripped), stripped, block))
            previous_blank = False
        else:
            previous_blank = True
        index += 1
        pos = b_end
        if b_start == len(text):
            break
    return lines


def norm(line: str) -> str:
    """Lower-case, collapse spaces, drop decorative bullets/arrows at the edges."""
    line = unicodedata.normalize("NFKC", line).lower().replace("’", "'")
    line = re.sub(r"\s+", " ", line)
    return line.strip(" |•·»«›‹>*-–—_~=#")


def count_words(line: str) -> int:
    return len(WORD.findall(line))
