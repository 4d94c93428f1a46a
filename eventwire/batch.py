"""Documents through the pipeline on a local process pool, in input order.

Each worker process loads the models once and runs `pipeline.process` on chunks of inputs; the
parent keeps the single store writer. With one worker nothing is forked. For a cluster, shard
the input JSONL and run `eventwire extract --input shard.jsonl --format jsonl` per node, then
`eventwire ingest` the outputs (already-extracted documents are stored as they are).
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from typing import Iterable, Iterator

from .model import Document, InputDoc

CHUNK = 16  # documents per task: the pipeline's own batch, so spaCy and the embedder batch as before


def _one_core() -> None:
    """Each worker computes on one core: N workers with a thread pool each would fight over them."""
    for var in ("EVENTWIRE_ONNX_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


def _run(chunk: list[InputDoc]) -> list[Document]:
    from .pipeline import process

    return list(process(chunk, batch_size=len(chunk) or 1))


def _chunks(inputs: Iterable[InputDoc], size: int) -> Iterator[list[InputDoc]]:
    it = iter(inputs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def process_parallel(inputs: Iterable[InputDoc], *, workers: int = 1, chunk: int = CHUNK) -> Iterator[Document]:
    """Like pipeline.process, on `workers` processes; one document out per input, in order."""
    if workers <= 1:
        from .pipeline import process

        yield from process(inputs, batch_size=chunk)
        return
    # spawn, not fork: a forked child would share the parent's threads and open files
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_one_core) as pool:
        # imap keeps input order and holds at most a few chunks in flight per worker
        for docs in pool.imap(_run, _chunks(inputs, chunk)):
            yield from docs
