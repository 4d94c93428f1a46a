"""The one Filters record: checked where it is made; min_quality and document_id select
events and incidents through their documents."""
from __future__ import annotations

import datetime

import pytest

from eventwire.filters import Filters, day_bound
from eventwire.store import open_store
from test_store_records import document, incident


@pytest.mark.parametrize("bad", [
    {"since": "last week"}, {"until": "2016-13"}, {"since": "2024-02-30"},
    {"near": (95, 0, 10)}, {"near": (0, 0, -1)}, {"near": (0, float("nan"), 1)},
    {"min_quality": 1.5}, {"min_quality": -0.1},
])
def test_filters_refuse_bad_values(bad):
    with pytest.raises(ValueError):
        Filters(**bad)


def test_filters_normalise_and_list_what_is_given():
    f = Filters(since=datetime.date(2016, 8, 1), near=(1, 2, 3), country="SYR")
    assert f.since == "2016-08-01" and f.near == (1.0, 2.0, 3.0)
    assert f.given() == {"country": "SYR", "since": "2016-08-01", "near": (1.0, 2.0, 3.0)}
    assert Filters().given() == {}
    assert day_bound("2016", upper=True) == "2016-99-99" and day_bound("2016-08", upper=False) == "2016-08-00"


def test_min_quality_and_document_id_select_through_documents(db):
    good = document("Airstrikes killed 19 civilians in Aleppo on Tuesday.", score=0.9)
    poor = document("Airstrikes hit Aleppo again, killing 19.", score=0.3)
    with open_store(db) as store:
        store.put_documents([good, poor])
        store.put_incidents([incident("inc_good", [(good.events[0], good)]),
                             incident("inc_poor", [(poor.events[0], poor)])])
        assert [e.document_id for e in store.events(Filters(min_quality=0.5))] == [good.id]
        assert store.count_events(Filters(min_quality=0.2)) == 2
        assert [e.id for e in store.events(Filters(document_id=poor.id))] == [poor.events[0].id]
        assert [i.id for i in store.incidents(Filters(min_quality=0.5))] == ["inc_good"]
        assert [i.id for i in store.incidents(Filters(document_id=poor.id))] == ["inc_poor"]
