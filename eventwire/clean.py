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


_SOCIAL_WORD = (
    r"(?:share|shares|tweet|email|e-mail|mail|print|pin|pin it|whatsapp|facebook|twitter|x|"
    r"linkedin|reddit|messenger|pinterest|telegram|flipboard|copy link|copy this link|link copied|"
    r"comments?|\d+ comments?|save|save article|saved|bookmark|share this(?: article| story| page| post| with)?|"
    r"share (?:article|story|page|via email)|share on (?:facebook|twitter|whatsapp|linkedin|x|email|reddit)|"
    r"share via (?:email|facebook|twitter|whatsapp)|gift (?:this )?article)"
)


def is_social_buttons(s: str) -> bool:
    """"Share", "Tweet", "Share on Facebook", "Facebook Twitter Email"..."""
    return re.fullmatch(rf"{_SOCIAL_WORD}(?:[\s|,/•·]+{_SOCIAL_WORD})*", s) is not None


is_advertising = _full(
    r"(?:advertisement|advertising|advert|ads?|sponsored(?: content| links?| stories)?|"
    r"paid (?:content|post|partnership)|promoted(?: content| stories)?|"
    r"(?:the )?(?:story|article) continues (?:below|after)(?: this)?(?: advertisement| ad)?|"
    r"continue reading(?: below| the main story| after (?:the )?(?:advertisement|ad))?|"
    r"scroll (?:down )?to continue(?: with content| reading)?|remove ads)"
)

_is_read_more_exact = _full(
    r"(?:read more|read also|also read|see also|more on this(?: story)?|related(?: articles?| stories| "
    r"coverage| content| topics| reading| links?| news)?|most (?:read|popular|viewed|shared)|top stories|"
    r"trending(?: now)?|recommended(?: for you)?|you (?:may|might) also like|more stories|more news|"
    r"latest news|editor's picks?)"
)
_is_read_more_prefix = _prefix(
    r"(?:read more|read also|also read|see also|related|more on this(?: story)?|more from|more:)"
    r"(?:\s*[:»›>|\-–—]|\s+(?:about|on|at|here|from)\b)", 25
)


def is_read_more(s: str) -> bool:
    """"Read more", "Read more: <link title>", "Related:", "Most read"..."""
    return _is_read_more_exact(s) or _is_read_more_prefix(s)


_is_subscription_exact = _full(
    r"(?:subscribe|subscribe now|sign up|sign in|log ?in|log out|register|newsletter|newsletters|"
    r"already a subscriber\??|become a member|support us)"
)
_is_subscription_prefix = _prefix(
    r"(?:subscribe\b|sign up (?:for|to|now|here)\b|(?:get|receive) (?:our|the) .*newsletters?\b|"
    r"already (?:a subscriber|have an account)|(?:support|fund) (?:our|independent) journalism|"
    r"become a (?:member|subscriber|supporter)|join our (?:newsletter|mailing list|community))", 25
)


def is_subscription(s: str) -> bool:
    """"Subscribe ...", "Sign up for our newsletter" (short, whole line)."""
    return _is_subscription_exact(s) or _is_subscription_prefix(s)


_is_cookie_any = re.compile(
    r"(?:we use cookies|we and our partners use cookies|this (?:web)?site uses cookies|"
    r"by (?:continuing to use|using) (?:this|our) (?:web)?site|we value your privacy)\b"
).match
_is_cookie_exact = _full(
    r"(?:accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|i accept|i agree|got it|ok|"
    r"cookie (?:policy|settings|preferences|notice)|manage (?:cookies|preferences|consent)|"
    r"privacy policy|terms (?:of (?:use|service)|and conditions))"
)


def is_cookie_notice(s: str) -> bool:
    """Cookie and consent banners."""
    return bool(_is_cookie_any(s)) or _is_cookie_exact(s)


_is_navigation_exact = _full(
    r"(?:skip to (?:main )?(?:content|navigation|article)|jump to (?:content|navigation)|back to top|"
    r"menu|main menu|search|home|close|next|previous|next article|previous article|next story|"
    r"loading\.*|listen to this article|listen|play video|play|show more|view comments|"
    r"toggle navigation|open menu|close menu|expand|enlarge this image|"
    r"media playback is unsupported on your device|this video can not be played)"
)
_is_navigation_prefix = _prefix(r"(?:click here|click to (?:enlarge|expand|play|read|view)|tap here)\b", 25)


def is_navigation(s: str) -> bool:
    """"Skip to content", "Click here ...", "Back to top"..."""
    return _is_navigation_exact(s) or _is_navigation_prefix(s)


_is_copyright_prefix = _prefix(r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))", 30)
_has_rights_reserved = re.compile(r"\ball rights reserved\b").search


def is_copyright(s: str) -> bool:
    """"© 2016 ...", "Copyright 2016 ...", "All rights reserved" (short lines)."""
    return _is_copyright_prefix(s) or (bool(_has_rights_reserved(s)) and _words(s) <= 25)


is_follow_us = _prefix(
    r"(?:follow us\b|follow (?:him|her|them|the author|@\w+|[\w.]+(?: [\w.]+)?) on (?:twitter|x|facebook|"
    r"instagram|telegram|linkedin|threads|bluesky)\b|follow @\w+|like us on facebook|find us on|"
    r"connect with us|join us on)", 20
)

