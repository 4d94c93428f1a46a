"""Cost of cross-source merging on synthetic events: time for 10k, 20k, 50k, 100k events and
the cost per event (flat when the work grows ~linearly, as blocking promises).

Synthetic world: incidents spread over three years, half of them in 25 hotspot towns (the
dense case blocking must survive: many same-type events in one cell every day) and half
anywhere on land-ish latitudes. Each incident is told by 1-6 outlets with the usual noise:
tolls that differ, a day off, a province or a country instead of the town, an undated
sentence, syndicated copies. Similarity is lexical here (MiniLM at 100k sentences costs
minutes on two cores; the merge embeds only sentences that are in candidate pairs, so real
stores pay for that only where reports meet). The clustering scores against the synthetic
truth are printed as a sanity check.

    .venv/bin/python bench/merge.py [--sizes 10000,20000,50000,100000] [--seed 1]
"""
from __future__ import annotations

import argparse
import datetime
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))  # the evaluation harness (eventwire_eval) is not installed

from eventwire.merge import merge  # noqa: E402
from eventwire.model import Document, Event  # noqa: E402
from eventwire_eval.scoring.incidents import bcubed, pairwise  # noqa: E402

SUBS = [
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT", "air strikes hit"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT", "shells struck"),
    ("Battles", "Armed clash", "FIGHT", "fighters clashed with troops in"),
    ("Violence against civilians", "Attack", "ASSAULT", "gunmen attacked villagers in"),
    ("Protests", "Peaceful protest", "PROTEST", "protesters marched through"),
    ("Riots", "Violent demonstration", "PROTEST", "rioters torched buildings in"),
    ("Strategic developments", "Arrests", "COERCE", "police arrested activists in"),
]
WORDS = ("market school hospital convoy checkpoint village district mosque camp bridge road "
         "station farm border river valley square office home building port airport").split()
OUTLETS = [f"Outlet {i}" for i in range(300)]
START = datetime.date(2022, 1, 1).toordinal()


def _place(rng: random.Random, lat: float, lon: float, country: str, admin1: str) -> dict:
    roll = rng.random()
    if roll < 0.08:
        return {"text": admin1, "name": admin1, "country": country, "admin1": admin1, "latitude": lat + 0.5,
                "longitude": lon + 0.5, "geonameid": None, "precision": "admin1", "start": 0, "end": 1}
    if roll < 0.13:
        return {"text": country, "name": country, "country": country, "admin1": None, "latitude": lat + 3,
                "longitude": lon - 2, "geonameid": None, "precision": "country", "start": 0, "end": 1}
    if roll < 0.16:
        return None
    jitter = 0.0 if rng.random() < 0.7 else 0.05
    return {"text": "Town", "name": f"Town {lat:.2f},{lon:.2f}", "country": country, "admin1": admin1,
            "latitude": lat + rng.uniform(-jitter, jitter), "longitude": lon + rng.uniform(-jitter, jitter),
            "geonameid": None, "precision": "city", "start": 0, "end": 1}


def synthetic(n: int, seed: int = 1) -> tuple[list[tuple[Document, Event]], dict[str, int]]:
    """n (document, event) pairs and the true incident of each event id."""
    rng = random.Random(seed)
    hotspots = [(rng.uniform(-30, 55), rng.uniform(-20, 120)) for _ in range(25)]
    items: list[tuple[Document, Event]] = []
    truth: dict[str, int] = {}
    incident = 0
    while len(items) < n:
        incident += 1
        if rng.random() < 0.5:
            hlat, hlon = rng.choice(hotspots)
            lat, lon = hlat + rng.uniform(-0.2, 0.2), hlon + rng.uniform(-0.2, 0.2)
        else:
            lat, lon = rng.uniform(-35, 60), rng.uniform(-120, 140)
        country = f"C{int(lat // 8)}_{int(lon // 8)}"
        admin1 = f"A{int(lat // 2)}_{int(lon // 2)}"
        etype, sub, plover, verb = rng.choice(SUBS)
        day = START + rng.randrange(3 * 365)
        killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
        detail = " ".join(rng.sample(WORDS, 3))
        actor = rng.choice([None, "Army", "Police", "Rebels", "Militia", f"Group {rng.randrange(200)}"])
        reports = rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6])
        wire_text = None
        for k in range(reports):
            if len(items) >= n:
                break
            doc_id = f"d{len(items)}"
            published = day + rng.choice([0, 0, 1])
            d = day + (rng.choice([-1, 1]) if rng.random() < 0.1 else 0)
            date = ({"text": "x", "start": datetime.date.fromordinal(d).isoformat(),
                     "end": datetime.date.fromordinal(d).isoformat(), "precision": "day"}
                    if rng.random() > 0.1 else None)
            toll = None if killed is None else max(0, killed + rng.choice([0, 0, 0, 1, 2, -1]))
            sentence = (f"{actor or 'Unknown'} {verb} the {detail} area on day {d % 7}, "
                        f"killing {toll} people, {rng.choice(['officials', 'residents', 'medics'])} said.")
            text = f"{sentence} {' '.join(rng.sample(WORDS, 8))}"
            if k == 1 and wire_text and rng.random() < 0.3:
                text = "Advertisement. " + wire_text  # a syndicated copy
            wire_text = wire_text or text
            doc = {"id": doc_id, "source": rng.choice(OUTLETS), "url": None, "title": None,
                   "published": datetime.date.fromordinal(published).isoformat(), "text": text}
            ev = {
                "id": f"ev_{len(items):08d}", "event_type": etype, "sub_event_type": sub,
                "plover_type": plover, "actor1": {"text": actor, "name": actor} if actor else None,
                "actor2": None, "location": _place(rng, lat, lon, country, admin1), "date": date,
                "fatalities": None if toll is None else {"text": "", "best": toll, "low": toll, "high": toll},
                "attribution": None, "hedged": False, "confidence": 0.8,
                "evidence": {"sentence": sentence, "start": 0, "end": len(sentence)},
            }
            items.append((Document.from_dict(doc), Event.from_dict(ev)))
            truth[ev["id"]] = incident
    return items, truth


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,20000,50000,100000")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(f"{'events':>8} {'seconds':>8} {'us/event':>9} {'incidents':>9} {'pair F1':>8} {'B3 F1':>6}")
    for n in (int(s) for s in a.sizes.split(",")):
        items, truth = synthetic(n, a.seed)
        t0 = time.perf_counter()
        incidents = merge(items, similarity="lexical")
        dt = time.perf_counter() - t0
        pred = {s.event_id: inc.id for inc in incidents for s in inc.sources}
        sample = dict(list(truth.items())[:5000])  # pairwise is quadratic: score a sample
        pw = pairwise({k: pred[k] for k in sample}, sample)["f1"]
        b3 = bcubed(pred, truth)["f1"]
        print(f"{n:>8} {dt:>8.2f} {dt / n * 1e6:>9.1f} {len(incidents):>9} {pw:>8.3f} {b3:>6.3f}", flush=True)


if __name__ == "__main__":
    main()
