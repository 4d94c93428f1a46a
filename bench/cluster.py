"""Speed-up of the Dask engine: the same real-length articles on `--cluster local:1` and
`local:2`, in one run. Model loading (the worker plugin, once per worker) is timed apart from
extraction, so the ratio is that of the work itself. Both clusters stay up and take turns on
slices of the articles, so a machine that gets busier halfway slows both alike.

    .venv/bin/python bench/cluster.py [--limit 192] [--rounds 3] [FILE]

FILE defaults to the GeoWebNews dev pages in ../shared (skipped with a message where absent).
"""
from __future__ import annotations

import argparse
import contextlib
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.cluster import connect, process_on  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "eval" / "geo-gwn" / "docs.jsonl"


def started(where: str, stack: contextlib.ExitStack):
    """(the cluster's client, seconds to start it and load the models on its workers)."""
    t = time.perf_counter()
    client = stack.enter_context(connect(where))
    return client, time.perf_counter() - t


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def extracted(client, docs: list) -> tuple[float, float, int]:
    """(seconds to extract `docs`, processor seconds the workers spent on it, how many failed)."""
    cpu = sum(client.run(_cpu).values())
    t = time.perf_counter()
    failed = sum(d.error is not None for d in process_on(client, docs))
    took = time.perf_counter() - t
    return took, sum(client.run(_cpu).values()) - cpu, failed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?", default=str(DEFAULT))
    ap.add_argument("--limit", type=int, default=192, help="at most this many articles")
    ap.add_argument("--rounds", type=int, default=3, help="turns each cluster takes (slices of the articles)")
    a = ap.parse_args()
    if not Path(a.file).exists():
        print(f"skipped: {a.file} is absent (the GeoWebNews dev pages live in ../shared/eval)")
        return
    docs = [d for d in read_inputs([a.file]) if d.error is None][: a.limit]
    words = sum(len(d.text.split()) for d in docs)
    print(f"articles: {len(docs)}  words: {words} ({words // max(len(docs), 1)} a page)")
    size = -(-len(docs) // a.rounds)
    seconds, cpu, failed = {1: 0.0, 2: 0.0}, {1: 0.0, 2: 0.0}, {1: 0, 2: 0}
    with contextlib.ExitStack() as stack:
        clients = {}
        for n in (1, 2):
            clients[n], loaded = started(f"local:{n}", stack)
            print(f"local:{n}: cluster started and models loaded in {loaded:.1f} s")
        for r in range(a.rounds):
            for n in (1, 2):
                took, used, bad = extracted(clients[n], docs[r * size:(r + 1) * size])
                seconds[n] += took
                cpu[n] += used
                failed[n] += bad
    for n in (1, 2):
        # cores busy well under n: the machine was shared, and the ratio below says as much about it
        print(f"local:{n}: extract {seconds[n]:6.1f} s ({len(docs) / seconds[n]:5.2f} docs/s, {failed[n]} failed), "
              f"workers busy {cpu[n]:6.1f} processor-s = {cpu[n] / seconds[n]:.2f} cores")
    print(f"speed-up of 2 workers over 1 (extraction, models loaded once per worker): "
          f"{seconds[1] / seconds[2]:.2f}x")


if __name__ == "__main__":
    main()
