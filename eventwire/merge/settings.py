"""What the merge decides by, named once in eventwire/data/merge.yaml and read once here:
type families, related types, stop words, self-claim cues, thresholds and pair scores."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..datafiles import read_yaml, typed

_SOURCE = "merge.yaml"
_DATA = read_yaml(_SOURCE)

FAMILY: dict[str, str] = _DATA["families"]
PLOVER_FAMILY: dict[str, str] = _DATA["plover_families"]
RELATED_TYPES = frozenset(frozenset(pair) for pair in _DATA["related_types"])
RELATED = frozenset(t for pair in RELATED_TYPES for t in pair)
STOP_WORDS = frozenset(_DATA["stop_words"])


def _phrases(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in words)


SELF_CLAIM = re.compile(
    r"\bclaim(?:ed|s|ing)?\s+(?:" + _phrases(_DATA["self_claim"]["claimed"]) + r")|"
    r"\b(?:its|our)\s+(?:own\s+)?(?:" + _phrases(_DATA["self_claim"]["own_forces"]) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Thresholds:
    """The limits and cut-offs of merging (meanings in data/merge.yaml)."""

    bucket_days: int
    max_km: float
    max_day_gap: int
    cross_family_km: float
    cross_family_extra: float
    max_undated_block: int
    weak_date_before: int
    recent_days: int
    weak_extra: float
    threshold: float
    unambiguous_margin: float
    doc_support: int
    elaboration: float
    story_max_age: int
    story_days_before: int
    story_union: float
    hint_km: float
    hint_score: float
    syndicated_jaccard: float
    shingle: int
    copy_contained: float
    copy_min_words: int
    cluster_max_km: float
    cluster_max_days: int


@dataclass(frozen=True)
class Scores:
    """What each agreement between two reports adds to the pair's score (data/merge.yaml)."""

    same_spot: float
    same_spot_km: float
    same_town: float
    town_falloff: float
    same_province: float
    same_country: float
    same_day: float
    next_day: float
    overlapping_dates: float
    same_sub_event_type: float
    same_event_type: float
    same_perpetrator: float
    shared_actor: float
    close_tolls: float
    close_toll_gap: int
    close_toll_share: float
    text: float
    lexical_range: tuple[float, float]
    embedding_range: tuple[float, float]
    copied_sentence: float


T: Thresholds = typed(Thresholds, _DATA["thresholds"], _SOURCE)
S: Scores = typed(Scores, _DATA["scores"], _SOURCE)
