"""Documents through the pipeline on a Dask cluster (dask.distributed), in input order.

`--cluster local:N` starts a LocalCluster of N worker processes on this machine; `--cluster
tcp://host:8786` connects to a running scheduler whose workers have eventwire installed. The
documents go out in partitions of batch.CHUNK; each worker loads the models once (the LoadModels
plugin) and runs `pipeline.process` on its partitions, so a bad document is that document's
error as on one machine. The results come back to the caller, the one store writer. A
partition that raises is tried again (`retries`); one that fails every try gives each of its
documents an E009 error, and the run goes on. Settings (spaCy model, gazetteer) are read on
the workers. The per-document time limit (doc_timeout) does not hold there: a Dask task runs
in a worker's thread, where the processor-time signal cannot be used.

Imported only when --cluster is given: plain use never imports dask.
"""
from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager

from distributed import Client, LocalCluster, WorkerPlugin, as_completed

from .batch import CHUNK, chunks, one_core, run_chunk
from .errors import EventwireError
from .model import Document, InputDoc

RETRIES = 2  # further tries of a partition that raised (a worker lost, memory, a crash in native code)
PLUGIN = "eventwire-models"
_LOCAL = re.compile(r"local:(\d+)")
_REMOTE = re.compile(r"(tcp|tls|ws|wss)://\S+")
_WARM_UP = InputDoc(id="warm-up", text="Gunmen killed 3 people in Kano, Nigeria, on Monday.")


def address(value: str) -> str:
    """`local:N` (N >= 1) or a scheduler address (tcp://host:8786); ValueError for anything else."""
    value = value.strip()
    m = _LOCAL.fullmatch(value)
    if (m and int(m.group(1)) >= 1) or _REMOTE.fullmatch(value):
        return value
    raise ValueError(f"{value!r} is not a cluster: give local:N (N worker processes here) "
                     "or a Dask scheduler's address such as tcp://scheduler:8786")


def _warm_up() -> None:
    one_core()
    from .pipeline import process

    list(process([_WARM_UP]))  # the spaCy model, gazetteer, classifiers and embedder, once


class LoadModels(WorkerPlugin):
    """Loads the models on each worker as it joins, so no partition pays for them."""

    async def setup(self, worker) -> None:
        # in a thread: the worker's event loop keeps answering the scheduler meanwhile
        await asyncio.to_thread(_warm_up)


@contextmanager
def connect(where: str) -> Iterator[Client]:
    """A client of the cluster `where` (see `address`), its workers' models loaded."""
    m = _LOCAL.fullmatch(address(where))
    # Dask speaks as loudly as eventwire does: its start-up lines under -v, not by default
    logging.getLogger("distributed").setLevel(logging.getLogger("eventwire").getEffectiveLevel())
    if m:
        # no dashboard, and its HTTP server on a free port: 8787 may be another cluster's
        with LocalCluster(n_workers=int(m.group(1)), threads_per_worker=1, processes=True,
                          dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                          silence_logs=logging.ERROR) as local, \
                Client(local) as client:
            client.register_plugin(LoadModels(), name=PLUGIN)
            yield client
    else:
        with Client(where) as client:
            client.register_plugin(LoadModels(), name=PLUGIN)
            yield client


def process_cluster(inputs: Iterable[InputDoc], where: str, *, chunk: int = CHUNK, retries: int = RETRIES,
                    task: Callable[[list[InputDoc]], list[Document]] = run_chunk) -> Iterator[Document]:
    """Like pipeline.process, on the cluster `where`; one document out per input, in order."""
    with connect(where) as client:
        yield from process_on(client, inputs, chunk=chunk, retries=retries, task=task)


def process_on(client: Client, inputs: Iterable[InputDoc], *, chunk: int = CHUNK, retries: int = RETRIES,
               task: Callable[[list[InputDoc]], list[Document]] = run_chunk) -> Iterator[Document]:
    """process_cluster with a client of one's own (the plugin registered)."""
    run = uuid.uuid4().hex[:8]
    parts = enumerate(chunks(inputs, chunk))
    sent: dict = {}  # future -> (partition number, its inputs)
    done: dict[int, list[Document]] = {}  # partitions back before an earlier one
    following = 0  # the partition to yield next
    finished = as_completed()

    def send() -> None:
        # a bounded window: a million documents are never all in memory or on the scheduler
        window = 2 * sum(client.nthreads().values()) + 2
        while len(sent) + len(done) < window:
            n, part = next(parts, (None, None))
            if part is None:
                return
            future = client.submit(task, part, key=f"eventwire-{run}-{n}", retries=retries)
            sent[future] = (n, part)
            finished.add(future)

    send()
    for future in finished:
        n, part = sent.pop(future)
        done[n] = _documents(future, part, retries)
        future.release()
        while following in done:
            yield from done.pop(following)
            following += 1
        send()


def _documents(future, part: list[InputDoc], retries: int) -> list[Document]:
    from .pipeline import failed

    try:
        return future.result()
    except (CancelledError, asyncio.CancelledError) as exc:  # the scheduler went away: nothing more will come
        raise ConnectionError(f"the Dask cluster dropped the run: {exc}") from exc
    except Exception as exc:  # the partition failed on every try: its documents fail, the run goes on
        error = EventwireError("E009", f"its partition failed {retries + 1} times on the cluster: "
                                       f"{type(exc).__name__}: {exc}").to_error()
        return [failed(inp, error) for inp in part]
