"""Several connections on one file: a reader sees a writer's commits, reopening works, and a
killed writer leaves only whole documents."""
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
from eventwire.store import Store
from test_store_records import document


def test_store_two_stores_on_one_file(tmp_path):
    path = tmp_path / "ew.db"
    writer, reader = Store(path), Store(path)
    try:
        writer.put_document(document())
        assert reader.count_events() == 1
        assert reader.put_document(document()) is False  # the second handle sees it as known
        writer.put_document(document("Strikes hit Aleppo again."))
        assert reader.summary().documents == 2
    finally:
        writer.close()
        reader.close()
    with Store(path) as again:
        assert again.summary().documents == 2


def test_store_shared_between_threads(tmp_path):
    docs = [document(f"Strike number {i} hit Aleppo.") for i in range(20)]
    errors: list[BaseException] = []
    with Store(tmp_path / "ew.db") as store:
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
    from eventwire.store import Store
    from test_store_records import document, event
    store = Store({path!r})
    i = 0
    while True:
        doc = document(f"Strike {{i}} hit Aleppo.", events=[])
        doc.events = [event(doc.id, doc.text, start=k) for k in range(20)]
        store.put_document(doc)
        if i == 3:
            print("ready", flush=True)
        i += 1
""")


def test_store_killed_writer_leaves_whole_documents(tmp_path):
    path = tmp_path / "ew.db"
    Store(path).close()
    script = WRITER.format(tests=str(Path(__file__).parent), path=str(path))
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert proc.stdout.readline().strip() == b"ready"
        time.sleep(0.3)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with Store(path) as store:
        docs = store.documents()
        assert len(docs) >= 4
        assert all(d.n_events == 20 for d in docs)
        assert store.count_events() == 20 * len(docs)
