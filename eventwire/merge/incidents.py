"""One `Incident` from a cluster of reports: the voted type, place and dates, the conservative
toll over independent sources, the sources' disagreements, and how well it is corroborated."""
from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..model import Evidence, Incident, SourceReport
from .records import Report, iso
from .settings import SELF_CLAIM

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")


def incident_id(event_ids: Iterable[str]) -> str:
    """Stable while the membership is: a hash of the sorted member event ids."""
    digest = hashlib.sha256("|".join(sorted(event_ids)).encode()).hexdigest()
    return "inc_" + digest[:16]


def _vote(values: Iterable[tuple[Any, float]]) -> Any:
    """The value with the most weight; ties go to the smallest value, for stable output."""
    weight: dict[Any, float] = defaultdict(float)
    for value, w in values:
        if value is not None:
            weight[value] += w
    if not weight:
        return None
    return min(weight, key=lambda v: (-weight[v], str(v)))


def _evidence(ev: Evidence | None) -> Evidence:
    return ev if ev is not None else Evidence(sentence="", start=0, end=0)


def _listing(label: str, by_value: dict[Any, list[str]], fmt: Callable[[Any], str] = str) -> str:
    parts = [f"{fmt(v)} ({', '.join(sorted(set(outlets)))})" for v, outlets in by_value.items()]
    return f"{label}: " + ", ".join(parts)


def _doc_value(members: Sequence[Report], get: Callable[[Report], Any]) -> dict[str, Any]:
    """Per document, the value of its most confident report that has one."""
    out: dict[str, Any] = {}
    for r in sorted(members, key=lambda r: (-r.confidence, r.event_id)):
        v = get(r)
        if v is not None and r.doc_id not in out:
            out[r.doc_id] = v
    return out


def _acknowledged(members: Sequence[Report]) -> bool:
    """The perpetrator's own word is among the sources: its statement is the attribution of
    a report, or a report says it claimed the attack or speaks of "its jets"."""
    perps = {r.actor1.lower() for r in members if r.actor1}
    perps |= {_ARTICLE.sub("", str(r.event.actor1.text).lower()) for r in members if r.event.actor1}
    for r in members:
        src = _ARTICLE.sub("", (r.attribution or "").lower().strip())
        # Whole names only: "Zimbabwe Lawyers for Human Rights" is not Zimbabwe speaking.
        if src and src in perps:
            return True
        if src and r.actor1 and _actor_named(src) == r.actor1:
            return True
        if r.actor1 and SELF_CLAIM.search(r.sentence):
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _actor_named(text: str) -> str | None:
    """The canonical actor an attribution names ("the Kremlin" -> Russia). Stored events keep
    the attribution's text only, so the actor dictionary is read here."""
    try:
        from ..resolve.actors import lookup_actor
    except ImportError:
        return None
    found = lookup_actor(text)
    return found.name if found else None


def _fatalities(members: Sequence[Report], groups: dict[str, str]) -> dict[str, int | None]:
    """Tolls: one figure per document, then per independent source (a syndicated story once)."""
    figures = _doc_value(members, lambda r: r.fat_best)
    by_group: dict[str, int] = {}
    for doc_id, v in figures.items():
        g = groups.get(doc_id, doc_id)
        by_group[g] = min(v, by_group.get(g, v))
    # low/high span the sources' own figures (one per document, as above): a document's
    # sub-counts ("two of its soldiers") are parts of its toll, not a rival estimate.
    return {
        "best": min(by_group.values()) if by_group else None,  # ACLED: the most conservative report
        "low": min(figures.values()) if figures else None,
        "high": max(figures.values()) if figures else None,
    }


def _disagreements(members: Sequence[Report]) -> list[str]:
    outlets = {r.doc_id: r.outlet for r in members}
    out = []
    for label, get, fmt in (
        ("fatalities", lambda r: r.fat_best, str),
        ("date", lambda r: r.d0 if r.date_kind == "day" else None, iso),
        ("place", lambda r: r.place_name if r.place_rank == 0 else None, str),
        ("type", lambda r: r.sub or r.event_type, str),
        ("perpetrator", lambda r: r.actor1, str),
    ):
        per_doc = _doc_value(members, get)
        by_value: dict[Any, list[str]] = {}
        for doc_id in sorted(per_doc, key=lambda d: (outlets[d], d)):
            by_value.setdefault(per_doc[doc_id], []).append(outlets[doc_id])
        if len(by_value) > 1:
            out.append(_listing(label, by_value, fmt))
    return out


def _corroboration(members: Sequence[Report], groups: dict[str, str]) -> str:
    # Independent sources: syndicated copies count once, and so do several stories of one outlet.
    independent = {groups.get(r.doc_id, r.doc_id) for r in members}
    outlets_seen = {r.outlet for r in members}
    n_independent = min(len(independent), len(outlets_seen))
    if _acknowledged(members):
        return "acknowledged"
    if n_independent >= 2:
        return "corroborated"
    return "single_source"


def incident(members: list[Report], groups: dict[str, str]) -> Incident:
    """The incident a cluster of reports tells; `groups`: doc id -> syndication group."""
    members = sorted(members, key=lambda r: (r.doc_id, r.event_id))
    weight = lambda r: 0.5 + r.confidence  # noqa: E731 - every report counts, surer ones more
    event_type = _vote((r.event_type, weight(r)) for r in members)
    sub = _vote((r.sub, weight(r)) for r in members if r.event_type == event_type)
    plover = _vote((r.plover, weight(r)) for r in members) or "OTHER"

    finest = min((r.place_rank for r in members if not r.place_inferred), default=3)
    located = [r for r in members if r.place_rank == finest and finest < 3 and not r.place_inferred]
    where = _vote((r.place_name, weight(r)) for r in located)
    loc_rec = next((r for r in sorted(located, key=lambda r: -r.confidence) if r.place_name == where), None)
    location = loc_rec.event.location if loc_rec else None

    dated = [r for r in members if r.date_kind == "day"] or [r for r in members if r.date_kind == "span"]
    date_start = iso(min(r.d0 for r in dated)) if dated else None
    date_end = iso(max(r.d1 for r in dated)) if dated else None

    actor_counts = Counter(n for r in members for n in r.actors)
    actors = sorted(actor_counts, key=lambda n: (-actor_counts[n], n))

    sources = [
        SourceReport(
            document_id=r.doc_id, event_id=r.event_id, source=r.outlet,
            evidence=_evidence(r.event.evidence), fatalities=r.fat_best,
            date=iso(r.d0) if r.date_kind in ("day", "span") else None,
            place=None if r.place_inferred else r.place_name,
        )
        for r in members
    ]
    return Incident(
        id=incident_id(r.event_id for r in members), event_type=event_type, sub_event_type=sub,
        plover_type=plover, location=location, date_start=date_start, date_end=date_end,
        actors=actors, fatalities=_fatalities(members, groups), sources=sources,
        disagreements=_disagreements(members), corroboration=_corroboration(members, groups),
    )
