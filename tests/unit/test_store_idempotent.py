"""Re-putting a document changes nothing; a changed document replaces itself; a document is
written whole or not at all."""
from __future__ import annotations

import dataclasses

import pytest

from eventwire.store import open_store
from test_store_records import document, event, failed_document

TABLES = ("documents", "events", "actors", "places", "quotes")


def counts(store) -> dict[str, int]:
    return {t: store.select(f"SELECT COUNT(*) FROM {t}")[0][0] for t in TABLES}


def two_event_doc():
    text = "Airstrikes killed 19 civilians in Aleppo. Shelling hit Idlib the next day."
    doc = document(text, events=[])
    doc.events = [event(doc.id, "Airstrikes killed 19 civilians in Aleppo.", start=0),
                  event(doc.id, "Shelling hit Idlib the next day.", start=42, where="Idlib",
                        sub_type="Shelling/artillery/missile attack", event_type="Battles")]
    return doc


@pytest.mark.parametrize("make", [document, two_event_doc, failed_document])
def test_store_same_document_twice_adds_no_rows(db, make):
    with open_store(db) as store:
        assert store.put_document(make()) is True
        before = counts(store)
        assert store.put_document(make()) is False
        assert store.put_documents([make(), make()]) == (0, 2)
        assert counts(store) == before
    assert before["documents"] == 1


def test_store_reopened_store_still_sees_document_as_unchanged(db):
    with open_store(db) as store:
        store.put_document(two_event_doc())
    with open_store(db) as store:
        assert store.put_document(two_event_doc()) is False
        assert store.count_events() == 2


def test_store_changed_document_replaces_its_rows(db):
    doc = two_event_doc()
    with open_store(db) as store:
        store.put_document(doc)
        newer = dataclasses.replace(doc, events=doc.events[:1])
        assert store.put_document(newer) is True
        assert [e.id for e in store.events()] == [doc.events[0].id]
        assert store.documents()[0].n_events == 1


def test_store_failure_never_replaces_good_copy(db):
    doc = document()
    with open_store(db) as store:
        store.put_document(doc)
        assert store.put_document(failed_document(doc.id)) is False
        assert store.get_document(doc.id).error is None
        assert store.count_events() == 1


def test_store_failed_then_good_copy_replaces_failure(db):
    doc = document()
    with open_store(db) as store:
        store.put_document(failed_document(doc.id))
        assert store.put_document(doc) is True
        assert store.documents(failed=True) == []
        assert store.count_events() == 1


def test_store_error_mid_document_leaves_nothing(db, monkeypatch):
    with open_store(db) as store:
        store.put_document(document("Another article about Aleppo."))
        before = counts(store)
        original = type(store)._insert_document

        def crash_after_events(self, conn, rows):
            original(self, conn, rows)
            raise RuntimeError("killed mid-write")

        monkeypatch.setattr(type(store), "_insert_document", crash_after_events)
        with pytest.raises(RuntimeError):
            store.put_document(two_event_doc())
        monkeypatch.undo()
        assert not store.has_document(two_event_doc().id)
        assert counts(store) == before
        assert store.put_document(two_event_doc()) is True  # the store still works


def test_store_rejects_event_without_id_before_writing(db):
    doc = document()
    doc.events[0].id = ""
    with open_store(db) as store:
        with pytest.raises(ValueError):
            store.put_document(doc)
        assert store.documents() == []
