"""What every step of quote finding reads: its sizes, the pronouns and determiners that open a
speaker, and span arithmetic."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import word_set


@dataclass(frozen=True)
class Limits:
    """The sizes quote finding decides by, named once (words, or characters where said)."""

    quote_min_words: int = 4  # a quoted passage shorter than this is a phrase, not a quote
    quote_reach: int = 200  # characters from a quote to an attribution after it
    reported_min_chars: int = 3  # a reported clause made the quote when there is no passage
    reported_min_words: int = 3
    adjacent_gap: int = 4  # characters between a passage and its attribution phrase
    according_content_min: int = 3  # characters before "according to" that are its content
    appositive_max_words: int = 12  # "Name, a war monitor, said"
    before_appositive_max_words: int = 10
    inverted_subject_max_words: int = 10  # "..., said the head of X"
    subject_max_words: int = 14
    clause_chunk_words: int = 8  # a subject chunk longer than this may hold a clause
    relative_subject_max_words: int = 5  # "A resident who asked not to be named said"
    name_max_words: int = 8
    fragment_words: int = 3  # a sentence shorter than this is a fragment (a lone quote mark)
    person_name_words: tuple[int, int] = (2, 4)  # a person's name: two to four words
    min_surname: int = 3  # characters of a surname that later stands alone
    min_cue: int = 3  # characters of a cue word for an antecedent
    before_name: int = 12  # characters before a name, for a word that makes it part of a longer one
    after_name: int = 40  # characters after a name, for "said" or a role
    introduction: int = 12  # characters after a description, for ", who" or ", aged"


LIMITS = Limits()

# Word lists and phrase patterns: data/lexicons/quotes.yaml, data/patterns/quotes.yaml.
PRONOUNS = word_set("pronouns")
PERSON_PRONOUNS = word_set("person_pronouns")
DETERMINERS = word_set("speaker_determiners")


def count_words(s: str) -> int:
    return len(re.findall(r"\w+", s))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def in_passage(pos: int, passages: list[tuple[int, int]]) -> bool:
    return any(p0 <= pos < p1 for p0, p1 in passages)

