"""merge_store: incidents from the store's events, rerun-stable, incremental."""
from eventwire.merge import merge_store
from eventwire.model import Document, to_dict
from eventwire.store import open_store
from test_merge_helpers import event, place

TOWN = place("Jisr al-Shughur", 35.8137, 36.3191, "SYR", "Idlib")
OTHER = place("El Obeid", 13.1843, 30.2167, "SDN", "North Kordofan")


def _doc(doc_id, source, ev, text):
    return Document(id=doc_id, title=None, published="2024-10-21", text=text, source=source, events=[ev])


def _ids(store):
    return sorted((i.id, tuple(sorted(i.event_ids))) for i in store.incidents())


def test_rerun_changes_nothing_and_new_reports_join(db):
    store = open_store(db)
    s1 = "Air strikes hit Jisr al-Shughur on Monday, killing nine people."
    store.put_document(_doc("a", "Horizon", event(where=TOWN, killed=9, sentence=s1), s1))
    store.put_document(_doc("x", "Nile", event("Shelling/artillery/missile attack", where=OTHER,
                                               day="2024-06-03", killed=14, sentence="Shells hit El Obeid."),
                            "Shells hit El Obeid."))
    assert merge_store(store, similarity="lexical") == 2
    first = _ids(store)
    assert merge_store(store, similarity="lexical") == 2
    assert _ids(store) == first

    s2 = "At least eight people were killed when warplanes bombed Jisr al-Shughur."
    store.put_document(_doc("b", "Gulf", event(where=TOWN, killed=8, sentence=s2), s2))
    assert merge_store(store, similarity="lexical") == 2
    after = {i.id: i for i in store.incidents()}
    unchanged = [i for i in first if i[0] in after]
    assert len(unchanged) == 1 and len(unchanged[0][1]) == 1  # El Obeid kept its id
    grown = next(i for i in after.values() if len(i.event_ids) == 2)
    assert grown.corroboration == "corroborated"
    assert grown.fatalities == {"best": 8, "low": 8, "high": 9}
    store.close()


def test_syndicated_copies_found_from_stored_text(db):
    store = open_store(db)
    body = ("BEIRUT (Wire) - Air strikes hit a water station in Jisr al-Shughur on Monday, killing nine "
            "civilians, a monitor said. About 20 people were wounded, it said. The station supplied water "
            "to 60,000 people in the town and surrounding villages.")
    sentence = "BEIRUT (Wire) - Air strikes hit a water station in Jisr al-Shughur on Monday, killing nine civilians, a monitor said."
    for doc_id, source, head in (("a", "Horizon", "Strikes kill nine"), ("b", "Globe", "Nine dead in Syria")):
        ev = to_dict(event(where=TOWN, killed=9, sentence=sentence, eid=f"ev_{doc_id}"))
        store.put_document(Document.from_dict({**to_dict(_doc(doc_id, source, event(), head + "\n\n" + body)),
                                               "events": [ev]}))
    merge_store(store, similarity="lexical")
    (incident,) = store.incidents()
    assert incident.corroboration == "single_source"
    assert sorted(incident.event_ids) == ["ev_a", "ev_b"]
    store.close()
