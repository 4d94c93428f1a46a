"""Countries and administrative areas as the event-data exports name them: ISO codes, ACLED's
country names and regions, and the second-level area (admin2) of a town.

admin2 is the place itself when it is a district; for a town, the district ACLED's own data
gives it (data/gazetteer_acled_train.json), else the county of the nearest settlement that
reverse_geocode knows (a pinned dependency), when that settlement is the town (within
_SAME_TOWN_KM in the same country). No source here gives third-level areas (admin3).
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from typing import Any

from ..countries import country
from ..datafiles import DATA_DIR, read_yaml
from ..geo import haversine_km
from ..model import Place

__all__ = ["acled_data", "acled_region", "admin2", "country", "country_name"]

_SAME_TOWN_KM = 5.0  # a settlement this close, in the same country, is the town itself


@functools.lru_cache(maxsize=1)
def acled_data() -> dict[str, Any]:
    """data/acled.yaml and the fitted tables of data/acled_actors.json, together."""
    data = read_yaml("acled.yaml")
    data.update(json.loads((DATA_DIR / "acled_actors.json").read_text(encoding="utf-8")))
    return data


def country_name(iso3: str | None) -> str | None:
    """The country as ACLED writes it ("Democratic Republic of Congo"), else GeoNames' name."""
    if not iso3:
        return None
    known = acled_data()["countries"].get(iso3.upper())
    info = country(iso3)
    return known or (info["name"] if info else None)


@functools.lru_cache(maxsize=1)
def _region_of() -> dict[str, str]:
    return {code: region for region, codes in acled_data()["regions"].items() for code in codes}


def acled_region(iso3: str | None) -> str | None:
    if not iso3:
        return None
    info = country(iso3)
    return _region_of().get(iso3.upper()) or (
        acled_data()["continent_regions"].get(info.get("continentcode") or "") if info else None)


@functools.lru_cache(maxsize=1)
def _acled_towns() -> dict[tuple[str, str], list[dict]]:
    from ..geo.sources import acled_places

    towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for p in acled_places():
        if p.get("admin2"):
            towns[(p["country"], p["name"].casefold())].append(p)
    return towns


@functools.lru_cache(maxsize=1)
def _settlements() -> Any:
    try:
        import reverse_geocode
    except ImportError:  # pragma: no cover - pinned in requirements.txt
        return None
    return reverse_geocode


@functools.lru_cache(maxsize=4096)
def _county(lat: float, lon: float, iso3: str) -> str | None:
    geocoder = _settlements()
    info = country(iso3)
    if geocoder is None or info is None:
        return None
    (near,) = geocoder.search([(lat, lon)])
    if near.get("country_code") != info["iso"] or not near.get("county"):
        return None
    if haversine_km(lat, lon, near["latitude"], near["longitude"]) > _SAME_TOWN_KM:
        return None
    return near["county"]


def admin2(place: Place | None) -> str | None:
    """The second-level administrative area of a place, when a source gives it."""
    if place is None or not place.country:
        return None
    if place.precision == "admin2":
        return place.name
    if place.precision not in ("point", "city") or place.latitude is None or place.longitude is None:
        return None
    for town in _acled_towns().get((place.country, (place.name or "").casefold()), []):
        if haversine_km(place.latitude, place.longitude, town["lat"], town["lon"]) <= _SAME_TOWN_KM:
            return town["admin2"]
    return _county(round(place.latitude, 5), round(place.longitude, 5), place.country)
