"""Clean article text: drop page furniture, photo captions and repeated paragraphs.

`clean(text)` works line by line and never edits inside a kept line except for
unicode repair (ftfy) and whitespace collapsing, so every kept character can be traced
back to the input. The steps, in order:

1. split into lines (any line break: \\n, \\r\\n, \\r, U+2028 ...); blank lines separate blocks;
2. boilerplate: each line goes through `BOILERPLATE_RULES`, an ordered cascade of small
   pure predicates on the whole (stripped, lower-cased) line. A rule only fires when the
   *whole line* is furniture ("Share", "Advertisement", "Read more: ...") so a real
   sentence that merely contains such a word is never touched;
3. captions: short unpunctuated lines that describe a picture (see `_caption_lines`);
   the first content line (the headline) is never a caption;
4. duplicates: a paragraph identical to an earlier one (case and spacing aside) goes;
5. the kept lines are repaired with ftfy, re-joined (" " inside a hard-wrapped paragraph,
   "\\n\\n" between paragraphs) and a piecewise offset map is kept so
   `Cleaned.to_original` is exact for unchanged characters and proportional inside the
   few stretches ftfy rewrote (e.g. mojibake "Ã©" -> "é").
"""
from __future__ import annotations

import bisect
import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

from .lexicon import pattern, regex
from .model import Removed

