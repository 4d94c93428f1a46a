"""`eventwire serve` under load: API latency (p50/p95 per endpoint) and the time of the first
page (the page and every request it makes on opening) at 10k and 100k synthetic events.

The store is written through Store.put_document (10 events a document) and put_incidents
(one incident for every 4 events), so its indexes are the ones users get. Requests go through
the ASGI app in this process (Starlette's test client): the time is the app's and SQLite's,
without a network. The first page must come in under a second at 100k events; the script
exits 1 when it does not.

    .venv/bin/python bench/serve.py [--sizes 10000,100000] [--requests 300] [--keep DIR]
"""
from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from eventwire.model import Document, Incident  # noqa: E402
from eventwire.server.app import create_app  # noqa: E402
from eventwire.store import open_store  # noqa: E402

TYPES = [
    ("Explosions/Remote violence", "Air/drone strike", "ASSAULT"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ASSAULT"),
    ("Battles", "Armed clash", "FIGHT"),
    ("Violence against civilians", "Attack", "ASSAULT"),
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Riots", "Violent demonstration", "PROTEST"),
    ("Strategic developments", "Arrests", "COERCE"),
    (None, None, "CONSULT"),
]
COUNTRIES = ["SYR", "UKR", "SDN", "NGA", "MLI", "SOM", "YEM", "COD", "ETH", "PAK", "IRQ", "AFG"]
PAGE_LIMIT = 1.0  # seconds for the first page at 100k events


def synthetic_documents(n_events: int, seed: int = 1, first: int = 0) -> Iterator[tuple[Document, list[dict]]]:
    """Documents of 10 events each (with the events' contract dicts), events `first` to
    `n_events`: 600 towns in 12 countries, 250 actors, three years."""
    rng = random.Random(seed)
    towns = [(f"Town{i}", rng.choice(COUNTRIES), rng.uniform(-35, 55), rng.uniform(-20, 75)) for i in range(600)]
    actors = [f"Group {i}" for i in range(250)]
    day0 = datetime.date(2021, 1, 1)
    rng.seed(f"{seed}/{first}")
    for d in range(first, n_events, 10):
        doc_id = "doc_" + hashlib.sha256(f"{seed}/{d}".encode()).hexdigest()[:16]
        published = (day0 + datetime.timedelta(days=rng.randrange(3 * 365))).isoformat()
        events, text = [], ""
        for k in range(min(10, n_events - d)):
            etype, sub, plover = rng.choice(TYPES)
            name, country, lat, lon = rng.choice(towns)
            a1, a2 = rng.sample(actors, 2)
            day = (datetime.date.fromisoformat(published) - datetime.timedelta(days=rng.randrange(3))).isoformat()
            killed = rng.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 40])
            sentence = f"{a1} attacked {a2} in {name} on {day}, killing {killed or 'no'} people, officials said."
            start = len(text)
            text += sentence + " "
            events.append({
                "id": f"ev_{doc_id[4:]}{k:02d}", "event_type": etype, "sub_event_type": sub, "plover_type": plover,
                "actor1": {"text": a1, "name": a1, "country": country, "kind": "rebel"},
                "actor2": {"text": a2, "name": a2, "country": country, "kind": "civilians"},
                "location": {"text": name, "name": name, "country": country, "latitude": lat, "longitude": lon,
                             "precision": "city"},
                "date": {"text": day, "start": day, "end": day, "precision": "day"},
                "fatalities": None if killed is None else {"text": str(killed), "best": killed, "low": killed,
                                                           "high": killed},
                "attribution": {"text": "officials said", "source": "officials"},
                "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence)},
                "confidence": 0.8, "trigger": "attacked",
            })
        yield Document.from_dict({
            "id": doc_id, "title": f"Report {d}", "published": published, "text": text,
            "source": rng.choice(["wire.example", "daily.example", "radio.example"]),
            "events": events, "quality": {"score": round(rng.uniform(0.3, 1), 2), "flags": []}}), events


def synthetic_store(db: str, n_events: int, seed: int = 1, first: int = 0) -> None:
    """Events `first` to `n_events` into the store at `db` (a file or a postgresql:// URL) through
    put_document, and one incident for every 4 events (all of them, from event 0) by put_incidents."""
    store = open_store(db)
    try:
        incidents, bucket = [], []
        # the documents stored before (up to `first`) are made again for their incidents
        for write, (doc, events) in itertools.chain(
                ((False, item) for item in synthetic_documents(first, seed)),
                ((True, item) for item in synthetic_documents(n_events, seed, first))):
            if write:
                store.put_document(doc)
            for event in events:
                bucket.append((doc.id, event))
                if len(bucket) == 4:
                    incidents.append(Incident.from_dict(_incident(len(incidents), bucket)))
                    bucket = []
        store.put_incidents(incidents)
    finally:
        store.close()


