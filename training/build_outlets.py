"""Build eventwire/data/outlets.json: the region (US state) and the town each local news outlet
reports on, context for place resolution and the story's place (eventwire/geo/outlets.py).

    PYTHONPATH=. python training/build_outlets.py [--write]

Source (never ../shared/eval): the `fit` split of ../shared/train/gva (eval/gva.py's split by
incident), each report's outlet and its incident's town and state (Gun Violence Archive). An
outlet is kept when MIN_SHARE of its reports lie in one country; its state when MIN_SHARE of
them lie in one (an outlet on a state line has none). One report gives an outlet its country
and state (a local outlet reports on its state); its town takes MIN_REPORTS. Its town is the
report point with the most of its reports within KM (its market's centre); `local_share` is
that share of its reports (low for a national outlet). Only site names, place names, points
and counts are stored.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

sys.path.insert(0, str(ROOT / "training"))

from eventwire.geo import haversine_km  # noqa: E402
from eventwire.geo.outlets import OUTLETS_FILE, site_of  # noqa: E402
from gva_data import DATA, KM, read_jsonl, split_of  # noqa: E402

MIN_REPORTS = 2  # for its town: one report's town is no market's centre
MIN_REGION_REPORTS = 1  # for its country and state: a local outlet seen once reports on its state
MIN_SHARE = 0.75
COUNTRIES = {"United States": "USA"}


class Report(NamedTuple):
    incident: str
    country: str
    admin1: str
    town: str
    latitude: float | None
    longitude: float | None


def reports_by_outlet(data: Path = DATA) -> dict[str, list[Report]]:
    """The fit split's reports per outlet site, with their incident's place."""
    gold = {g["id"]: g for g in read_jsonl(data / "gold.jsonl")}
    out: dict[str, list[Report]] = defaultdict(list)
    for row in read_jsonl(data / "docs.jsonl"):
        g = gold.get(row["id"])
        if g is None or split_of(str(g["incident"])) != "fit":
            continue
        place = g.get("place") or {}
        country = COUNTRIES.get(place.get("country") or "")
        site = site_of(row.get("source"), row.get("url"))
        if site and country and place.get("admin1"):
            out[site].append(Report(str(g["incident"]), country, place["admin1"], place.get("name") or "",
                                    place.get("latitude"), place.get("longitude")))
    return out


def summarize(reports: list[Report], exclude: str | None = None) -> dict | None:
    """One outlet's entry from its reports (leaving out incident `exclude`), or None."""
    reports = [r for r in reports if r.incident != exclude]
    n = len(reports)
    if n < MIN_REGION_REPORTS:
        return None
    country, in_country = Counter(r.country for r in reports).most_common(1)[0]
    if in_country / n < MIN_SHARE:
        return None
    (_, admin1), top = Counter((r.country, r.admin1) for r in reports).most_common(1)[0]
    # a metro on a state line (Kansas City, Philadelphia): its town, not one state
    entry = {"country": country, "admin1": admin1 if top / n >= MIN_SHARE else None, "reports": n,
             "share": round(top / n, 2)}
    placed = [r for r in reports if r.latitude is not None]
    if placed and n >= MIN_REPORTS:
        # the report point with the most of the outlet's reports around it: its market's centre
        # (the town named most can be a suburb that had a bad year)
        def around(r: Report) -> int:
            return sum(1 for o in placed if haversine_km(r.latitude, r.longitude, o.latitude, o.longitude) <= KM)
        names = Counter(r.town for r in placed)
        centre = max(placed, key=lambda r: (around(r), names[r.town]))
        entry.update(town=centre.town, latitude=round(centre.latitude, 4), longitude=round(centre.longitude, 4),
                     local_share=round(around(centre) / n, 2))
    return entry


def build() -> dict:
    outlets = {site: e for site, reports in sorted(reports_by_outlet().items()) if (e := summarize(reports))}
    return {"about": "The region and town each local news outlet reports on (eventwire/geo/outlets.py), from "
                     "the fit split of ../shared/train/gva (Gun Violence Archive incidents); training/build_outlets.py",
            "min_reports": MIN_REPORTS, "min_region_reports": MIN_REGION_REPORTS, "min_share": MIN_SHARE,
            "outlets": outlets}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    table = build()
    print(f"{len(table['outlets'])} outlets")
    if args.write:
        OUTLETS_FILE.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUTLETS_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