# str.splitlines' break characters, so nothing a user would see as a new line is missed.
_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_EDGE_SPACE = " \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
_TERMINAL = re.compile(r"[.!?…:;\"”’»)\]]$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


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


@dataclass(frozen=True)
class Limits:
    """The sizes cleaning decides by, named once (in words unless said)."""

    # A furniture rule that matches a line's start only fires on a line this short.
    read_more_words: int = 25
    subscription_words: int = 25
    navigation_words: int = 25
    copyright_words: int = 30
    rights_reserved_words: int = 25
    follow_us_words: int = 20
    credit_words: int = 20
    media_link_words: int = 30
    caption_label_words: int = 40
    # A photo caption: a short unpunctuated line (caption_words), or one with a credit tacked on
    # (credited_caption_words); a removed credit line within credit_distance lines makes a line
    # next to it a caption; a weak opening counts only on the last of min_lines_for_last lines.
    caption_words: tuple[int, int] = (3, 15)
    credited_caption_words: tuple[int, int] = (3, 30)
    credit_distance: int = 2
    min_lines_for_last: int = 3
    # A hard-wrapped block: at least wrapped_lines lines no wider than wrapped_width characters,
    # most of them (wrapped_share, and at least wrapped_min_wide) at least wide_share as wide
    # as the widest.
    wrapped_lines: int = 3
    wrapped_width: int = 100
    wide_share: float = 0.7
    wrapped_min_wide: int = 2
    wrapped_share: tuple[int, int] = (2, 3)  # a fraction, as numerator and denominator
    duplicate_words: int = 3  # a repeated paragraph this long is a duplicate
    chunk: int = 1000  # characters: ftfy and alignment work on pieces this long (stays linear)


LIMITS = Limits()


# --------------------------------------------------------------------------- lines


@dataclass
class _Line:
    index: int  # position among all lines (blank ones too)
    start: int  # stripped line in the original
    end: int
    text: str
    block: int  # run of consecutive non-blank lines
    verdict: str | None = None  # None = kept, else the removal reason
    rule: str | None = None  # the cascade rule that removed it


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos, block, index, previous_blank = 0, 0, 0, True
    breaks = [m.span() for m in _LINE_BREAK.finditer(text)] + [(len(text), len(text))]
    for b_start, b_end in breaks:
        raw = text[pos:b_start]
        lead = len(raw) - len(raw.lstrip(_EDGE_SPACE))
        stripped = raw.strip(_EDGE_SPACE)
        if stripped:
            if previous_blank:
                block += 1
            start = pos + lead
            lines.append(_Line(index, start, start + len(stripped), stripped, block))
            previous_blank = False
        else:
            previous_blank = True
        index += 1
        pos = b_end
        if b_start == len(text):
            break
    return lines


# --------------------------------------------------------------------------- boilerplate


def _norm(line: str) -> str:
    """Lower-case, collapse spaces, drop decorative bullets/arrows at the edges."""
    line = unicodedata.normalize("NFKC", line).lower().replace("’", "'")
    line = re.sub(r"\s+", " ", line)
    return line.strip(" |•·»«›‹>*-–—_~=#")


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def _full(pattern: str) -> Callable[[str], bool]:
    rx = re.compile(pattern)
    return lambda s: rx.fullmatch(s) is not None


def _prefix(pattern: str, max_words: int) -> Callable[[str], bool]:
    rx = re.compile(pattern)
    return lambda s: rx.match(s) is not None and _words(s) <= max_words


# The furniture each rule knows: data/patterns/clean.yaml.
_SOCIAL_BUTTONS = regex("social_buttons_line")


def is_social_buttons(s: str) -> bool:
    """"Share", "Tweet", "Share on Facebook", "Facebook Twitter Email"..."""
    return _SOCIAL_BUTTONS.fullmatch(s) is not None


is_advertising = _full(pattern("advertising_line"))

_is_read_more_exact = _full(pattern("read_more_line"))
_is_read_more_prefix = _prefix(pattern("read_more_start"), LIMITS.read_more_words)


def is_read_more(s: str) -> bool:
    """"Read more", "Read more: <link title>", "Related:", "Most read"..."""
    return _is_read_more_exact(s) or _is_read_more_prefix(s)


_is_subscription_exact = _full(pattern("subscription_line"))
_is_subscription_prefix = _prefix(pattern("subscription_start"), LIMITS.subscription_words)


def is_subscription(s: str) -> bool:
    """"Subscribe ...", "Sign up for our newsletter" (short, whole line)."""
    return _is_subscription_exact(s) or _is_subscription_prefix(s)


_is_cookie_any = regex("cookie_notice_start").match
_is_cookie_exact = _full(pattern("cookie_button_line"))


def is_cookie_notice(s: str) -> bool:
    """Cookie and consent banners."""
    return bool(_is_cookie_any(s)) or _is_cookie_exact(s)


_is_navigation_exact = _full(pattern("navigation_line"))
_is_navigation_prefix = _prefix(pattern("navigation_start"), LIMITS.navigation_words)


def is_navigation(s: str) -> bool:
    """"Skip to content", "Click here ...", "Back to top"..."""
    return _is_navigation_exact(s) or _is_navigation_prefix(s)


_is_copyright_prefix = _prefix(pattern("copyright_start"), LIMITS.copyright_words)
_has_rights_reserved = regex("rights_reserved").search


def is_copyright(s: str) -> bool:
    """"© 2016 ...", "Copyright 2016 ...", "All rights reserved" (short lines)."""
    return _is_copyright_prefix(s) or (bool(_has_rights_reserved(s)) and _words(s) <= LIMITS.rights_reserved_words)


is_follow_us = _prefix(pattern("follow_us_start"), LIMITS.follow_us_words)

_is_credit_prefix = _prefix(pattern("credit_start"), LIMITS.credit_words)
_is_credit_only = _full(pattern("credit_line"))


def is_image_credit(s: str) -> bool:
    """"Image copyright ...", "Getty Images", "Photo: ...", "(AP Photo/Hussein Malla)"."""
    return _is_credit_prefix(s) or _is_credit_only(s)


is_media_link = _prefix(pattern("media_link_start"), LIMITS.media_link_words)


def has_no_words(s: str) -> bool:
    """Separators: "***", "—", "| |"."""
    return not _WORD.search(s)


is_image_caption_label = _prefix(pattern("caption_label_start"), LIMITS.caption_label_words)

# Ordered cascade: (name, predicate on the normalised line, reason). First match wins.
BOILERPLATE_RULES: list[tuple[str, Callable[[str], bool], str]] = [
    ("separator", has_no_words, "boilerplate"),
    ("social", is_social_buttons, "boilerplate"),
    ("advertising", is_advertising, "boilerplate"),
    ("read_more", is_read_more, "boilerplate"),
    ("subscription", is_subscription, "boilerplate"),
    ("cookies", is_cookie_notice, "boilerplate"),
    ("navigation", is_navigation, "boilerplate"),
    ("copyright", is_copyright, "boilerplate"),
    ("follow_us", is_follow_us, "boilerplate"),
    ("image_caption_label", is_image_caption_label, "caption"),
    ("image_credit", is_image_credit, "boilerplate"),
    ("media_link", is_media_link, "boilerplate"),
]


def boilerplate_rule(line: str) -> tuple[str, str] | None:
    """(rule name, reason) of the first cascade rule the whole line matches, else None."""
    s = _norm(line)
    for name, predicate, reason in BOILERPLATE_RULES:
        if predicate(s):
            return name, reason
    return None


def is_boilerplate(line: str) -> bool:
    return boilerplate_rule(line) is not None


# --------------------------------------------------------------------------- captions

# A credit tacked onto the end of a caption: "... on Monday. Photo: Reuters",
# "... (AP Photo/Hussein Malla)", "... (Picture: Police)", "... (Jane Doe/The Canadian Press)".
_CREDIT_TAILS = [
    regex("credit_tail_labelled", re.IGNORECASE),
    regex("credit_tail_labelled_bracket", re.IGNORECASE),
    regex("credit_tail_agency_bracket", re.IGNORECASE),
    regex("credit_tail_name_slash"),
    regex("credit_tail_getty", re.IGNORECASE),
]


def _caption_body(text: str) -> tuple[str, bool]:
    """The line without a trailing photo credit, and whether it had one."""
    for rx in _CREDIT_TAILS:
        m = rx.search(text)
        if m:
            body = text[: m.start()].rstrip(" .,;:–—-")
            if _WORD.search(body):
                return body, True
    return text, False


# Openings only a picture description uses: safe anywhere after the headline.
_STRONG_OPENING = regex("caption_strong_opening", re.IGNORECASE)
_SEEN = regex("caption_seen", re.IGNORECASE)
# Openings that are usually captions ("A man walks ...", "Protesters gather ...") but
# could start a subheading: only trusted for the last line or next to a credit.
_WEAK_OPENING = regex("caption_weak_opening", re.IGNORECASE)


def _looks_like_caption(text: str, max_words: int = LIMITS.caption_words[1]) -> bool:
    return LIMITS.caption_words[0] <= _words(text) <= max_words and not _TERMINAL.search(text)


def _caption_lines(lines: list[_Line]) -> None:
    """Mark photo captions among the kept lines (conservative; the headline never is)."""
    content = [ln for ln in lines if ln.verdict is None]
    if len(content) < 2:
        return
    by_index = {ln.index: ln for ln in lines}
    for pos, ln in enumerate(content):
        if pos == 0:
            continue  # the headline
        body, credited = _caption_body(ln.text)
        near_credit = any(
            (other := by_index.get(ln.index + d)) is not None and other.verdict is not None
            and other.rule in {"image_credit", "image_caption_label"}
            for d in range(-LIMITS.credit_distance, LIMITS.credit_distance + 1) if d
        )
        is_last = pos == len(content) - 1
        prev_done = bool(_TERMINAL.search(content[pos - 1].text))
        if credited and LIMITS.credited_caption_words[0] <= _words(body) <= LIMITS.credited_caption_words[1] \
                and not body.endswith("?"):
            ln.verdict = "caption"
        elif not _looks_like_caption(ln.text):
            continue
        elif near_credit or _STRONG_OPENING.match(ln.text) or _SEEN.search(ln.text):
            ln.verdict = "caption"
        elif is_last and prev_done and len(content) >= LIMITS.min_lines_for_last and _WEAK_OPENING.match(ln.text):
            ln.verdict = "caption"


# --------------------------------------------------------------------------- paragraphs


def _wrapped_blocks(lines: list[_Line]) -> set[int]:
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


def _paragraphs(lines: list[_Line]) -> list[list[_Line]]:
    """Group kept lines into paragraphs: a blank or removed line ends one, and inside a
    block every line is its own paragraph unless the block is hard-wrapped text."""
    wrapped = _wrapped_blocks(lines)
    paragraphs: list[list[_Line]] = []
    previous: _Line | None = None
    for ln in lines:
        if ln.verdict is not None:
            previous = None
            continue
        continues = (
            previous is not None and previous.block == ln.block and previous.index + 1 == ln.index
            and not _TERMINAL.search(previous.text)
            and (ln.text[:1].islower() or ln.block in wrapped)
        )
        if continues:
            paragraphs[-1].append(ln)
        else:
            paragraphs.append([ln])
        previous = ln
    return paragraphs


def _dedupe(paragraphs: list[list[_Line]], text: str) -> tuple[list[list[_Line]], list[Removed]]:
    seen: set[str] = set()
    kept, removed = [], []
    for para in paragraphs:
        key = " ".join(_norm(ln.text) for ln in para)
        if _words(key) >= LIMITS.duplicate_words and key in seen:
            start, end = para[0].start, para[-1].end
            removed.append(Removed(text=text[start:end], reason="duplicate", start=start, end=end))
            continue
        seen.add(key)
        kept.append(para)
    return kept, removed


# --------------------------------------------------------------------------- repair + map


@functools.lru_cache(maxsize=1)
def _ftfy_config():
    import ftfy

    # Curly quotes and the like are real characters of the article: keep them.
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)


