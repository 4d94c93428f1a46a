"""Page furniture: `BOILERPLATE_RULES`, an ordered cascade of small pure predicates on the whole
(stripped, lower-cased) line. A rule only fires when the *whole line* is furniture ("Share",
"Advertisement", "Read more: ...") so a real sentence that merely contains such a word is
never touched."""
from __future__ import annotations

import re
from typing import Callable

from ..lexicon import pattern, regex
from .limits import LIMITS
from .lines import WORD, count_words, norm


def _full(pattern: str) -> Callable[[str], bool]:
    rx = re.compile(pattern)
    return lambda s: rx.fullmatch(s) is not None


def _prefix(pattern: str, max_words: int) -> Callable[[str], bool]:
    rx = re.compile(pattern)
    return lambda s: rx.match(s) is not None and count_words(s) <= max_words


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
    return _is_copyright_prefix(s) or (bool(_has_rights_reserved(s)) and count_words(s) <= LIMITS.rights_reserved_words)


is_follow_us = _prefix(pattern("follow_us_start"), LIMITS.follow_us_words)

_is_credit_prefix = _prefix(pattern("credit_start"), LIMITS.credit_words)
_is_credit_only = _full(pattern("credit_line"))


def is_image_credit(s: str) -> bool:
    """"Image copyright ...", "Getty Images", "Photo: ...", "(AP Photo/Hussein Malla)"."""
    return _is_credit_prefix(s) or _is_credit_only(s)


is_media_link = _prefix(pattern("media_link_start"), LIMITS.media_link_words)


def has_no_words(s: str) -> bool:
    """Separators: "***", "—", "| |"."""
    return not WORD.search(s)


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
    s = norm(line)
    for name, predicate, reason in BOILERPLATE_RULES:
        if predicate(s):
            return name, reason
    return None


def is_boilerplate(line: str) -> bool:
    return boilerplate_rule(line) is not None
