"""Photo captions among the kept lines: short unpunctuated lines that describe a picture."""
from __future__ import annotations

import re

from ..lexicon import regex
from .limits import LIMITS
from .lines import TERMINAL, WORD, Line, count_words

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
            if WORD.search(body):
                return body, True
    return text, False


# Openings only a picture description uses: safe anywhere after the headline.
_STRONG_OPENING = regex("caption_strong_opening", re.IGNORECASE)
_SEEN = regex("caption_seen", re.IGNORECASE)
# Openings that are usually captions ("A man walks ...", "Protesters gather ...") but
# could start a subheading: only trusted for the last line or next to a credit.
_WEAK_OPENING = regex("caption_weak_opening", re.IGNORECASE)


def _looks_like_caption(text: str, max_words: int = LIMITS.caption_words[1]) -> bool:
    return LIMITS.caption_words[0] <= count_words(text) <= max_words and not TERMINAL.search(text)


def mark_captions(lines: list[Line]) -> None:
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
        prev_done = bool(TERMINAL.search(content[pos - 1].text))
        if credited and LIMITS.credited_caption_words[0] <= count_words(body) <= LIMITS.credited_caption_words[1] \
                and not body.endswith("?"):
            ln.verdict = "caption"
        elif not _looks_like_caption(ln.text):
            continue
        elif near_credit or _STRONG_OPENING.match(ln.text) or _SEEN.search(ln.text):
            ln.verdict = "caption"
        elif is_last and prev_done and len(content) >= LIMITS.min_lines_for_last and _WEAK_OPENING.match(ln.text):
            ln.verdict = "caption"
