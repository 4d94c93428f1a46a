"""Several connections on one store (an SQLite file, a PostgreSQL database): a reader sees a
writer's commits, reopening works, a killed writer leaves only whole documents, and several
writer processes at once lose and duplicate nothing."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from eventwire.filters import Filters
from eventwire.store import open_store
from test_store_records import document


def test_store_two_stores_on_one_file(db):
    writer, reader = open_store(db), open_store(db)
    try:
        writer.put_document(document())
        assert reader.count_events() == 1
        assert reader.put_document(document()) is False  # the second handle sees it as known
        writer.put_document(document("Strikes hit Aleppo again."))
        assert reader.summary().documents == 2
    finally:
        writer.close()
        reader.close()
    with open_store(db) as again:
        assert again.summary().documents == 2


def test_store_shared_between_threads(db):
    docs = [document(f"Strike number {i} hit Aleppo.") for i in range(20)]
    errors: list[BaseException] = []
    with open_store(db) as store:
        def put(chunk):
            try:
                store.put_documents(chunk)
                store.events(Filters(country="SYR"))
            except BaseException as exc:  # surfaced by the assert below
                errors.append(exc)

        threads = [threading.Thread(target=put, args=(docs[i::4],)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert store.count_events() == 20


WRITER = textwrap.dedent("""
    import sys
    sys.path.insert(0, {tests!r})
    from eventwire.store import open_store
    from test_store_records import document, event
    store = open_store({path!r})
    i = 0
    while True:
        doc = document(f"Strike {{i}} hit Aleppo.", events=[])
        doc.events = [event(doc.id, doc.text, start=k) for k in range(20)]
        store.put_document(doc)
        if i == 3:
            print("ready", flush=True)
        i += 1
""")


def test_store_killed_writer_leaves_whole_documents(db):
    open_store(db).close()
    script = WRITER.format(tests=str(Path(__file__).parent), path=db)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.3)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with open_store(db) as store:
        docs = store.documents()
        assert len(docs) >= 4
        assert all(d.n_events == 20 for d in docs)
        assert store.count_events() == 20 * len(docs)


WRITERS = textwrap.dedent("""
    import random, sys, time
    sys.path.insert(0, {tests!r})
    from eventwire.store import open_store
    from test_store_records import document, event
    me = {me}
    store = open_store({db!r})
    def doc(name, n_events):
        d = document(f"Strike {{name}} hit Aleppo.", events=[])
        d.events = [event(d.id, d.text, start=k) for k in range(n_events)]
        return d
    shared = [doc(i, 3) for i in range({shared})]            # every writer, each in its own order
    changed = [doc(f"changed {{i}}", 1 + me) for i in range(5)]  # same ids, each writer's own content
    own = [doc(f"{{me}}-{{i}}", 2) for i in range({own})]
    work = shared + own + changed
    random.Random(me).shuffle(work)
    while time.time() < {start}:  # all writers begin together
        time.sleep(0.01)
    print(sum(store.put_document(d) for d in work if d not in changed),
          sum(store.put_document(d) for d in changed), flush=True)
""")


def test_store_writers_at_once_lose_and_duplicate_nothing(db):
    """Three processes write 40 shared documents (each in another order), 10 of their own, and
    5 documents each with its own content under the same ids: every shared document is stored
    exactly once, every own one is there, and each changed one is some writer's whole version."""
    open_store(db).close()
    writers, shared, own = 3, 40, 10
    start = time.time() + 3
    procs = [subprocess.Popen(
        [sys.executable, "-c", WRITERS.format(tests=str(Path(__file__).parent), me=me, db=db, shared=shared,
                                              own=own, start=start)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}) for me in range(writers)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * writers, [err.decode()[-2000:] for _, err in outputs]
    written = [tuple(int(x) for x in out.split()) for out, _ in outputs]
    assert sum(w[0] for w in written) == shared + writers * own  # each written once: none lost, none twice
    text = "Strike {} hit Aleppo."
    want = {**{document(text.format(i)).id: {3} for i in range(shared)},
            **{document(text.format(f"{me}-{i}")).id: {2} for me in range(writers) for i in range(own)},
            **{document(text.format(f"changed {i}")).id: {1, 2, 3} for i in range(5)}}
    with open_store(db) as store:
        docs = store.documents()
        assert sorted(d.id for d in docs) == sorted(want)  # each once
        per_doc = dict(store.select("SELECT document_id, COUNT(*) FROM events GROUP BY document_id"))
        assert {d.id: per_doc.get(d.id, 0) for d in docs} == {d.id: d.n_events for d in docs}  # whole
        assert all(d.n_events in want[d.id] for d in docs)
        assert store.count_events() == sum(d.n_events for d in docs)