_SPACE_LIKE = set(" \t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")


def _collapse_spaces(line: str) -> tuple[str, list[int]]:
    """Runs of spaces/tabs/no-break spaces -> one " " (the run's FIRST character is the one
    kept, so a word's end offset still lands on the space right after it)."""
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
    fixed = _LINE_BREAK.sub(" ", fixed)
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


def _repair(line: str) -> tuple[str, list[int]]:
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
    lead = len(collapsed) - len(collapsed.lstrip(_EDGE_SPACE))
    trimmed = collapsed.strip(_EDGE_SPACE)
    return trimmed, idx[lead:lead + len(trimmed)]


def _segments(idx: list[int], c_base: int, o_base: int) -> list[tuple[int, int, int, int]]:
    """Compress a per-character index map into runs of consecutive characters."""
    segs: list[tuple[int, int, int, int]] = []
    for j, o in enumerate(idx):
        if segs and segs[-1][1] + segs[-1][2] == o_base + o and segs[-1][0] + segs[-1][2] == c_base + j:
            c0, o0, n, _ = segs[-1]
            segs[-1] = (c0, o0, n + 1, n + 1)
        else:
            segs.append((c_base + j, o_base + o, 1, 1))
    return segs


# --------------------------------------------------------------------------- entry point


def clean(text: str) -> Cleaned:
    """Clean one article's text (see the module docstring for the steps)."""
    lines = _split_lines(text)
    for ln in lines:
        hit = boilerplate_rule(ln.text)
        if hit:
            ln.rule, ln.verdict = hit
    _caption_lines(lines)
    removed = [Removed(text=ln.text, reason=ln.verdict, start=ln.start, end=ln.end)
               for ln in lines if ln.verdict is not None]
    paragraphs, dupes = _dedupe(_paragraphs(lines), text)
    removed = sorted(removed + dupes, key=lambda r: r.start)

    out: list[str] = []
    segments: list[tuple[int, int, int, int]] = []
    pos = 0
    for para in paragraphs:
        pieces = [(ln, _repair(ln.text)) for ln in para]
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
            segments.extend(_segments(idx, pos, ln.start))
            out.append(fixed)
            pos += len(fixed)
    return Cleaned(text="".join(out), removed=removed, segments=segments, original_length=len(text))
