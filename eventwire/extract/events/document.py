"""Passes over all of a document's events once its sentences are read: one fact told twice is one
event (`_drop_subsumed`); salience (the lead up, asides and the past down); how a protest ended
and what followed an attack (`_story_responses`); "the bombers" taking up an earlier force."""
from __future__ import annotations

import itertools
import re
from typing import Sequence

from ...lexicon import alternation, regex, table
from ...model import Actor, Event
from ...resolve.dates import days_before_published, event_story
from ..offsets import LastEnding
from .spans import _ASIDE, _undateline
from .subtype import _INTERVENTION, _retype
from .thresholds import VIOLENT_TYPES, T


# Words for one kind of force, so that "the bombers" can take up "the Russian bomber" told earlier.
_FORCE_CLASSES = tuple(tuple(ws) for ws in table("force_classes").values())
_DEFINITE = re.compile(r"\b[Tt]he ((?:[a-z\-]+ )?(" + "|".join(w for c in _FORCE_CLASSES for w in c) + r"))\b")


def _definite_agents(events: list[Event], actors: list[Actor]) -> None:
    """"After the sorties, the bombers returned to the base": a violent event whose only
    agent is a definite "the bombers" takes the actor of the nearest earlier mention of such a
    force ("the Russian bomber deployed in Iran"). The actor's evidence is "the bombers"."""
    latest: dict[tuple[str, ...], LastEnding[Actor]] = {}
    for ev in events:
        if ev.actor1 is not None or ev.event_type not in VIOLENT_TYPES:
            continue
        m = _DEFINITE.search(ev.evidence.sentence)
        if m is None:
            continue
        kind = next(c for c in _FORCE_CLASSES if m.group(2) in c)
        if kind not in latest:
            latest[kind] = LastEnding([a for a in actors if a.name
                                    and any(w in kind for w in re.findall(r"[a-z]+", a.text.lower()))])
        a = latest[kind].ending_by(ev.evidence.start)
        if a is not None:
            start = ev.evidence.start + m.start()
            ev.actor1 = Actor(text=m.group(0), name=a.name, country=a.country, kind=a.kind,
                              start=start, end=start + len(m.group(0)))


_SECURITY = re.compile(rf"\b({alternation('security_forces')})\b", re.I)
_CROWD = re.compile(rf"\b({alternation('crowd_words')})\b", re.I)
_TURNED_VIOLENT = regex("turned_violent", re.I)
_SHOT_AT = re.compile(rf"\b({alternation('shot_at_cues')})\b", re.I)
_ARREST_WORD = re.compile(rf"\b({alternation('arrest_cues')})\b", re.I)


# ACLED's precedence among the ways a protest ends: the marchers' violence over lethal force
# against them, over an intervention, over none
_PROTEST_ENDINGS = ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                    "Violent demonstration")


def _story_responses(events: list[Event], sentences: Sequence[tuple[int, str]], published: str | None) -> None:
    """ACLED codes a protest by how it ended, which news often tells in the sentences after it
    ("Police fired tear gas to disperse them", "officers detained 12 marchers"): the protest
    becomes one with intervention, or with excessive force when security forces fired on the
    crowd. Arrests in the story of a protest or an attack are its aftermath: they rank below it."""
    # the arrests by where their sentence starts, looked up instead of looking at every event
    # (none of them is retyped here: only protests are)
    arrested: dict[int, list[Event]] = {}
    for other in events:
        if other.sub_event_type == "Arrests":
            arrested.setdefault(other.evidence.start, []).append(other)
    for ev in events:
        if ev.event_type != "Protests" and ev.event_type not in VIOLENT_TYPES:
            continue
        told = [(ev.evidence.start, ev.evidence.sentence)]
        told += [(start, text) for start, text, _ in event_story(ev, sentences, published, aside=_ASIDE)]
        if ev.event_type == "Protests":
            response = [text for _, text in told if _SECURITY.search(text)]
            ended = None
            if any(_TURNED_VIOLENT.search(t) for _, t in told):
                ended = "Violent demonstration"  # the marchers' own violence decides (ACLED)
            elif any(_SHOT_AT.search(t) and _CROWD.search(t) for t in response):
                ended = "Excessive force against protesters"
            elif any(_INTERVENTION.search(t) for t in response):
                ended = "Protest with intervention"
            # the classifier may have read part of the ending already ("... and police fired
            # tear gas"): the story only moves a protest up the codebook's order
            if ended and _PROTEST_ENDINGS.index(ended) > _PROTEST_ENDINGS.index(ev.sub_event_type):
                _retype(ev, ended)
        # the arrests that follow a protest or an attack ("The perpetrators were arrested") are
        # its aftermath, not the incident the story is about
        arrests = {start for start, text in told[1:] if _ARREST_WORD.search(text)}
        if ev.event_type == "Protests":
            arrests |= {told[0][0]} if _ARREST_WORD.search(told[0][1]) else set()
        for other in (o for start in arrests for o in arrested.get(start, ())):
            if other is not ev:
                other.confidence = round(min(other.confidence, ev.confidence - T.aftermath_margin), 3)


