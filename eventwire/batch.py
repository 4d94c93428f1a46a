"""Documents through the pipeline on a local process pool or a Dask cluster, in input order.

Each worker loads the models once and runs `pipeline.process` on chunks of inputs; the caller
keeps the single store writer. With one worker and no cluster nothing is forked. `cluster`
(`local:N` or a scheduler's tcp:// address) runs the chunks on Dask: eventwire.cluster, imported
only then. Output extracted elsewhere can still be stored with `eventwire ingest --extracted`.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
from typing import Iterable, Iterator

from .model import Document, InputDoc

CHUNK = 16  # documents per task: the pipeline's own batch, so spaCy and the embedder batch as before


def one_core() -> None:
    """Each worker computes on one core: N workers with a thread pool each would fight over them."""
    for var in ("EVENTWIRE_ONNX_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ[var] = "1"


def run_chunk(chunk: list[InputDoc]) -> list[Document]:
    """One task of a worker: a chunk of inputs through the pipeline, as one batch."""
    from .pipeline import process

    return list(process(chunk, batch_size=len(chunk) or 1))


def chunks(inputs: Iterable[InputDoc], size: int) -> Iterator[list[InputDoc]]:
    it = iter(inputs)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def process_parallel(inputs: Iterable[InputDoc], *, workers: int = 1, chunk: int = CHUNK,
                     cluster: str | None = None) -> Iterator[Document]:
    """Like pipeline.process, on `workers` processes or on `cluster`; one document out per
    input, in order."""
    if cluster:
        from .cluster import process_cluster

        yield from process_cluster(inputs, cluster, chunk=chunk)
        return
    if workers <= 1:
        from .pipeline import process

        yield from process(inputs, batch_size=chunk)
        return
    # spawn, not fork: a forked child would share the parent's threads and open files
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=one_core) as pool:
        # imap keeps input order and holds at most a few chunks in flight per worker
        for docs in pool.imap(run_chunk, chunks(inputs, chunk)):
            yield from docs
