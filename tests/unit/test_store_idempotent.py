"""Re-putting a document changes nothing; a changed document replaces itself; a document is
written whole or not at all."""
from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from eventwire.store import Store
from test_store_records import document, event, failed_document

TABLES = ("documents", "events", "actors", "places", "quotes")


def counts(path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


def two_event_doc():
    text = "Airstrikes killed 19 civilians in Aleppo. Shelling hit Idlib the next day."
    doc = document(text, events=[])
    doc.events = [event(doc.id, "Airstrikes killed 19 civilians in Aleppo.", start=0),
                  event(doc.id, "Shelling hit Idlib the next day.", start=42, where="Idlib",
                        sub_type="Shelling/artillery/missile attack", event_type="Battles")]
    return doc


@pytest.mark.parametrize("make", [document, two_event_doc, failed_document])
def test_store_same_document_twice_adds_no_rows(tmp_path, make):
    path = tmp_path / "ew.db"
    with Store(path) as store:
        assert store.put_document(make()) is True
        before = counts(path)
        assert store.put_document(make()) is False
        assert store.put_documents([make(), make()]) == (0, 2)
    assert counts(path) == before
    assert before["documents"] == 1


def test_store_reopened_store_still_sees_document_as_unchanged(tmp_path):
    path = tmp_path / "ew.db"
    with Store(path) as store:
        store.put_document(two_event_doc())
    with Store(path) as store:
        assert store.put_document(two_event_doc()) is False
        assert store.count_events() == 2


def test_store_changed_document_replaces_its_rows(tmp_path):
    doc = two_event_doc()
    with Store(tmp_path / "ew.db") as store:
        store.put_document(doc)
        newer = dataclasses.replace(doc, events=doc.events[:1])
        assert store.put_document(newer) is True
        assert [e.id for e in store.events()] == [doc.events[0].id]
        assert store.documents()[0].n_events == 1


def test_store_failure_never_replaces_good_copy(tmp_path):
    doc = document()
    with Store(tmp_path / "ew.db") as store:
        store.put_document(doc)
        assert store.put_document(failed_document(doc.id)) is False
        assert store.get_document(doc.id).error is None
        assert store.count_events() == 1


def test_store_failed_then_good_copy_replaces_failure(tmp_path):
    doc = document()
    with Store(tmp_path / "ew.db") as store:
        store.put_document(failed_document(doc.id))
        assert store.put_document(doc) is True
        assert store.documents(failed=True) == []
        assert store.count_events() == 1


def test_store_error_mid_document_leaves_nothing(tmp_path, monkeypatch):
    path = tmp_path / "ew.db"
    with Store(path) as store:
        store.put_document(document("Another article about Aleppo."))
        before = counts(path)
        original = Store._insert_document

        def crash_after_events(self, conn, rows):
            original(self, conn, rows)
            raise RuntimeError("killed mid-write")

        monkeypatch.setattr(Store, "_insert_document", crash_after_events)
        with pytest.raises(RuntimeError):
            store.put_document(two_event_doc())
        monkeypatch.undo()
        assert not store.has_document(two_event_doc().id)
        assert counts(path) == before
        assert store.put_document(two_event_doc()) is True  # the store still works


def test_store_rejects_event_without_id_before_writing(tmp_path):
    doc = document()
    doc.events[0].id = ""
    with Store(tmp_path / "ew.db") as store:
        with pytest.raises(ValueError):
            store.put_document(doc)
        assert store.documents() == []
