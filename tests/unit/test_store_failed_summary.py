"""A document with an error is kept as a failure without blocking others; summary() counts."""
from __future__ import annotations

from eventwire.model import Error, QualityFlag
from eventwire.store import open_store
from eventwire.store.summary import TopPlace
from test_store_records import document, failed_document


def test_store_failed_document_recorded_and_others_stored(db):
    good, bad, other = document(), failed_document("bad-1"), document("Shelling in Aleppo killed 3.")
    with open_store(db) as store:
        assert store.put_documents([good, bad, other]) == (3, 0)
        failed = store.documents(failed=True)
        assert [d.id for d in failed] == ["bad-1"]
        assert failed[0].error == Error(code="E003", message="not valid UTF-8")
        assert store.has_document("bad-1") and not store.has_document("bad-1", include_failed=False)
        assert {d.id for d in store.documents(failed=False)} == {good.id, other.id}
        assert store.count_events() == 2


def test_store_summary_counts_and_flags(db):
    flagged = document("Reportedly, strikes hit Aleppo.", score=0.3)
    noisy = document("Advertisement. Strikes hit Aleppo again.", score=0.8,
                     flags=[QualityFlag(kind="boilerplate", detail="ad", spans=[[0, 14]])])
    with open_store(db) as store:
        store.put_documents([document(), flagged, noisy, failed_document()])
        s = store.summary()
    assert s.documents == 4 and s.failed_documents == 1
    assert s.events == 3 and s.events_by_type == {"Explosions/Remote violence": 3}
    assert s.events_by_plover_type == {"ASSAULT": 3}
    assert s.top_places == [TopPlace(name="Aleppo", country="SYR", events=3)]
    assert s.fatalities_best == 57
    assert s.flagged_documents == 2
    assert [f.id for f in s.flagged] == [flagged.id, noisy.id]  # worst score first
    assert s.flagged[1].flags == ["boilerplate"]
    assert s.date_range == ["2016-08-16", "2016-08-16"]


def test_store_summary_of_empty_store(db):
    with open_store(db) as store:
        s = store.summary()
    assert s.documents == 0 and s.events == 0 and s.top_places == [] and s.flagged == []
