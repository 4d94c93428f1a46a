"""Blocking may only drop pairs the pair limits refuse: every two town-level reports of one
family that `place_score` and `date_score` accept must share a key, at any latitude."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from test_merge_helpers import doc, event, place

from eventwire.merge.blocking import candidate_pairs
from eventwire.merge.records import report
from eventwire.merge.scoring import date_score, place_score

DAY0 = dt.date(2024, 3, 1)


def _report(i: int, lat: float, lon: float, day: int, sub: str):
    when = (DAY0 + dt.timedelta(days=day)).isoformat()
    ev = event(sub, where=place(f"T{i}", lat, lon, "XX"), day=when, eid=f"ev_{i:04d}")
    return report(doc(f"d{i}", f"outlet{i}.example", published=when), ev)


# towns a few km to a few tens of km apart, around one point: the cases where a grid cell's edge
# falls between two towns of one incident
_town = st.tuples(st.floats(-0.4, 0.4), st.floats(-0.6, 0.6), st.integers(0, 6),
                  st.sampled_from(["Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"]))


@settings(max_examples=60, derandomize=True, database=None, deadline=None)
@given(st.sampled_from([0.0, 12.5, -33.9, 47.3, 59.9, -64.2, 71.0, 82.5]), st.floats(-179.0, 179.0),
       st.lists(_town, min_size=2, max_size=25))
def test_every_pair_the_limits_accept_is_a_candidate(lat0, lon0, towns):
    recs = [_report(i, lat0 + dy, lon0 + dx, day, sub) for i, (dy, dx, day, sub) in enumerate(towns)]
    pairs = candidate_pairs(recs)
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            a, b = recs[i], recs[j]
            if a.family == b.family and place_score(a, b) is not None and date_score(a, b) is not None:
                assert (i, j) in pairs, (a.lat, a.lon, a.d0, b.lat, b.lon, b.d0)


def test_dense_news_meets_only_its_neighbourhood():
    """Strikes every day for a week in towns 1 km apart along a 180 km road: each meets the
    strikes within a few tens of km and days, not the whole road's week."""
    recs = [_report(i, 35.0, 36.0 + 0.01 * (i % 200), i // 200, "Air/drone strike") for i in range(200 * 7)]
    pairs = candidate_pairs(recs)
    every = len(recs) * (len(recs) - 1) // 2
    assert len(pairs) < 0.3 * every, len(pairs) / every