def _incident(n: int, members: list[tuple[str, dict]]) -> dict:
    first = members[0][1]
    return {"id": f"inc_{n:08d}", "event_type": first["event_type"], "sub_event_type": first["sub_event_type"],
            "plover_type": first["plover_type"], "location": first["location"],
            "date_start": first["date"]["start"], "date_end": first["date"]["end"],
            "actors": [first["actor1"]["name"], first["actor2"]["name"]],
            "fatalities": {k: v for k, v in (first["fatalities"] or {}).items() if k != "text"} or None,
            "corroboration": "corroborated",
            "sources": [{"document_id": doc, "event_id": ev["id"], "source": doc, "evidence": ev["evidence"],
                         "fatalities": (ev["fatalities"] or {}).get("best"), "date": ev["date"]["start"],
                         "place": ev["location"]["name"]} for doc, ev in members],
            "disagreements": []}


# What the page asks for when it opens (main.js: fillChoices, route -> refresh, map.draw).
FIRST_PAGE = [
    "/", "/static/app.css", "/static/js/main.js", "/static/js/map.js", "/static/js/document.js",
    "/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
    "/static/vendor/topojson-client/topojson-client.min.js", "/static/vendor/world-atlas/countries-110m.json",
    "/api/stats", "/api/events?limit=100&offset=0", "/api/stats",
    "/api/clusters?kind=events&zoom=2&bbox=-90,-261,90,291",
    "/api/timeline?kind=events&bucket=auto",
]


def first_page(client: TestClient) -> float:
    start = time.perf_counter()
    for url in FIRST_PAGE:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code, r.text[:200])
    return time.perf_counter() - start


def mix(client: TestClient, rng: random.Random) -> list[tuple[str, str]]:
    """(group, url) of requests a user makes while exploring."""
    events = client.get("/api/events", params={"limit": 50, "offset": 1000}).json()["items"]
    ids = [e["id"] for e in events]
    docs = [e["document_id"] for e in events]
    out = []
    for _ in range(40):
        etype = rng.choice([t[0] for t in TYPES if t[0]])
        country = rng.choice(COUNTRIES)
        z = rng.randrange(2, 9)
        lat, lon = rng.uniform(-30, 50), rng.uniform(-15, 70)
        span = 180 / 2 ** z
        out += [
            ("events page", f"/api/events?type={etype}&limit=100&offset={rng.randrange(0, 2000)}"),
            ("events page", f"/api/events?country={country}&since=2022&actor=Group%20{rng.randrange(250)}"),
            ("events deep page", f"/api/events?limit=100&offset={rng.randrange(0, 90_000)}"),
            ("incidents page", f"/api/incidents?country={country}&limit=100"),
            ("clusters", f"/api/clusters?zoom={z}&bbox={lat - span},{lon - 2 * span},{lat + span},{lon + 2 * span}"),
            ("clusters", f"/api/clusters?zoom=2&type={etype}"),
            ("timeline", f"/api/timeline?country={country}"),
            ("stats", f"/api/stats?type={etype}"),
            ("record", f"/api/events/{rng.choice(ids)}"),
            ("record", f"/api/documents/{rng.choice(docs)}"),
        ]
    rng.shuffle(out)
    return out


def run(size: int, requests: int, keep: str | None) -> bool:
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"serve-{size}.db"
    if not db.exists():
        t = time.perf_counter()
        synthetic_store(str(db), size)
        print(f"{size:>7} events: store written in {time.perf_counter() - t:.1f} s ({db})")
    with TestClient(create_app(str(db), allowed_hosts=["testserver"])) as client:
        client.get("/static/favicon.svg")  # the test client's own start-up is not the page's time
        cold = first_page(client)
        warm = min(first_page(client) for _ in range(3))
        times: dict[str, list[float]] = {}
        for group, url in mix(client, random.Random(size))[:requests]:
            t = time.perf_counter()
            r = client.get(url)
            times.setdefault(group, []).append(time.perf_counter() - t)
            assert r.status_code == 200, (url, r.status_code, r.text[:200])
    every = [x for xs in times.values() for x in xs]
    print(f"{size:>7} events: first page {cold * 1000:.0f} ms cold, {warm * 1000:.0f} ms warm "
          f"({len(FIRST_PAGE)} requests in a row); API p95 {_p95(every) * 1000:.0f} ms over {len(every)} requests")
    for group, xs in sorted(times.items()):
        print(f"          {group:<17} n={len(xs):<4} p50 {statistics.median(xs) * 1000:6.1f} ms   "
              f"p95 {_p95(xs) * 1000:6.1f} ms   max {max(xs) * 1000:6.1f} ms")
    return size < 100_000 or cold < PAGE_LIMIT


def _p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--keep", default=None, help="folder for the synthetic stores (reused when present)")
    args = parser.parse_args()
    ok = all([run(int(s), args.requests, args.keep) for s in args.sizes.split(",")])
    if not ok:
        print(f"FAIL: the first page took a second or more at 100k events (limit {PAGE_LIMIT:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
