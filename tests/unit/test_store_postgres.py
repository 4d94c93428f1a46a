"""The PostgreSQL store against the SQLite one: the same schema steps and columns, the same
records and exports from the same documents; and what only a server store meets (a URL with a
password, a server that is not there, a schema shared with other tables, text with a NUL)."""
from __future__ import annotations

import sqlite3

import pytest

from eventwire.export import FORMATS, export
from eventwire.filters import Filters
from eventwire.store import PostgresStore, StoreError, migrations, migrations_pg, open_store
from test_store_records import actor, document, event, failed_document, incident


def test_both_stores_have_the_same_schema_version_and_columns(tmp_path, postgres_url):
    assert migrations_pg.LATEST == migrations.LATEST  # a new step goes into both lists
    open_store(str(tmp_path / "ew.db")).close()
    lite = sqlite3.connect(tmp_path / "ew.db")
    with PostgresStore(postgres_url) as pg:
        for (table,) in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            ours = [r[1] for r in lite.execute(f"PRAGMA table_info({table})")]
            theirs = [r[0] for r in pg.select(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                "AND table_name = ?", (table,))]
            assert sorted(ours) == sorted(theirs), table
        assert pg.schema_version == migrations.LATEST


def _documents():
    aleppo = document()
    mosul = document("Clashes in Mosul killed 4 fighters in March.", published="2017-03-20", events=[])
    mosul.events = [event(mosul.id, mosul.text, event_type="Battles", sub_type="Armed clash", where="Mosul",
                          date="2017-03-05", killed=4, civilian=False,
                          a1=actor("Military Forces of Iraq", "military", "IRQ", text="Iraqi troops"),
                          a2=actor("Islamic State", "rebel", None, text="IS fighters"))]
    idlib = document("A drone strike hit Idlib.", published="2016-08-20", events=[], score=0.3)
    idlib.events = [event(idlib.id, idlib.text, where="Idlib", date="2016-08-19", killed=2)]
    return [aleppo, mosul, idlib, failed_document()], [
        incident("inc_syria", [(aleppo.events[0], aleppo), (idlib.events[0], idlib)]),
        incident("inc_mosul", [(mosul.events[0], mosul)])]


@pytest.mark.parametrize("filters", [{}, {"country": "syr"}, {"type": "battles"}, {"actor": "*state*"},
                                     {"near": (36.2, 37.16, 100)}, {"min_quality": 0.5}, {"text": "DRONE"},
                                     {"since": "2016-08-18"}])
def test_postgres_gives_what_sqlite_gives(tmp_path, postgres_url, filters):
    docs, incidents = _documents()
    stores = [open_store(str(tmp_path / "ew.db")), open_store(postgres_url)]
    try:
        for store in stores:
            assert store.put_documents(docs) == (4, 0)
            assert store.put_documents(docs) == (0, 4)
            store.put_incidents(incidents)
        lite, pg = stores
        f = Filters(**filters)
        assert [e.to_dict() for e in pg.events(f)] == [e.to_dict() for e in lite.events(f)]
        assert pg.count_events(f) == lite.count_events(f)
        assert [i.to_dict() for i in pg.incidents(f)] == [i.to_dict() for i in lite.incidents(f)]
        assert pg.events(f, limit=1, offset=1) == lite.events(f, limit=1, offset=1)
        assert pg.summary() == lite.summary()
        # (in ingest order: each store's own clock)
        assert sorted(d.id for d in pg.documents()) == sorted(d.id for d in lite.documents())
        assert all(pg.get_document(d.id) == lite.get_document(d.id) == d for d in docs)
        if not filters:
            compared = set()
            for fmt in FORMATS:
                if fmt == "acled-csv":  # its timestamp column is the second each store was written in
                    continue
                for what in ("events", "incidents"):
                    try:
                        sizes = [export(s, fmt, tmp_path / f"{i}.{fmt}", what=what) for i, s in enumerate(stores)]
                    except (ValueError, ImportError):  # a format without incidents, or pandas absent
                        continue
                    assert sizes[0] == sizes[1]
                    assert (tmp_path / f"0.{fmt}").read_bytes() == (tmp_path / f"1.{fmt}").read_bytes(), fmt
                    compared.add(fmt)
            assert {"jsonl", "geojson", "ucdp-csv", "plover-json"} <= compared
    finally:
        for store in stores:
            store.close()


def test_postgres_refusals_say_what_is_wrong(postgres_server, postgres_url):
    psycopg = pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="no eventwire database"):
        open_store(postgres_url, create=False)
    with pytest.raises(StoreError, match=r"cannot connect to postgresql://me:\*\*\*@127.0.0.1:1/x"):
        open_store("postgresql://me:secret@127.0.0.1:1/x", timeout=2)
    other = postgres_server.new_database()
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("CREATE TABLE theirs (x int)")  # another program's schema
    with pytest.raises(StoreError, match="not an eventwire database"):
        open_store(other)
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'now')")
    with pytest.raises(StoreError, match="newer than this eventwire"):
        open_store(postgres_url)


def test_postgres_readonly_and_unstorable_text(postgres_url):
    with open_store(postgres_url) as store:
        with pytest.raises(ValueError):
            store.put_document(document("A strike hit Aleppo.\x00"))
        assert store.documents() == [] and store.put_document(document()) is True
    with open_store(postgres_url, readonly=True) as reader:
        assert reader.count_events() == 1
        with pytest.raises(Exception, match="read-only"):
            reader.put_document(document("Another strike hit Aleppo."))


def test_postgres_merges_take_turns(postgres_url):
    import threading
    import time

    first, second = open_store(postgres_url), open_store(postgres_url)
    order = []
    try:
        with first.merging():
            waiting = threading.Thread(target=lambda: (second.merging().__enter__(), order.append("second")))
            waiting.start()
            time.sleep(0.5)
            first.put_incidents([])  # the incidents' own lock is this session's already
            order.append("first")
        waiting.join(10)
        assert order == ["first", "second"]
    finally:
        first.close()
        second.close()