def _rank_by_salience(events: list[Event], text: str, published: str | None) -> None:
    lead_sentences = _lead_sentences(events, text)
    for ev in events:
        delta = T.lead_bonus if ev.evidence.start in lead_sentences else 0.0
        sentence = _undateline(ev.evidence.sentence)
        if _ASIDE.match(sentence):
            delta -= T.aside_penalty
        ago = days_before_published(ev.date, published)
        if ago is not None and ago > T.past_days:
            delta -= T.aside_penalty
        if delta:
            ev.confidence = round(max(T.min_confidence, min(T.max_confidence, ev.confidence + delta)), 3)


def _lead_sentences(events: list[Event], text: str) -> set[int]:
    """Evidence starts of the headline's event and of the first event below it (the lead). A
    headline and a lead of one kind tell one incident, which the lead tells with its place and
    day: then only the lead counts."""
    typed = sorted((ev for ev in events if ev.event_type), key=lambda ev: ev.evidence.start)
    first_break = text.find("\n")
    headline = [ev for ev in typed if 0 <= first_break and ev.evidence.end <= first_break]
    body = typed[len(headline):]  # the headline's events come first in text order
    lead = {body[0].evidence.start} if body else set()
    if headline and not (body and _same_family(headline[0], body[0])):
        lead.add(headline[0].evidence.start)
    return lead


def _same_family(a: Event, b: Event) -> bool:
    return a.event_type == b.event_type or (a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES)


def _facts(ev: Event) -> tuple:
    return ((ev.actor1 or None) and ev.actor1.name, (ev.actor2 or None) and ev.actor2.name,
            ev.location and ev.location.name, ev.date and ev.date.start,
            ev.fatalities and ev.fatalities.best)


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """One fact told twice in a page (a headline and its lead; a rewritten sentence) is one event:
    an event whose every known field agrees with another event of the same sub-type, and which
    knows nothing the other doesn't, is dropped (the richer one stays; of equals, the first),
    and its evidence goes with the one that stays (`evidence_spans`).

    Each event is filed under every part of what it knows, so an event finds the ones that know
    at least as much by one look-up instead of comparing itself with every other event."""
    facts = [_facts(ev) for ev in events]
    fields = [tuple(k for k, x in enumerate(f) if x is not None) for f in facts]  # what each knows
    first = _first_equal(events)
    known: dict[tuple, list[int]] = {}  # (sub-type, fields, their values) -> events knowing them
    for i, (ev, mine) in enumerate(zip(events, facts)):
        if not ev.sub_event_type:
            continue
        for n in range(len(fields[i]) + 1):
            for part in itertools.combinations(fields[i], n):
                known.setdefault((ev.sub_event_type, part, tuple(mine[k] for k in part)), []).append(i)
    # of each file's events, the first that knows the most: one knowing more fields than another of
    # its file is richer than it (it agrees on all the other knows); one knowing as many is its equal
    top = {key: max(ids, key=lambda j: len(fields[j])) for key, ids in known.items()}
    keeper: dict[int, int] = {}  # a dropped event -> one that knows all it knows
    for i, (ev, mine) in enumerate(zip(events, facts)):
        if not ev.sub_event_type:
            continue
        key = (ev.sub_event_type, fields[i], tuple(mine[k] for k in fields[i]))
        # an other filed here knows all that ev knows: it is richer (the first that knows the
        # most), or it is equal and earlier (the file's first event, which is first of its equals)
        if len(fields[top[key]]) > len(fields[i]):
            keeper[i] = top[key]
        elif known[key][0] < first[i]:
            keeper[i] = known[key][0]
    # the poorest first, so what a dropped event carried reaches the one that stays
    for i in sorted(keeper, key=lambda i: len(fields[i])):
        j = keeper[i]
        events[j].evidence_spans = [*events[j].evidence_spans, events[i].evidence, *events[i].evidence_spans]
    return [ev for i, ev in enumerate(events) if i not in keeper]


def _first_equal(events: list[Event]) -> list[int]:
    """events.index(ev) for each event: the position of the first event equal to it."""
    by_id: dict[str, list[int]] = {}
    out = []
    for i, ev in enumerate(events):
        same = by_id.setdefault(ev.id, [])
        out.append(next((j for j in same if events[j] == ev), i))
        same.append(i)
    return out
