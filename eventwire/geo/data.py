"""The geo package's language knowledge and numbers, read once from eventwire/data/:
place_words.yaml (word lists), gazetteer_regions.yaml (the tables the index is built from),
geo_thresholds.yaml (named thresholds) and gazetteer_common_words.json."""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from ..datafiles import DATA_DIR, read_yaml, typed


def _alternatives(words: list[str]) -> str:
    return "|".join(words)


_WORDS = read_yaml("place_words.yaml")

NEVER_PLACES = frozenset(_WORDS["never_places"])
CONNECTORS = frozenset(_WORDS["name_connectors"])
TITLES = frozenset(_WORDS["person_titles"])
LOCATIVES = frozenset(_WORDS["locatives"])
SITE_LOCATIVES = LOCATIVES | frozenset(_WORDS["site_locatives"])
PLACE_NOUNS = frozenset(_WORDS["place_nouns"])
ADMIN1_WORDS = frozenset(_WORDS["admin1_words"])
ADMIN2_WORDS = frozenset(_WORDS["admin2_words"])
SETTLEMENT_WORDS = frozenset(_WORDS["settlement_words"])
LEVEL_NAME_WORDS = frozenset(_WORDS["level_name_words"])
# level word -> the role it gives a name; a word in two lists takes the later list's
ROLE_OF_WORD = {**{w: "admin1" for w in ADMIN1_WORDS}, **{w: "admin2" for w in ADMIN2_WORDS},
                **{w: "settlement" for w in SETTLEMENT_WORDS},
                **{w: "admin1" for w in _WORDS["admin1_around_town_words"]}}
LEVEL_WORDS = frozenset(ROLE_OF_WORD) | frozenset(_WORDS["level_qualifiers"])
LEADING_LEVEL_WORDS = tuple(_WORDS["leading_level_words"])
NAME_PARTICLES = _alternatives(_WORDS["name_particles"])
THOROUGHFARES = frozenset(_WORDS["thoroughfares"])
SITE_WORDS = THOROUGHFARES | frozenset(_WORDS["site_words"])
SITE_HEADS = frozenset(_WORDS["site_heads"])
QUARTER_WORDS = frozenset(_WORDS["quarter_words"])
GENERIC_QUARTER_WORDS = frozenset(_WORDS["generic_quarter_words"])
DIRECTIONS: dict[str, str] = _WORDS["directions"]
ADMIN1_SUFFIX = re.compile(r"\s+(" + _alternatives(_WORDS["admin1_suffixes"]) + r")$", re.IGNORECASE)
ADMIN2_SUFFIX = re.compile(r"\s+(" + _alternatives(_WORDS["admin2_suffixes"]) + r")$", re.IGNORECASE)
ADMIN1_PREFIX = re.compile(r"^(" + _alternatives(_WORDS["admin1_prefixes"]) + r")\s+", re.IGNORECASE)
REGION_NOISE = re.compile(r"\b(" + _alternatives(_WORDS["region_noise"]) + r")\b")


@functools.lru_cache(maxsize=1)
def regions_table() -> dict[str, Any]:
    """gazetteer_regions.yaml: country aliases and points, short country names, world regions
    and seas, AP state abbreviations (read only while building the index)."""
    return read_yaml("gazetteer_regions.yaml")


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words that are also names in the index ("share", "march", "police"):
    capitalised, they are far more often ordinary words than places."""
    path = DATA_DIR / "gazetteer_common_words.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["words"])


# ---------------------------------------------------------------- thresholds

@dataclass(frozen=True)
class IndexThresholds:
    acled_same_km: float
    acled_area_same_km: float
    acled_area_population: int
    region_population: int


@dataclass(frozen=True)
class RulerThresholds:
    town_by_name: tuple[int, int, int]
    town_by_alternate_name: tuple[int, int, int]
    town_by_abbreviation: int
    sizeable_region: int
    person_name_city: int
    person_name_region: int
    common_word_city: int
    place_probability: float
    drop_probability: float


@dataclass(frozen=True)
class ResolutionThresholds:
    kind_prior: dict[str, float]
    how_prior: dict[str, float]
    acled_prior: float
    role_prior: float
    district_seat_prior: float
    context_weight: float
    admin1_context_weight: float
    demonym_weight: float
    hint_weight: float
    hint_ok: float
    hint_decay: float
    near_km: dict[str, float]
    same_region_km: float
    rival_ratio: int
    unclear_evidence: float
    foreign_max_population: int
    foreign_min_evidence: float
    foreign_main_share: float
    reliable_hint_town: int
    big_town_keeps_reading: int
    site_km: float
    home_weight: float


_THRESHOLDS = read_yaml("geo_thresholds.yaml")
INDEX: IndexThresholds = typed(IndexThresholds, _THRESHOLDS["index"], "geo_thresholds.yaml")
RULER: RulerThresholds = typed(RulerThresholds, _THRESHOLDS["ruler"], "geo_thresholds.yaml")
RESOLUTION: ResolutionThresholds = typed(ResolutionThresholds, _THRESHOLDS["resolution"], "geo_thresholds.yaml")
