"""Records read back from their dicts: the round trip, enums for categorical fields, and
refusals that name the field."""
from __future__ import annotations

import json
import pickle

import pytest

from eventwire.categories import DatePrecision, EventType, PlacePrecision, PloverType, SubEventType
from eventwire.flat import EVENT_ROW, flat_event
from eventwire.model import Document, Event, Incident, StoredEvent, StoredIncident, to_dict
from test_store_records import document, event, incident


def test_from_dict_inverts_to_dict():
    doc = document()
    back = Document.from_dict(json.loads(json.dumps(to_dict(doc))))
    assert back == doc
    assert json.dumps(to_dict(back)) == json.dumps(to_dict(doc))  # same JSON, byte for byte


def test_incident_and_stored_records_round_trip():
    doc = document()
    inc = incident("inc_1", [(doc.events[0], doc)])
    assert Incident.from_dict(to_dict(inc)) == inc
    stored = StoredIncident.from_dict({**to_dict(inc), "event_ids": ["e1"]})
    assert stored.event_ids == ["e1"] and isinstance(stored, Incident)
    ev = StoredEvent.from_dict({**to_dict(doc.events[0]), "document_id": doc.id})
    assert list(to_dict(ev))[-5:] == ["document_id", "document_published", "document_source",
                                      "document_url", "document_title"]


def test_categorical_fields_hold_str_valued_enums():
    ev = event("d", "Airstrikes hit Aleppo.")
    assert ev.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE and ev.event_type == "Explosions/Remote violence"
    assert ev.sub_event_type is SubEventType.AIR_DRONE_STRIKE and ev.plover_type is PloverType.ASSAULT
    assert ev.date.precision is DatePrecision.DAY and ev.location.precision is PlacePrecision.CITY
    assert f"{ev.event_type}" == str(ev.event_type) == "Explosions/Remote violence"
    assert json.dumps(to_dict(ev)["event_type"]) == '"Explosions/Remote violence"'
    assert pickle.loads(pickle.dumps(ev)).event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE


def test_a_value_no_enum_knows_stays_as_written():
    ev = event("d", "x", event_type="Skirmishes", plover="NEW_PLOVER")
    assert ev.event_type == "Skirmishes" and not isinstance(ev.event_type, EventType)
    assert Event.from_dict(to_dict(ev)).plover_type == "NEW_PLOVER"


def test_missing_fields_read_as_unknown():
    doc = Document.from_dict({"id": "x", "events": [{"id": "e", "fatalities": {"best": 3}}]})
    assert doc.title is None and doc.removed == [] and doc.quality.score == 1.0
    assert doc.events[0].fatalities.best == 3 and doc.events[0].evidence is None


@pytest.mark.parametrize("data, where", [
    ({"id": "t", "title": {"a": 1}}, "title must be text"),
    ({"id": "e", "events": [{"id": ["x"]}]}, "events[0].id must be text"),
    ({"id": "i", "events": [{"id": "e", "fatalities": {"best": 1e400}}]}, "events[0].fatalities.best = inf"),
    ({"id": "f", "events": [{"id": "e", "fatalities": {"best": 2.5}}]}, "must be a whole number"),
    ({"id": "h", "events": [{"id": "e", "hedged": "no"}]}, "events[0].hedged must be true or false"),
    ({"id": "r", "actors": [{"text": "x", "start": True}]}, "actors[0].start must be a whole number"),
    ({"id": "q", "quality": {"flags": [{"kind": "caption", "spans": [[0, "a"]]}]}}, "quality.flags[0].spans[0][1]"),
    ({"id": "p", "places": "Aleppo"}, "places must be a list"),
])
def test_a_value_of_the_wrong_type_is_refused_by_name(data, where):
    with pytest.raises(ValueError) as err:
        Document.from_dict(data)
    assert where in str(err.value)


def test_flat_event_is_typed_plain_values():
    doc = document()
    row = flat_event(StoredEvent.from_dict({**to_dict(doc.events[0]), "document_id": doc.id,
                                            "document_published": doc.published}))
    assert list(row) == [name for name, _ in EVENT_ROW]
    assert type(row["event_type"]) is str and row["location_lat"] == pytest.approx(36.20124)
    assert row["fatalities_best"] == 19 and row["civilian_targeting"] is True
    assert row["document_id"] == doc.id and row["document_published"] == "2016-08-17"
    assert flat_event(doc.events[0])["document_id"] is None