_AGENCY = r"(?:getty images|getty|afp|ap|reuters|epa|epa-efe|anadolu(?: agency)?|xinhua|sana|tass|ria novosti|alamy|shutterstock|pa|pa media|dpa|efe|ansa)"
_is_credit_prefix = _prefix(
    r"(?:image copyright|image source|images? ?:|photo(?:graph)?s? ?:|picture ?:|pic ?:|"
    r"(?:photo|image|picture) credit|credit ?:|photo(?:graph)? by\b|image by\b|"
    r"file (?:photo|picture|image)$)", 20
)
_is_credit_only = _full(rf"\(?(?:[\w.\- ]{{0,30}}/)?(?:{_AGENCY}|{_AGENCY} (?:photo|images?)(?:/[\w.\- ]+)?|"
                        rf"(?:\w+ )?via getty images|{_AGENCY}/{_AGENCY})\)?")


def is_image_credit(s: str) -> bool:
    """"Image copyright ...", "Getty Images", "Photo: ...", "(AP Photo/Hussein Malla)"."""
    return _is_credit_prefix(s) or _is_credit_only(s)


is_media_link = _prefix(
    r"(?:watch|video|videos|listen|audio|gallery|in pictures|in pics|pictures|photos|live|live updates|"
    r"podcast)(?:\s*[:|\-–—]|$)|watch (?:video|live|now|the video|more)\b", 30
)


def has_no_words(s: str) -> bool:
    """Separators: "***", "—", "| |"."""
    return not _WORD.search(s)


is_image_caption_label = _prefix(r"(?:image caption|caption ?:|pictured ?:)", 40)

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
_LABEL = r"(?:photo(?:graph)?|picture|image|pic|credit|photo credit)"
_CREDIT_TAILS = [
    re.compile(rf"\b{_LABEL}\s*:\s*[^.:]{{1,60}}$", re.IGNORECASE),
    re.compile(rf"\({_LABEL}\s*(?::|by\b)\s*[^()]{{1,60}}\)$", re.IGNORECASE),
    # "(AP Photo/...)", "(Reuters/Jane Doe)", "(AFP/Getty Images)" - a bare "(Reuters)" is a wire credit
    # on ordinary paragraphs, so a photo word or a slash is required
    re.compile(rf"\((?:[^()/]{{0,40}}/{_AGENCY}(?: photo| images?)?|{_AGENCY}(?: photo| images?)(?:/[^()]{{1,40}})?|"
               rf"{_AGENCY}/[^()]{{1,40}})\)$", re.IGNORECASE),
    re.compile(r"\((?:[A-Z][\w.'’\-]*\s){1,3}?[A-Z][\w.'’\-]*\s?/\s?[A-Z][^()]{1,40}\)$"),
    re.compile(rf"(?:[\w.]+\s)?(?:/\s*)?(?:{_AGENCY}\s)?(?:via\s)?getty images$", re.IGNORECASE),
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
_STRONG_OPENING = re.compile(
    r"^(?:(?:the )?aftermath of|(?:a )?(?:general )?view of|smoke (?:rises|billows|is seen)|"
    r"flames (?:rise|engulf)|(?:the )?(?:scene|site) of (?:the|an?)\b|(?:the )?wreckage of|(?:the )?rubble of|"
    r"file (?:photo|picture|image)|pictured\b|in this (?:photo|picture|image|handout)|"
    r"this (?:photo|picture|image|handout)|(?:photo|picture|image) (?:shows|taken)|"
    r"an? (?:handout )?(?:photo|picture|image|still) (?:of|from|shows|released))",
    re.IGNORECASE,
)
_SEEN = re.compile(r"\b(?:is|are) (?:seen|pictured|shown|depicted)\b", re.IGNORECASE)
# Openings that are usually captions ("A man walks ...", "Protesters gather ...") but
# could start a subheading: only trusted for the last line or next to a credit.
_PEOPLE = (
    r"(?:man|woman|boy|girl|child|children|kids?|men|women|people|protesters?|demonstrators?|"
    r"soldiers?|fighters?|troops|residents?|rescuers?|rescue workers?|firefighters?|mourners?|refugees?|"
    r"migrants?|supporters?|members?|policem[ae]n|police(?: officers?)?|civilians?|volunteers?|workers?|"
    r"doctors?|medics?|paramedics?|nurses?|villagers?|students?|families|relatives|rebels?|militants?|"
    r"worshippers|activists?|journalists?|officials?|guards?|crowds?|vehicles?|tanks?|cars?|buildings?|"
    r"houses|homes|ruins|debris|damaged|destroyed|burned|burnt|smoke|fire|flames|jets?|aircraft|planes?)"
)
_WEAK_OPENING = re.compile(rf"^(?:[\w'’\-]+\s+){{0,3}}{_PEOPLE}\b(?!\s+(?:said|says|told|say|have|has|had|were|was|will|would)\b)",
                           re.IGNORECASE)


def _looks_like_caption(text: str, max_words: int = 15) -> bool:
    return 3 <= _words(text) <= max_words and not _TERMINAL.search(text)


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
            for d in (-2, -1, 1, 2)
        )
        is_last = pos == len(content) - 1
        prev_done = bool(_TERMINAL.search(content[pos - 1].text))
        if credited and 3 <= _words(body) <= 30 and not body.endswith("?"):
            ln.verdict = "caption"
        elif not _looks_like_caption(ln.text):
            continue
        elif near_credit or _STRONG_OPENING.match(ln.text) or _SEEN.search(ln.text):
            ln.verdict = "caption"
        elif is_last and prev_done and len(content) >= 3 and _WEAK_OPENING.match(ln.text):
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
        if len(widths) >= 3 and max(body) <= 100:
            wide = sum(1 for w in body if w >= 0.7 * max(body))
            if wide >= max(2, 2 * len(body) / 3):
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
        if _words(key) >= 3 and key in seen:
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


_CHUNK = 1000  # ftfy + alignment work on pieces this long, so one huge line stays linear


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
