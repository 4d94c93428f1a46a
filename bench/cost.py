"""Cost that grows linearly (issue 13, item 4): one command, four figures, each printed as a table.

    .venv/bin/python bench/cost.py [SECTION ...] [--articles FILE_OR_FOLDER] [--extract-limit 48]
        [--store-sizes 1000,10000,100000] [--merge-sizes 10000,100000] [--serve-sizes 100000,1000000]
        [--runs 3] [--pg URL] [--keep DIR]

SECTION is any of `extract store merge serve` (default: all four):

- extract: `process` (what `eventwire extract` runs) on real-length articles, the GeoWebNews dev
  pages of ../shared when present, else the bundled demo articles (said in the output); seconds
  per 1,000 articles, wall and CPU, median of --runs runs after a warm-up.
- store: documents written through Store.put_document (SQLite, and PostgreSQL when a server can be
  started as the tests start one, or --pg names one) up to each size of --store-sizes; bytes on
  disk at each size and write seconds per 1,000 documents. The documents are copies of the
  extracted articles (their real text, events, places, actors and quotes) under new ids.
- merge: `merge` (lexical similarity, as bench/merge.py) on bench/merge.py's synthetic events
  (hotspots and scattered places over three years, 1-6 reports an incident); microseconds per
  event at each size of --merge-sizes (the smallest size: median of --runs).
- serve: a PostgreSQL store of bench/serve.py's synthetic events (10 a document, written through
  put_document, one incident per 4 events through put_incidents), grown to each size of
  --serve-sizes; the API requests of the web page's first view (bench/serve.FIRST_PAGE's /api
  calls) timed through the app on a fresh server process state, median of --runs.

PostgreSQL: --pg URL (an empty database or schema), else a throwaway server (tests/pg_server.py:
initdb + pg_ctl on 127.0.0.1); the PostgreSQL parts are skipped with a message where neither works.
Times are of a shared 2-core machine: trust ratios and per-unit figures, not the last digit.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))  # pg_server: the tests' throwaway PostgreSQL

from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.model import Document  # noqa: E402
from eventwire.store import open_store  # noqa: E402

GWN = ROOT.parent / "shared" / "eval" / "geo-gwn" / "docs.jsonl"
SECTIONS = ("extract", "store", "merge", "serve")


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s]


def _articles(where: str | None, limit: int) -> tuple[list, str]:
    if where is None:
        if GWN.exists():
            where = str(GWN)
        else:
            print(f"note: {GWN} is absent (../shared is the team's); using the bundled demo articles")
            where = str(ROOT / "demo")
    docs = [d for d in read_inputs([where]) if d.error is None]
    while len(docs) < limit:  # a small folder (the demo) repeated up to the limit
        docs += docs[: limit - len(docs)]
    return docs[:limit], where


# -- extract -------------------------------------------------------------------------------

def extract(articles: list, runs: int) -> list[Document]:
    from eventwire.pipeline import process

    words = sum(len(d.text.split()) for d in articles)
    list(process(articles[:2]))  # warm-up: models, gazetteer, classifier loaded outside the timing
    wall, cpu, out = [], [], []
    for _ in range(runs):
        t, c = time.perf_counter(), _cpu()
        out = list(process(articles))
        wall.append(time.perf_counter() - t)
        cpu.append(_cpu() - c)
    n = len(articles)
    w, c = statistics.median(wall), statistics.median(cpu)
    print(f"\nextract: {n} articles, {words} words ({words // n} an article), {runs} runs (medians)")
    print(f"| figure | per 1,000 articles | min–max of runs |\n|---|---|---|")
    print(f"| wall seconds | {w / n * 1000:.0f} | {min(wall) / n * 1000:.0f}–{max(wall) / n * 1000:.0f} |")
    print(f"| CPU seconds (all threads) | {c / n * 1000:.0f} | {min(cpu) / n * 1000:.0f}–{max(cpu) / n * 1000:.0f} |")
    print(f"| events found | {sum(len(d.events) for d in out) / n * 1000:.0f} | |")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    return out


# -- store ---------------------------------------------------------------------------------

def copies(templates: list[Document], start: int, stop: int):
    """Documents `start`..`stop`: the templates in turn, each under new document and event ids."""
    for i in range(start, stop):
        data = templates[i % len(templates)].to_dict()
        data["id"] = f"cost_{i:08d}"
        for k, event in enumerate(data["events"]):
            event["id"] = f"ev_cost_{i:08d}_{k}"
        yield Document.from_dict(data)


def sqlite_bytes(path: str) -> int:
    with contextlib.closing(open_store(path)) as store:
        store.select("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


def postgres_bytes(url: str) -> int:
    with contextlib.closing(open_store(url)) as store:
        return int(store.select(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        )[0][0])


def store(templates: list[Document], sizes: list[int], dbs: dict[str, str]) -> None:
    rows = []
    done = 0
    for size in sizes:  # every database at one size before the next size
        for name, db in dbs.items():
            with contextlib.closing(open_store(db)) as s:
                t, c = time.perf_counter(), _cpu()
                for doc in copies(templates, done, size):
                    s.put_document(doc)
                took, cpu = time.perf_counter() - t, _cpu() - c
            measured = sqlite_bytes(db) if name == "SQLite" else postgres_bytes(db)
            rows.append((name, size, measured, took / (size - done) * 1000, cpu / (size - done) * 1000))
            print(f"  {name} {size} documents: {measured / 1e6:.1f} MB, {took:.0f} s wall, {cpu:.0f} s CPU", flush=True)
        done = size
    rows.sort(key=lambda r: (r[0] != "SQLite", r[1]))
    events = sum(len(d.events) for d in templates) / len(templates)
    text = sum(len(d.text or "") for d in templates) / len(templates)
    print(f"\nstore: copies of {len(templates)} extracted articles ({text:.0f} characters and {events:.1f} events "
          "a document on average), written one by one through put_document")
    print("| database | documents | bytes on disk | bytes a document | write seconds per 1,000 documents "
          "(wall; CPU of this process, without the server's) |")
    print("|---|---|---|---|---|")
    for name, size, measured, per, cpu in rows:
        print(f"| {name} | {size:,} | {measured:,} | {measured / size:,.0f} | {per:.1f}; {cpu:.1f} |")


# -- merge ---------------------------------------------------------------------------------

def merge(sizes: list[int], runs: int) -> None:
    from merge import synthetic  # bench/merge.py

    from eventwire.merge import merge as merge_events

    rows = []
    for i, n in enumerate(sizes):
        items, _ = synthetic(n, 1)
        times, cpu = [], []
        for _ in range(runs if i == 0 else 1):
            t, c = time.perf_counter(), _cpu()
            incidents = merge_events(items, similarity="lexical")
            times.append(time.perf_counter() - t)
            cpu.append(_cpu() - c)
        rows.append((n, statistics.median(times), statistics.median(cpu), len(times), len(incidents)))
        print(f"  merge {n} events: {statistics.median(times):.1f} s wall, {statistics.median(cpu):.1f} s CPU, "
              f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB", flush=True)
        del items
    print("\nmerge: synthetic events (bench/merge.py), lexical similarity (one thread: CPU seconds are its cost)")
    print("| events | wall seconds | CPU seconds | runs (median) | CPU microseconds an event | incidents |")
    print("|---|---|---|---|---|---|")
    for n, w, c, k, incidents in rows:
        print(f"| {n:,} | {w:.1f} | {c:.1f} | {k} | {c / n * 1e6:.0f} | {incidents:,} |")


# -- serve ---------------------------------------------------------------------------------

# The columns holding ids, suffixed in the copies (the rest is copied as it is).
_IDS = {"documents": ("id",), "events": ("id", "document_id"), "incidents": ("id",),
        "incident_members": ("incident_id", "event_id", "document_id")}


def copied(url: str, copy: int) -> None:
    """One more copy of the base rows (ids suffixed ~copy), in SQL: writing a million events one
    document at a time takes hours on two shared cores; the indexes, the planner and the rows'
    values are those the page meets (the same towns, types and days, each ten times as often)."""
    with contextlib.closing(open_store(url)) as s, s.write() as conn:
        for table, ids in _IDS.items():
            columns = [r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ? ORDER BY ordinal_position", (table,)).fetchall()]
            base = " AND ".join(f"position('~' in {c}) = 0" for c in ids[:1])  # the base rows only
            picked = ", ".join(f"{c} || '~{copy}'" if c in ids else f'"{c}"' for c in columns)
            conn.execute(f"INSERT INTO {table} ({', '.join(f'{chr(34)}{c}{chr(34)}' for c in columns)}) "
                         f"SELECT {picked} FROM {table} WHERE {base}")


def serve(url: str, sizes: list[int], runs: int, base: int) -> None:
    from fastapi.testclient import TestClient

    from serve import FIRST_PAGE, synthetic_store  # bench/serve.py

    from eventwire.server.app import create_app

    api = [u for u in FIRST_PAGE if u.startswith("/api/")]
    rows = []
    t = time.perf_counter()
    synthetic_store(url, base)
    print(f"  PostgreSQL store of {base} events written through put_document in {time.perf_counter() - t:.0f} s",
          flush=True)
    copies_made = 1
    for size in sizes:
        if size % base:
            raise SystemExit(f"--serve-sizes must be multiples of --serve-base ({base})")
        t = time.perf_counter()
        while copies_made < size // base:
            copied(url, copies_made)
            copies_made += 1
        with contextlib.closing(open_store(url)) as s:
            counted = s.count_events()
        print(f"  grown to {counted} events by SQL copies in {time.perf_counter() - t:.0f} s", flush=True)
        with contextlib.closing(open_store(url)) as s, s.write() as conn:
            conn.execute("ANALYZE")  # as autovacuum would have by the time a user opens the page
        per: list[list[float]] = [[] for _ in api]
        totals = []
        for _ in range(runs):
            with TestClient(create_app(url, allowed_hosts=["testserver"])) as client:  # a cold answer cache
                total = 0.0
                for i, u in enumerate(api):
                    t = time.perf_counter()
                    r = client.get(u)
                    took = time.perf_counter() - t
                    assert r.status_code == 200, (u, r.status_code, r.text[:200])
                    per[i].append(took)
                    total += took
                totals.append(total)
        rows.append((size, statistics.median(totals), [statistics.median(x) for x in per]))
        print(f"  {size} events: first view {statistics.median(totals) * 1000:.0f} ms", flush=True)
    names = [u.split("?")[0].removeprefix("/api/") + (" (again)" if u in api[:i] else "") for i, u in enumerate(api)]
    print(f"\nserve: the first view's API requests on PostgreSQL, a new app each run (median of {runs}); "
          f"{base} events written through put_document, copied in SQL up to each size; requests: {' '.join(api)}")
    print("| events | first view (all its API requests) | " + " | ".join(names) + " |")
    print("|---" * (2 + len(api)) + "|")
    for size, total, per_url in rows:
        print(f"| {size:,} | {total * 1000:.0f} ms | " + " | ".join(f"{x * 1000:.0f} ms" for x in per_url) + " |")


# -- the command ---------------------------------------------------------------------------

@contextlib.contextmanager
def postgres(url: str | None):
    """Yields a function giving a new empty database URL, or None when PostgreSQL cannot run."""
    if url is not None:
        yield (lambda: url) if url else None
        return
    import pg_server

    try:
        server = pg_server.start()
    except pg_server.Missing as exc:
        print(f"note: PostgreSQL parts skipped: {exc}")
        yield None
        return
    try:
        yield server.new_database
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sections", nargs="*", metavar="SECTION", help=f"any of {' '.join(SECTIONS)} (default: all)")
    ap.add_argument("--articles", default=None, help="file or folder of articles (default: GeoWebNews dev pages, else demo)")
    ap.add_argument("--extract-limit", type=int, default=48)
    ap.add_argument("--store-sizes", default="1000,10000,100000")
    ap.add_argument("--merge-sizes", default="10000,100000", help="add 1000000 for the million (minutes, GBs)")
    ap.add_argument("--serve-sizes", default="100000,1000000")
    ap.add_argument("--serve-base", type=int, default=20000,
                    help="events written through put_document; the serve sizes are copies of them in SQL")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pg", default=None, help="postgresql:// URL of an empty database (for one of store, serve)")
    ap.add_argument("--keep", default=None, help="folder for the SQLite file (default: a temporary one)")
    a = ap.parse_args()
    sections = a.sections or list(SECTIONS)
    if set(sections) - set(SECTIONS):
        ap.error(f"sections are {', '.join(SECTIONS)}, not {', '.join(sorted(set(sections) - set(SECTIONS)))}")
    print(f"bench/cost.py {' '.join(sys.argv[1:])}  ({time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.1f})")
    with postgres(a.pg if {"store", "serve"} & set(sections) else "") as new_pg:
        templates: list[Document] = []
        if "extract" in sections or "store" in sections:
            articles, where = _articles(a.articles, a.extract_limit)
            print(f"articles: {where}")
            if "extract" in sections:
                templates = extract(articles, a.runs)
            else:
                from eventwire.pipeline import process
                templates = list(process(articles))
        if "store" in sections:
            folder = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="eventwire-cost-"))
            folder.mkdir(parents=True, exist_ok=True)
            dbs = {"SQLite": str(folder / "cost.db")}
            if new_pg is not None:
                dbs["PostgreSQL"] = new_pg()
            store([d for d in templates if d.error is None], _sizes(a.store_sizes), dbs)
        if "merge" in sections:
            merge(_sizes(a.merge_sizes), a.runs)
        if "serve" in sections:
            if new_pg is None:
                print("serve: skipped (no PostgreSQL)")
            else:
                serve(new_pg(), _sizes(a.serve_sizes), a.runs, a.serve_base)


if __name__ == "__main__":
    main()
