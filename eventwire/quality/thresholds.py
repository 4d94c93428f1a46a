"""The numbers page quality decides by, named once; every detector reads them here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    """The numbers page quality decides by, named once."""

    # Cosine above which a lexically compatible pair is a paraphrase. Chosen on hand-written
    # pairs (tests/test_quality_near_duplicate.py): paraphrases 0.68-0.98, different statements
    # on the same topic up to 0.64 (0.78 for one that the lexical checks must stop).
    near_dup_cosine: float = 0.66
    # The same for a pair sharing an event skeleton (a count plus two more specifics: place,
    # day, actors) with no clash; see `_skeleton`.
    near_dup_skeleton_cosine: float = 0.55
    # Shared word forms over the shorter sentence's: a rewrite keeps much of the sentence's frame.
    shared_words: float = 0.4
    skeleton_overlap: float = 0.2
    # A short sentence echoing part of a long one is a summary: past summary_ratio in length it
    # must restate a count and reach a higher cosine; past max_length_ratio it is no rewrite.
    summary_ratio: float = 1.7
    max_length_ratio: float = 3
    summary_cosine_extra: float = 0.06
    shared_specifics: int = 3  # specifics two sentences share in a skeleton, or despite one clash
    sentence_min_tokens: int = 6  # shorter sentences are not compared
    content_word_min: int = 3  # characters of a content word
    stem_chars: int = 5  # "Iran"/"Iranian" are one stem
    # A content word in more than common_share of the sentences (and more than common_min) is
    # everywhere in the document: it does not make two sentences alike.
    common_min: int = 2
    common_share: float = 0.4
    unknown_kind_weight: float = 0.05  # a flag kind WEIGHTS does not know
    # A photo caption left in the text: one line of caption_words words, at most
    # title_case_share of its long words capitalised; a participle is longer than participle_min.
    caption_words: tuple[int, int] = (6, 25)
    long_word: int = 4
    title_case_share: float = 0.5
    participle_min: int = 4
    # Counts: the verb within count_gap characters of its number; a bare count within
    # bare_count_window before its verb; "dozens" as a range.
    count_gap: int = 30
    bare_count_window: int = 40
    dozens: tuple[int, int] = (13, 99)
    # A stated count as a range (see _interval_of).
    over_factor: float = 1.25
    about_factors: tuple[float, float] = (0.85, 1.15)
    nearly_factor: float = 0.9
    # Context windows, in characters.
    article_window: int = 5  # before a long form, for "the"
    length_head_window: int = 100  # before "in its sixth year", for what is that old
    another_window: int = 40  # before a length, for "another", "the previous"
    near_window: int = 600  # around a quote, for its attribution phrase
    # How much of a flag's material its detail shows.
    detail_chars: int = 80
    detail_items: int = 8


THRESHOLDS = Thresholds()
T = THRESHOLDS
