"""Score extracted documents against the real-news development set (eval/real_news/gold.jsonl;
how it was coded: eval/real_news/CODING.md).

The measures are those of issue 10's hidden real-news table:
- main_found: the page's main event is among the output events (same ACLED event_type, within
  50 km); main_top: the document's main output event is that one.
- main_sub_event_type / main_date / main_fatalities: fields of the output event that matched the
  main event (date only where the gold has one; null fatalities count as 0 on both sides).
- others_recalled: other events of the page's own days found (type, 50 km, and the same day where
  the gold has one).
- precision: output events that match an event of the page's own days (type, 50 km); background
  gold events are not events of the day, so matching one does not count.
- silent_pages: pages with no event of their own days that get no output event.
- crime_found: pages whose only incident of the day is ordinary crime (the set's second layer,
  `crime`: ACLED leaves it out, our users who track shootings do not) that get an output event
  within 50 km of it. Those pages count in neither silent_pages nor precision: an event there is
  neither asked for by ACLED's rules nor wrong for a crime tracker.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Iterable

GOLD = Path(__file__).resolve().parents[2] / "real_news" / "gold.jsonl"
KM = 50.0


def read_gold(path: Path = GOLD) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh) if r.get("id")}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _near(out: dict, gold: dict) -> bool:
    loc = out.get("location") or {}
    if loc.get("latitude") is None or gold.get("lat") is None:
        return False
    return _km(loc["latitude"], loc["longitude"], gold["lat"], gold["lon"]) <= KM


def _same_kind(out: dict, gold: dict) -> bool:
    return out.get("event_type") == gold["event_type"] and _near(out, gold)


def _same_day(out: dict, gold: dict) -> bool:
    return gold.get("date") is None or (out.get("date") or {}).get("start") == gold["date"]


def _deaths(value) -> int:
    if isinstance(value, dict):
        value = value.get("best")
    return int(value or 0)


def main_output(events: list[dict]) -> dict | None:
    marked = [e for e in events if e.get("main")]
    if marked:
        return marked[0]
    return max(events, key=lambda e: e.get("confidence") or 0, default=None)


def score(docs: Iterable[dict], gold: dict[str, dict]) -> dict:
    n = {k: 0 for k in ("pages", "main", "main_found", "main_top", "sub", "date_n", "date", "fat",
                        "others", "others_found", "out", "out_ok", "quiet_pages", "quiet_ok",
                        "crime", "crime_found")}
    seen = set()
    for doc in docs:
        g = gold.get(doc.get("id"))
        if g is None:
            continue
        seen.add(g["id"])
        n["pages"] += 1
        out = doc.get("events") or []
        today = [e for e in g["events"] if not e.get("background")]
        crime = [c for c in g.get("crime") or [] if c.get("main")]
        if not today and crime:
            n["crime"] += 1
            n["crime_found"] += any(_near(o, c) for o in out for c in crime)
            continue
        n["out"] += len(out)
        n["out_ok"] += sum(1 for o in out if any(_same_kind(o, e) for e in today))
        if not today:
            n["quiet_pages"] += 1
            n["quiet_ok"] += not out
        for e in today:
            if e.get("main"):
                n["main"] += 1
                top = main_output(out)
                hits = [o for o in out if _same_kind(o, e)]
                if not hits:
                    continue
                n["main_found"] += 1
                n["main_top"] += top in hits
                hit = top if top in hits else hits[0]
                n["sub"] += hit.get("sub_event_type") == e["sub_event_type"]
                if e.get("date"):
                    n["date_n"] += 1
                    n["date"] += (hit.get("date") or {}).get("start") == e["date"]
                n["fat"] += _deaths(hit.get("fatalities")) == _deaths(e.get("fatalities"))
            else:
                n["others"] += 1
                n["others_found"] += any(_same_kind(o, e) and _same_day(o, e) for o in out)

    def share(k: int, d: int) -> float | None:
        return round(k / d, 4) if d else None

    return {
        "documents": n["pages"],
        "missing": sorted(set(gold) - seen),
        "main_found": share(n["main_found"], n["main"]),
        "main_top": share(n["main_top"], n["main"]),
        "main_sub_event_type": share(n["sub"], n["main_found"]),
        "main_date": share(n["date"], n["date_n"]),
        "main_fatalities": share(n["fat"], n["main_found"]),
        "others_recalled": share(n["others_found"], n["others"]),
        "precision": share(n["out_ok"], n["out"]),
        "events_per_page": share(n["out"], n["pages"]),
        "silent_pages": share(n["quiet_ok"], n["quiet_pages"]),
        "crime_found": share(n["crime_found"], n["crime"]),
    }


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extracted", nargs="+", help="JSONL of extracted documents (eventwire extract --format jsonl)")
    args = ap.parse_args(argv)
    docs = []
    for path in args.extracted:
        with open(path, encoding="utf-8") as fh:
            docs += [json.loads(line) for line in fh if line.strip()]
    print(json.dumps(score(docs, read_gold()), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
