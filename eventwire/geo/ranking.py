"""Which candidate a place mention means: a linear score over the candidate's own size, kind
and spelling match, the document's countries and regions, the mention's admin hierarchy and
its distance to the other places of the document.

The weights are fitted on GeoVirus (training/train_resolver.py: a conditional logit over each
mention's candidates, cross-validated by article) and stored in
data/models/toponym_resolver.json; without that file the hand weights of
data/geo_thresholds.yaml (`resolution`) score the same features.
"""
from __future__ import annotations

import functools
import json
import math

from ..datafiles import DATA_DIR
from .data import RESOLUTION as T
from .distance import haversine_km
from .lookup import HOW_ABBR, HOW_ALT, HOW_LOOSE, SOURCE_ACLED, Candidate

MODEL_FILE = DATA_DIR / "models" / "toponym_resolver.json"

FEATURES = (
    "log_pop", "unknown_pop",
    "kind_country", "kind_continent", "kind_region", "kind_admin1", "kind_admin2",
    "role_admin1", "role_admin2",
    "how_alt", "how_abbr", "how_loose", "acled",
    "country_context", "region_context", "placed",
    "near_100km", "near_500km",
)
_KINDS = ("country", "continent", "region", "admin1", "admin2")


def hand_weights() -> tuple[float, ...]:
    """The hand-set scoring of data/geo_thresholds.yaml written over FEATURES: population in
    log10 units, kind and spelling priors, context and hint weights."""
    w = dict.fromkeys(FEATURES, 0.0)
    w["log_pop"] = 1.0
    for kind in _KINDS:
        w[f"kind_{kind}"] = T.kind_prior.get(kind, 0.0) - T.kind_prior.get("city", 0.0)
    # "(Oyam, Northern)": a region in a region's position takes the role prior instead of its kind's
    w["role_admin1"] = T.role_prior - T.kind_prior.get("admin1", 0.0)
    w["role_admin2"] = T.district_seat_prior - T.kind_prior.get("admin2", 0.0)
    w["how_alt"], w["how_abbr"] = T.how_prior["alternate"], T.how_prior["abbreviation"]
    w["how_loose"] = T.how_prior["loose"]
    w["acled"] = T.acled_prior
    w["country_context"], w["region_context"] = T.context_weight, T.admin1_context_weight
    w["placed"] = T.hint_weight
    return tuple(w[f] for f in FEATURES)


@functools.lru_cache(maxsize=1)
def weights() -> tuple[float, ...]:
    """The fitted weights, or the hand weights when no model file is installed."""
    if not MODEL_FILE.exists():
        return hand_weights()
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE.name}: fitted on another feature list; refit with training/train_resolver.py")
    return tuple(data["weights"])


def features(c: Candidate, role: str | None, *, country_context: float, region_context: float, placed: float,
             nearest_km: float | None) -> list[float]:
    """The feature vector of candidate c for a mention with level `role`; `nearest_km`: distance
    to the nearest place chosen for another name of the document (None: no other place)."""
    f = dict.fromkeys(FEATURES, 0.0)
    f["log_pop"] = math.log10(max(c.population, 1) + 10)
    f["unknown_pop"] = float(c.population <= 0)
    if c.kind in _KINDS:
        f[f"kind_{c.kind}"] = 1.0
    f["role_admin1"] = float(role == "admin1" and c.kind == "admin1")
    f["role_admin2"] = float(role == "admin2" and c.kind in ("admin2", "admin1"))
    f["how_alt"] = float(c.how == HOW_ALT)
    f["how_abbr"] = float(c.how == HOW_ABBR)
    f["how_loose"] = float(c.how == HOW_LOOSE)
    f["acled"] = float(c.source == SOURCE_ACLED)
    f["country_context"] = country_context
    f["region_context"] = region_context
    f["placed"] = placed
    if nearest_km is not None and c.kind in ("city", "admin2"):
        f["near_100km"] = float(nearest_km <= 100)
        f["near_500km"] = float(nearest_km <= 500)
    return [f[name] for name in FEATURES]


def nearest_km(c: Candidate, points: list[tuple[float, float]]) -> float | None:
    return min((haversine_km(c.lat, c.lon, lat, lon) for lat, lon in points), default=None)


def score(x: list[float], w: tuple[float, ...] | None = None) -> float:
    return sum(a * b for a, b in zip(x, w or weights()))
