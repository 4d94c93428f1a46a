"""Who did what to whom: an event's actor1 and actor2 picked from its sentence's actor mentions
(the agent of a passive, a passive subject acted on, a country named as a place), and ACLED's
conventions for who is coded as the side that used force."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...lexicon import alternation, regex
from ...model import Actor
from ..offsets import Cover
from .thresholds import T
from .triggers import Hit


def _named(actor: Actor, doc: Doc) -> bool:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return bool(span) and any(t.pos_ == "PROPN" for t in span)


def _pick_actor(cands: list[Actor], doc: Doc, *, nearest_to: int | None = None) -> Actor | None:
    if not cands:
        return None
    if nearest_to is not None:
        return min(cands, key=lambda a: (not _named(a, doc), abs(a.start - nearest_to)))
    return max(cands, key=lambda a: (_named(a, doc), a.end - a.start))


_AGENT_PREP = regex("agent_by_before", re.I)
_HELD = re.compile(rf"-({alternation('held_suffixes')})\b")
_LOCATIVE = regex("locative_before", re.I)
_POSSESSIVE_PLACE = regex("possessive_place_after")


def _as_place(actor: Actor, text: str, place_spans: set[tuple[int, int]]) -> bool:
    """"in eastern Ukraine's Selydove", "across Sudan": a country named as a location, not a party."""
    if (actor.start, actor.end) not in place_spans:
        return False
    before = text[max(0, actor.start - T.locative_window):actor.start]
    after = text[actor.end:actor.end + T.possessive_window]
    return bool(_LOCATIVE.search(before) or _POSSESSIVE_PLACE.match(after))


def _passive_subject(actor: Actor, doc: Doc) -> bool:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in {"compound", "amod", "poss", "nummod", "det"} and head.head.i != head.i:
        head = head.head
    return head.dep_ in {"nsubjpass", "auxpass"} or (head.dep_ == "conj" and head.head.dep_ == "nsubjpass")


def _roles(hit: Hit, sent: Span, actors: list[Actor], excluded: Cover, text: str,
           place_spans: set[tuple[int, int]] = frozenset()) -> tuple[Actor | None, Actor | None]:
    """`actors`: those of the sentence (or more); `text`: the document's (Doc.text joins every
    token on each call)."""
    doc = sent.doc
    t0, t1 = hit.span.start_char, hit.span.end_char
    inside = [a for a in actors if sent.start_char <= a.start and a.end <= sent.end_char
              and not excluded.holds(a.start, a.end) and a.name and not _as_place(a, text, place_spans)]
    # An actor overlapping the trigger modifies it: "Russian air strikes", "the Russian military operation".
    left = [a for a in inside if a.end <= t0 or (a.start < t0 < a.end)]
    right = [a for a in inside if a.start >= t1 and not _HELD.match(text[a.end:a.end + T.held_window])]
    # Passive voice: "... was launched by X" makes X the agent.
    by_agent = [a for a in right if _AGENT_PREP.search(text[max(sent.start_char, a.start - T.agent_window):a.start])]
    # "Seven soldiers were killed by a roadside bomb": a passive subject is the one acted on.
    patients = [a for a in left if a.end <= t0 and _passive_subject(a, doc)]
    left = [a for a in left if a not in patients]
    actor1 = by_agent[0] if by_agent else _pick_actor(left, doc)
    targets = patients + [a for a in right if a is not actor1 and (a.name != (actor1.name if actor1 else None))]
    actor2 = None
    if targets:
        near = [a for a in targets if a in patients or a.start - t1 < T.target_within]
        actor2 = (near or targets)[0]
    if actor1 is None and hit.trigger.plover in {"ACCUSE", "CONSULT", "AGREE"} and len(targets) >= 2:
        actor1, actor2 = targets[0], next((a for a in targets[1:] if a.name != targets[0].name), None)
    return actor1, actor2


_NOT_PERPETRATORS = {"civilians", "ngo", "media", "international"}


def _violent_roles(actor1: Actor | None, actor2: Actor | None, *, riot: bool = False) -> tuple[Actor | None, Actor | None]:
    """In political violence civilians are the targets and monitors, media and aid agencies the
    witnesses: neither is coded as the side that used force (ACLED's actor conventions; in a
    riot the crowd is the actor, so civilians and protesters may be)."""
    if actor1 is not None and actor1.kind in _NOT_PERPETRATORS - ({"civilians"} if riot else set()):
        if actor2 is None and actor1.kind == "civilians":
            actor2 = actor1
        actor1 = None
    if actor2 is not None and actor2.kind in {"ngo", "media"}:
        actor2 = None
    return actor1, actor2
