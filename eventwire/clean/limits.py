"""The sizes cleaning decides by, named once."""
from __future__ import annotations

from dataclasses import dataclass


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
