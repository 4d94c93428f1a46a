"""Throughput of `eventwire extract` against bare `nlp.pipe` with the same spaCy model, same articles,
in one run (ratios, not absolute times: these machines are noisy).

    .venv/bin/python bench/throughput.py [--repeat 3] [FOLDER]
"""
from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eventwire.ingest import read_inputs  # noqa: E402

from eventwire.nlp import load_bare  # noqa: E402
from eventwire.batch import process_parallel  # noqa: E402
from eventwire.pipeline import process  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT / "demo"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=4, help="articles are repeated to make the batch bigger")
    ap.add_argument("--workers", type=int, default=2, help="also time the process pool with this many workers (0: skip)")
    a = ap.parse_args()
    docs = [d for d in read_inputs([a.folder]) if d.error is None] * a.copies
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    nlp = load_bare()  # the same model (the spacy_model setting), without eventwire's components
    list(process(docs[:2]))  # warm up: models, gazetteer, classifier
    bare, full = [], []
    for _ in range(a.repeat):  # interleaved so drift hits both alike
        t = time.perf_counter()
        list(nlp.pipe(texts, batch_size=16))
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        list(process(docs))
        full.append(time.perf_counter() - t)
    b, f = statistics.median(bare), statistics.median(full)
    print(f"articles: {len(docs)}  words: {words}  repeats: {a.repeat} (medians)")
    print(f"bare nlp.pipe ({nlp.meta.get('name')}): {len(docs) / b:8.1f} docs/s  {words / b:10.0f} words/s")
    print(f"eventwire extract:            {len(docs) / f:8.1f} docs/s  {words / f:10.0f} words/s")
    print(f"ratio extract/bare time: {f / b:.2f}x")
    # Peak resident memory of this process (spaCy + gazetteer + classifier + MiniLM all loaded).
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    if a.workers > 1:
        # The pool's workers load their models inside the timed run, as a user's batch pays it.
        t = time.perf_counter()
        list(process_parallel(docs, workers=a.workers))
        p = time.perf_counter() - t
        print(f"eventwire extract, {a.workers} workers: {len(docs) / p:8.1f} docs/s  "
              f"(speed-up over one process {f / p:.2f}x, model loading included)")


if __name__ == "__main__":
    main()
