"""Speed-up of the Dask engine: the same real-length articles on `--cluster local:1` and
`local:2`, in one run. Model loading (the worker plugin, once per worker) is timed apart from
extraction, so the ratio is that of the work itself.

    .venv/bin/python bench/cluster.py [--limit 200] [FILE]

FILE defaults to the GeoWebNews dev pages in ../shared (skipped with a message where absent).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.cluster import connect, process_on  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "geo-gwn" / "docs.jsonl"


def timed(where: str, docs: list) -> tuple[float, float, int]:
    """(seconds to start the cluster and load the models, seconds to extract, failed documents)."""
    t = time.perf_counter()
    with connect(where) as client:
        loaded = time.perf_counter() - t
        t = time.perf_counter()
        failed = sum(d.error is not None for d in process_on(client, docs))
        return loaded, time.perf_counter() - t, failed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=200, help="at most this many articles")
    a = ap.parse_args()
    if not Path(a.file).exists():
        print(f"skipped: {a.file} is absent (the GeoWebNews dev pages live in ../shared/eval)")
        return
    docs = [d for d in read_inputs([a.file]) if d.error is None][: a.limit]
    words = sum(len(d.text.split()) for d in docs)
    print(f"articles: {len(docs)}  words: {words} ({words // max(len(docs), 1)} a page)")
    seconds = {}
    for n in (1, 2):
        loaded, took, failed = timed(f"local:{n}", docs)
        seconds[n] = took
        print(f"local:{n}: start + models {loaded:5.1f} s, extract {took:6.1f} s "
              f"({len(docs) / took:5.2f} docs/s, {failed} failed)")
    print(f"speed-up of 2 workers over 1 (extraction, models loaded once per worker): "
          f"{seconds[1] / seconds[2]:.2f}x")


if __name__ == "__main__":
    main()
