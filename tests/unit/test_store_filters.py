"""events()/incidents() filters: type, sub_type, country, actor, since, until, near, limit."""
from __future__ import annotations

import pytest

from eventwire.filters import Filters
from eventwire.store import open_store
from test_store_records import actor, document, event, incident


@pytest.fixture()
def store(db):
    s = open_store(db)
    aleppo = document("Airstrikes killed 19 civilians in Aleppo on Tuesday.", published="2016-08-17")
    mosul = document("Clashes in Mosul killed 4 fighters in March.", published="2017-03-20", events=[])
    mosul.events = [event(mosul.id, mosul.text, event_type="Battles", sub_type="Armed clash", where="Mosul",
                          date="2017-03-05", killed=4, civilian=False,
                          a1=actor("Military Forces of Iraq", "military", "IRQ", text="Iraqi troops"),
                          a2=actor("Islamic State", "rebel", None, text="IS fighters"))]
    kyiv = document("Protesters gathered in Kyiv.", published="2014-01-20", events=[])
    kyiv.events = [event(kyiv.id, kyiv.text, event_type="Protests", sub_type="Peaceful protest",
                         plover="PROTEST", where="Kyiv", date=None, killed=None, civilian=False,
                         a1=actor("Protesters (Ukraine)", "protesters", "UKR", text="Protesters"),
                         a2=actor("Government of Ukraine", "state", "UKR"))]
    idlib = document("A drone strike hit Idlib.", published="2016-08-20", events=[])
    idlib.events = [event(idlib.id, idlib.text, where="Idlib", date="2016-08-19", killed=2)]
    nowhere = document("Talks were held.", published="2018-05-01", events=[])
    nowhere.events = [event(nowhere.id, nowhere.text, event_type=None, sub_type=None, plover="CONSULT",
                            where=None, date=None, killed=None, civilian=False)]
    s.docs = {"aleppo": aleppo, "mosul": mosul, "kyiv": kyiv, "idlib": idlib, "nowhere": nowhere}
    assert s.put_documents(s.docs.values()) == (5, 0)
    s.put_incidents([
        incident("inc_syria", [(aleppo.events[0], aleppo), (idlib.events[0], idlib)]),
        incident("inc_mosul", [(mosul.events[0], mosul)]),
    ])
    yield s
    s.close()


def names(store, rows):
    by_id = {d.events[0].id: k for k, d in store.docs.items()}
    return sorted(by_id[r.id] for r in rows)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["aleppo", "idlib", "kyiv", "mosul", "nowhere"]),
    ({"type": "Explosions/Remote violence"}, ["aleppo", "idlib"]),
    ({"type": "battles"}, ["mosul"]),                       # case-insensitive
    ({"type": "PROTEST"}, ["kyiv"]),                        # PLOVER type works too
    ({"sub_type": "Armed clash"}, ["mosul"]),
    ({"country": "SYR"}, ["aleppo", "idlib"]),
    ({"country": "irq"}, ["mosul"]),
    ({"actor": "Islamic State"}, ["mosul"]),                # canonical name, actor2
    ({"actor": "iraqi troops"}, ["mosul"]),                 # mention text
    ({"actor": "*Ukraine*"}, ["kyiv"]),                     # wildcard
    ({"actor": "Iraq"}, []),                                # no substring match without '*'
    ({"since": "2016-08-18"}, ["idlib", "mosul", "nowhere"]),
    ({"until": "2016-08-16"}, ["aleppo", "kyiv"]),          # undated Kyiv event uses 2014 publication date
    ({"since": "2016-08", "until": "2016-08"}, ["aleppo", "idlib"]),  # partial dates cover the month
    ({"since": "2017", "until": "2017"}, ["mosul"]),
    ({"near": (36.2, 37.16, 10)}, ["aleppo"]),
    ({"near": (36.2, 37.16, 100)}, ["aleppo", "idlib"]),    # Idlib is ~55 km from Aleppo
    ({"near": (36.2, 37.16, 1000)}, ["aleppo", "idlib", "mosul"]),
    ({"near": (89.9, 0.0, 500)}, []),                       # near the pole: no bounding box, still exact
    ({"type": "Explosions/Remote violence", "since": "2016-08-18", "country": "SYR"}, ["idlib"]),
])
def test_store_event_filters(store, filters, expected):
    assert names(store, store.events(Filters(**filters))) == expected
    assert store.count_events(Filters(**filters)) == len(expected)


def test_store_events_carry_document_and_order_by_date(store):
    rows = store.events()
    dated = [r.date.start for r in rows if r.date]
    assert dated == sorted(dated)
    first = store.events(Filters(country="SYR"), limit=1)
    assert len(first) == 1 and first[0].document_id == store.docs["aleppo"].id
    assert first[0].document_source == "Example News"
    assert store.events(Filters(country="SYR"), limit=1, offset=1)[0].document_id == store.docs["idlib"].id


@pytest.mark.parametrize("bad", [{"since": "last week"}, {"near": (95, 0, 10)}, {"near": (0, 0, -1)}])
def test_store_bad_filters_raise(bad):
    with pytest.raises(ValueError):
        Filters(**bad)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["inc_syria", "inc_mosul"]),
    ({"country": "SYR"}, ["inc_syria"]),
    ({"type": "Battles"}, ["inc_mosul"]),
    ({"actor": "russia"}, ["inc_syria"]),
    ({"actor": "*State*"}, ["inc_mosul"]),
    ({"since": "2017-01-01"}, ["inc_mosul"]),
    ({"near": (36.34, 43.12, 5)}, ["inc_mosul"]),
])
def test_store_incident_filters(store, filters, expected):
    assert [i.id for i in store.incidents(Filters(**filters))] == expected


def test_store_put_incidents_replaces_the_set(store):
    syria = store.incidents(Filters(country="SYR"))[0]
    assert sorted(syria.event_ids) == sorted([store.docs["aleppo"].events[0].id, store.docs["idlib"].events[0].id])
    aleppo = store.docs["aleppo"]
    assert store.put_incidents([incident("inc_aleppo", [(aleppo.events[0], aleppo)])]) == 1
    assert [i.id for i in store.incidents()] == ["inc_aleppo"]
    assert store.incidents()[0].event_ids == [aleppo.events[0].id]
    assert store.summary().incidents == 1
