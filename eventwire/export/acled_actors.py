"""An event's actors as ACLED names and codes them: "Military Forces of Russia (2000-)" with
inter code 8 in Ukraine, "Protesters (Kenya)" with 6 and the associated "Students (Kenya)",
"Unidentified Armed Group (Nigeria)" with 3; and the interaction code of the pair.

The conventions are in data/acled.yaml (kinds, defaults by event type, associated groups), the
names and periods fitted on ACLED's training data in data/acled_actors.json.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import Actor, Event
from .places import acled_data, country_name


@dataclass(frozen=True)
class AcledActor:
    name: str
    inter: int
    assoc: str | None = None


@dataclass(frozen=True)
class AcledPair:
    actor1: AcledActor
    actor2: AcledActor | None
    interaction: int


def actors(event: Event, iso3: str, day: str) -> AcledPair | None:
    """ACLED's actor1, actor2 and interaction for an event in country `iso3` on `day`; None
    when no actor1 can be named (ACLED codes no event without one)."""
    event_type, sub = event.event_type, event.sub_event_type
    a1 = _acled(event.actor1, event_type, iso3, day) or _default(_data()["default_actor1"].get(event_type),
                                                                 event_type, iso3, day)
    a2 = _acled(event.actor2, event_type, iso3, day) or _default(
        _data()["default_actor2_sub"].get(sub) or _data()["default_actor2"].get(event_type), event_type, iso3, day)
    if a1 is None:
        return None
    if a1.inter == 7 and a2 is not None and a2.inter != 7:
        a1, a2 = a2, a1  # civilians are the second actor, as ACLED writes them
    code = interaction(a1.inter, a2.inter if a2 else 0)
    if code not in _codes() and a2 is not None:
        a2, code = None, interaction(a1.inter, 0)
    return AcledPair(a1, a2, code) if code in _codes() else None


def interaction(inter1: int, inter2: int) -> int:
    """The two inter codes, the smaller first; an actor alone (inter2 0) gives 10 x inter1."""
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


@functools.lru_cache(maxsize=1)
def _data() -> dict:
    return acled_data()


@functools.lru_cache(maxsize=1)
def _codes() -> frozenset[int]:
    return frozenset(_data()["interactions"]) | frozenset(_data()["interactions_in_acled_data"])


@functools.lru_cache(maxsize=1)
def _unnamed() -> frozenset[str]:
    return frozenset(n.casefold() for n in _data()["unnamed"])


@functools.lru_cache(maxsize=1)
def _group_words() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"), group)
            for group, words in _data()["assoc_groups"].items()]


def _kind(actor: Actor, event_type: str | None) -> str | None:
    kind = actor.kind
    if kind is None:
        return None  # a mention no dictionary knows (often a person): not an ACLED actor
    if kind in ("rebel", "militia", "other") and (actor.name or "").casefold() in _unnamed():
        return "unidentified"
    if kind == "state" and event_type in _data()["state_forces_in"]:
        return "military"
    if kind == "protesters" and event_type in _data()["rioters_in"]:
        return "rioters"
    return kind


def _acled(actor: Actor | None, event_type: str | None, iso3: str, day: str) -> AcledActor | None:
    if actor is None:
        return None
    kind = _kind(actor, event_type)
    return None if kind is None else _named(kind, actor, iso3, day)


def _default(kind: str | None, event_type: str | None, iso3: str, day: str) -> AcledActor | None:
    if kind == "protesters" and event_type in _data()["rioters_in"]:
        kind = "rioters"
    return None if kind is None else _named(kind, None, iso3, day)


def _named(kind: str, actor: Actor | None, iso3: str, day: str) -> AcledActor | None:
    spec = _data()["kinds"].get(kind)
    if spec is None:
        return None
    if spec.get("state"):
        home = (actor.country if actor else None) or iso3
        written = _data()["state_countries"].get(home) or country_name(home)
        if written is None:
            return None
        name = spec["name"].format(country=written) + _period(home, day)
        inter = spec.get("abroad", spec["inter"]) if home != iso3 else spec["inter"]
        return AcledActor(name, inter)
    country = country_name(iso3)
    assoc = spec["assoc"].format(country=country) if spec.get("assoc") else None
    if "name" in spec:
        if assoc is None and actor is not None:
            assoc = _group(f"{actor.text} {actor.name or ''}", country)
        return AcledActor(spec["name"].format(country=country), spec["inter"], assoc)
    if actor is None or not actor.name:
        return None
    inter = spec["inter"]
    if kind == "militia" and any(w in actor.name.casefold() for w in _data()["identity_militia_words"]):
        inter = 4
    known = _data()["names"].get(actor.name)
    return AcledActor(known.format(country=country) if known else actor.name, inter)


def _group(text: str, country: str | None) -> str | None:
    words = text.casefold()
    for pattern, group in _group_words():
        if pattern.search(words):
            return f"{group} ({country})"
    return None


def _period(iso3: str, day: str) -> str:
    """ " (2000-)": the period ACLED writes after a state's forces on `day`, "" when unknown."""
    label = None
    for period, since in _data()["periods"].get(iso3, []):
        if since <= day:
            label = period
    return f" ({label})" if label else ""
