"""The scored decision on a candidate pair of reports: agreement of place, date, type, actors
and toll, plus the similarity of the two evidence sentences (MiniLM embeddings, or word
overlap). A scorer returns None where the two cannot be one incident."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..geo import haversine_km
from .records import Report, pinned, related
from .settings import S, T


def place_score(a: Report, b: Report) -> float | None:
    """Agreement of the two places, or None when they cannot be the same place."""
    if a.family != b.family:  # related families meet only when pinned close together
        both_pinned = pinned(a) and pinned(b) and related(a, b)
        km = haversine_km(a.lat, a.lon, b.lat, b.lon) if both_pinned else None
        if km is None or km > T.cross_family_km:
            return None
    return geo_score(a, b)


def geo_score(a: Report, b: Report) -> float | None:
    """Agreement of the two places whatever the reports' types, or None when they cannot be
    the same place."""
    if a.place_rank == 3 or b.place_rank == 3:
        return 0.0
    if a.country and b.country and a.country != b.country:
        return None
    if a.place_rank == 0 and b.place_rank == 0:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km > T.max_km:
            return None
        return S.same_spot if km <= S.same_spot_km else S.same_town - S.town_falloff * km / T.max_km
    if a.place_rank <= 1 and b.place_rank <= 1:
        if a.admin1 and b.admin1 and a.admin1 != b.admin1:
            return None
        return S.same_province
    pa = (a.lat, a.lon) if a.place_rank == 0 else a.hint
    pb = (b.lat, b.lon) if b.place_rank == 0 else b.hint
    if pa and pb and haversine_km(*pa, *pb) <= T.hint_km:
        return T.hint_score
    return S.same_country


def date_score(a: Report, b: Report) -> float | None:
    if a.d0 is None or b.d0 is None:
        return 0.0
    gap = max(a.d0, b.d0) - min(a.d1, b.d1)  # days between the intervals; <= 0 overlaps
    if a.date_kind == "day" and b.date_kind == "day":
        if gap > T.max_day_gap:
            return None
        return {0: S.same_day, 1: S.next_day}.get(max(gap, 0), 0.0)
    if gap > (T.max_day_gap if "weak" in (a.date_kind, b.date_kind) else 0):
        return None
    if "weak" in (a.date_kind, b.date_kind):
        # Undated news is mostly about the last two days before publication.
        weak, other = (a, b) if a.date_kind == "weak" else (b, a)
        if other.date_kind == "day" and weak.published is not None and (
                weak.published - T.recent_days <= other.d0 <= weak.published):
            return S.overlapping_dates
        return 0.0
    return S.overlapping_dates


def _type_score(a: Report, b: Report) -> float:
    if a.sub and a.sub == b.sub:
        return S.same_sub_event_type
    if a.event_type and a.event_type == b.event_type:
        return S.same_event_type
    if not a.event_type and not b.event_type and a.plover == b.plover:
        return S.same_event_type
    return 0.0


def _actor_score(a: Report, b: Report) -> float:
    if a.actor1 and b.actor1:
        if a.actor1 == b.actor1:
            return S.same_perpetrator
        # Different perpetrators named: outlets blame different sides, or an extractor took a
        # place or a victim for the actor; too noisy to hold against a pair.
        return 0.0
    return S.shared_actor if a.actors & b.actors else 0.0


def _toll_score(a: Report, b: Report) -> float:
    x, y = a.fat_best, b.fat_best
    if x is None or y is None:
        return 0.0
    lo, hi = min(x, y), max(x, y)
    if hi == lo or hi - lo <= max(S.close_toll_gap, S.close_toll_share * hi):
        return S.close_tolls
    # No penalty for far-apart tolls: they rise for days as the wounded die and bodies are found.
    return 0.0


def _text_score(sim: float, lexical: bool) -> float:
    lo, hi = S.lexical_range if lexical else S.embedding_range
    return S.text * min(1.0, max(0.0, (sim - lo) / (hi - lo)))


def _lexical_sim(a: Report, b: Report) -> float:
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / math.sqrt(len(a.words) * len(b.words))


def score(a: Report, b: Report, sim: float, lexical: bool) -> float | None:
    """The pair's score, or None when the two cannot be one incident."""
    place = place_score(a, b)
    if place is None:
        return None
    date = date_score(a, b)
    if date is None:
        return None
    return place + date + _type_score(a, b) + _actor_score(a, b) + _toll_score(a, b) + _text_score(sim, lexical)


def threshold(a: Report, b: Report) -> float:
    """The score the pair needs: more for a vague report or related types."""
    weak = {a.date_kind, b.date_kind} & {"weak", "none"} or 3 in (a.place_rank, b.place_rank)
    if weak:
        return T.threshold + T.weak_extra
    return T.threshold + (T.cross_family_extra if a.family != b.family else 0.0)


def similarities(recs: Sequence[Report], pairs: Sequence[tuple[int, int]], mode: str) -> tuple[list[float], bool]:
    """Evidence-sentence similarity per pair, and whether it is lexical."""
    if mode == "embed" and pairs:
        vectors = _embed_needed(recs, pairs)
        if vectors is not None:
            return [float(vectors[recs[i].sentence] @ vectors[recs[j].sentence]) for i, j in pairs], False
    return [_lexical_sim(recs[i], recs[j]) for i, j in pairs], True


def _embed_needed(recs: Sequence[Report], pairs: Sequence[tuple[int, int]]) -> dict[str, Any] | None:
    try:
        from ..embed import embed
    except ImportError:
        return None
    needed = sorted({recs[k].sentence for pair in pairs for k in pair})
    try:
        vectors = embed(needed)
    except (RuntimeError, OSError, ValueError):  # model not installed: fall back to word overlap
        return None
    return dict(zip(needed, vectors))


def copied(a: Report, b: Report) -> bool:
    """The same sentence, give or take a copy desk's edits (a dateline added, a word cut)."""
    if a.norm_sentence == b.norm_sentence:
        return True
    shorter = min(len(a.words), len(b.words))
    return shorter >= T.copy_min_words and len(a.words & b.words) >= T.copy_contained * shorter
