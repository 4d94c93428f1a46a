"""A batch on a Dask cluster (a LocalCluster of 2 worker processes, one for the module) gives what
one process gives, in input order; a rerun stores nothing new; a partition that raises is tried
again; a bad document is its own error and the run goes on, with exit status 1."""
import json
import sqlite3

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.model import InputDoc

distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed: run `make install`")

DOCS = [
    {"id": "k1", "text": "Gunmen killed six farmers in Benue state, Nigeria, on Saturday.", "published": "2024-04-14"},
    {"id": "k2", "text": "Soldiers clashed with rebels near Goma, Congo, on Wednesday, killing 9.", "published": "2024-02-08"},
    {"id": "bad", "text": ["not", "text"]},
    {"id": "k3", "text": "Protesters marched through Dhaka, Bangladesh, on Friday against the election.", "published": "2024-01-13"},
    {"id": "k4", "text": "A car bomb exploded in Mogadishu, Somalia, on Tuesday, killing 5 people.", "published": "2024-03-20"},
]


@pytest.fixture(scope="module")
def cluster():
    """One cluster for the module, started as `--cluster local:2` starts one (two single-thread
    worker processes, models loaded once each); tests reach it by its tcp:// address, as
    `--cluster` reaches a real one."""
    from eventwire.cluster import connect

    with connect("local:2") as client:
        yield client.scheduler.address


def run(*args, status=1):
    """Document "bad" fails in every run: exit status 1, the other documents done all the same."""
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert r.exit_code == status, r.output
    return r


@pytest.fixture()
def docs(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in DOCS) + "\n", encoding="utf-8")
    return str(path)


def _inputs():
    return [InputDoc(id=d["id"], text=d["text"], published=d.get("published")) for d in DOCS if d["id"] != "bad"]


def test_cluster_gives_what_one_process_gives_in_order(cluster, docs):
    one = run("extract", "--input", docs, "--format", "jsonl").stdout.splitlines()
    dask = run("extract", "--input", docs, "--format", "jsonl", "--cluster", cluster).stdout.splitlines()
    assert [json.loads(x)["id"] for x in dask] == [d["id"] for d in DOCS]
    assert dask == one
    assert json.loads(dask[2])["error"]["code"] == "E005"  # the bad line, as on one machine
    assert all(json.loads(x)["events"] for i, x in enumerate(dask) if i != 2)


def test_rerun_on_the_cluster_stores_nothing_new(cluster, docs, tmp_path):
    db = str(tmp_path / "ew.db")
    first = run("ingest", docs, "--db", db, "--cluster", cluster)
    assert "4 new, 0 unchanged, 1 failed" in first.output
    assert "  bad: E005" in first.stderr

    def rows(table):
        with sqlite3.connect(db) as con:
            return sorted(con.execute(f"SELECT * FROM {table}"))  # noqa: S608 (our own table names)
    before = {t: rows(t) for t in ("documents", "events", "incidents")}
    assert "0 new, 4 unchanged, 1 failed" in run("ingest", docs, "--db", db, "--cluster", cluster).output
    assert {t: rows(t) for t in ("documents", "events", "incidents")} == before
    assert before["events"]


def test_a_partition_that_raises_is_tried_again(cluster, tmp_path):
    from eventwire.cluster import process_cluster

    def fails_once(part):  # defined here, so the workers get it by value
        from eventwire.batch import run_chunk

        flag = tmp_path / f"{part[0].id}.tried"
        if not flag.exists():
            flag.touch()
            raise MemoryError("the first try of every partition")
        return run_chunk(part)

    got = list(process_cluster(_inputs(), cluster, chunk=2, task=fails_once))
    assert [d.id for d in got] == ["k1", "k2", "k3", "k4"]
    assert all(d.error is None and d.events for d in got)
    assert sorted(p.name for p in tmp_path.glob("*.tried")) == ["k1.tried", "k3.tried"]


def test_a_partition_failing_every_try_fails_its_documents_only(cluster):
    from eventwire.cluster import process_cluster

    def fails_on_k3(part):
        from eventwire.batch import run_chunk

        if any(d.id == "k3" for d in part):
            raise RuntimeError("never works")
        return run_chunk(part)

    got = list(process_cluster(_inputs(), cluster, chunk=2, retries=1, task=fails_on_k3))
    assert [d.id for d in got] == ["k1", "k2", "k3", "k4"]
    assert [d.error.code if d.error else None for d in got] == [None, None, "E009", "E009"]
    assert "failed 2 times on the cluster: RuntimeError: never works" in got[2].error.message
    assert got[0].events and got[1].events


def test_a_cancelled_partition_stops_the_run(cluster):
    """Cancelled is what a run gets when the scheduler goes away: no use failing every document."""
    import time

    from eventwire.cluster import _documents

    with distributed.Client(cluster) as client:
        future = client.submit(time.sleep, 30, pure=False)
        client.cancel(future)
        with pytest.raises(ConnectionError, match="dropped the run"):
            _documents(future, _inputs()[:1], 2)


@pytest.mark.parametrize("args, said", [
    (["--cluster", "local:0"], "is not a cluster"),
    (["--cluster", "http://x:8786"], "is not a cluster"),
    (["--cluster", "local:2", "--workers", "2"], "not both"),
])
def test_a_bad_cluster_stops_before_any_work(args, said, docs, tmp_path):
    r = run("ingest", docs, "--db", str(tmp_path / "ew.db"), *args, status=2)
    assert said in r.output
    assert not (tmp_path / "ew.db").exists()


def test_plain_use_never_imports_dask():
    import subprocess
    import sys

    code = ("import sys, eventwire.cli; from eventwire.batch import process_parallel; "
            "list(process_parallel([], workers=1)); "
            "sys.exit(any(m.split('.')[0] in ('dask', 'distributed') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], text=True, capture_output=True)
    assert done.returncode == 0, done.stderr or "dask was imported"
