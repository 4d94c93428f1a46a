"""Candidate pairs by blocking. Every report is indexed under keys made of its event-type
family, a date bucket and a place key whose grain follows the place's precision (a grid cell
as wide as the farthest two towns of one incident can be for towns, the admin1 for provinces,
the country for country-level places). A report only meets the reports it shares a key with,
so the work grows with the reports times how dense the news is within `max_km` and a few days,
never with all pairs. The cells and buckets are no coarser than the pair limits (`max_km`,
`max_day_gap`): a coarser key only adds pairs that `place_score` / `date_score` then refuse.
Related types (a riot / a mob attack) meet on a finer grid of their own."""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from .records import Report, pinned, related
from .settings import T


KM_PER_DEGREE = 111.0  # a cell's height: a degree of latitude, rounded down so a cell is never lower than max_km
EARTH_KM_PER_DEGREE = 6371.0 * math.pi / 180.0  # haversine's radius, as the pair limit measures it


def _cell_deg() -> float:
    return T.max_km / KM_PER_DEGREE


def _lon_reach(lat: float) -> int:
    """How many cells east and west a town within max_km can lie: a degree of longitude
    shrinks with the cosine of the latitude (taken one cell poleward, the worse side)."""
    shrink = math.cos(math.radians(min(89.0, abs(lat) + _cell_deg())))
    return math.ceil(KM_PER_DEGREE / (EARTH_KM_PER_DEGREE * shrink))


def _place_keys(r: Report) -> tuple[list[tuple], list[tuple]]:
    """(keys the report is filed under, keys it looks in). Pairs are undirected, so a fine
    report need not look at coarse keys: the coarse report finds it there."""
    if r.place_rank == 0:
        g = _cell_deg()
        cell = (math.floor(r.lat / g), math.floor(r.lon / g))
        filed = [("g", *cell)]
        if r.country:
            filed.append(("c", r.country))
            if r.admin1:
                filed.append(("a", r.country, r.admin1))
        reach = _lon_reach(r.lat)
        looks = [("g", cell[0] + dy, cell[1] + dx) for dy in (-1, 0, 1) for dx in range(-reach, reach + 1)]
        return filed, looks
    if r.place_rank == 1:
        key = ("a", r.country, r.admin1)
        return [key, ("c", r.country)], [key]
    if r.place_rank == 2:
        key = ("c", r.country)
        return [key], [key]
    return [("none",)], [("none",)]


def _date_buckets(r: Report) -> tuple[list[Any], list[Any]]:
    if r.d0 is None:
        return ["*"], ["*"]
    if r.date_kind == "day":
        filed = list(range(r.d0 // T.bucket_days, r.d1 // T.bucket_days + 1))
        looks = list(range((r.d0 - T.max_day_gap) // T.bucket_days, (r.d1 + T.max_day_gap) // T.bucket_days + 1))
        return filed, looks
    # A span (a month, a week, the days before publication) may be any day inside it.
    span = list(range((r.d0 - T.max_day_gap) // T.bucket_days, (r.d1 + T.max_day_gap) // T.bucket_days + 1))
    return span, span


def _looks(r: Report) -> list[tuple]:
    """The keys a report looks in: a dated one under (family, date bucket, place), an undated
    one under (family, place) alone, among every report filed there."""
    _, looks = _place_keys(r)
    if r.d0 is None:
        return [("*undated*", r.family, pk) for pk in looks]
    _, dlooks = _date_buckets(r)
    return [(r.family, b, pk) for pk in looks for b in dlooks]


def candidate_pairs(recs: Sequence[Report]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of the reports that share a blocking key. The keys a report looks in
    are made again when it looks rather than kept: at a million reports they would outweigh
    the index."""
    index: dict[tuple, list[int]] = defaultdict(list)
    undated_index: dict[tuple, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        filed, _ = _place_keys(r)
        dfiled, _ = _date_buckets(r)
        for pk in filed:
            undated_index[(r.family, pk)].append(i)
            for b in dfiled:
                index[(r.family, b, pk)].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, r in enumerate(recs):
        for key in _looks(r):
            if key[0] == "*undated*":
                members = undated_index.get(key[1:], ())
                if len(members) > T.max_undated_block:
                    continue
            else:
                members = index.get(key, ())
            for j in members:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
        # Dated reports must also meet undated ones; those look for them above.
    pairs |= _cross_family_pairs(recs)
    return pairs


def _cross_family_pairs(recs: Sequence[Report]) -> set[tuple[int, int]]:
    """Pairs of pinned reports of related families (a riot one outlet calls a mob attack) in
    the same ~10 km and a day of each other, found on a fine grid of (day, 0.1 degree)."""
    index: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        if pinned(r):
            index[(r.d0, math.floor(r.lat * 10), math.floor(r.lon * 10))].append(i)
    pairs: set[tuple[int, int]] = set()
    for (day, y, x), members in index.items():
        for dd in (0, 1):
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    for j in index.get((day + dd, y + dy, x + dx), ()):
                        for i in members:
                            if recs[i].family != recs[j].family and related(recs[i], recs[j]):
                                pairs.add((i, j) if i < j else (j, i))
    return pairs
