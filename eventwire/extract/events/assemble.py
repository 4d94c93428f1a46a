"""A document's events (`extract_events`): each sentence gives its main trigger's event (or the
classifier's, without a trigger) and one for each other clause with a kind and a setting of its
own (`_sentence_events`); `_build_event` fills one event's arguments, type and confidence; then
the document passes run, in their order."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable

from spacy.tokens import Doc, Span

from ...lexicon import regex
from ...model import Actor, Event, Evidence, Place
from ...resolve.dates import carry_story_days, find_dates
from ..attribution import find_attribution, is_hedged
from ..casualties import carry_story_tolls, find_casualties
from ..offsets import ByStart, Clauses, Cover
from .document import _definite_agents, _drop_subsumed, _rank_by_salience, _story_responses
from .readings import _neighbours, _prediction
from .roles import _pick_actor, _roles, _violent_roles
from .setting import _inherit_setting, _pick_date, _pick_place
from .spans import _ASIDE, dateline_spans, quoted_spans
from .subtype import _CIVILIAN_TARGET, _classifier_sub, _refine_sub, _typing
from .thresholds import FRAMING, LETHAL_SUBS, PLOVER_CAMEO, TAXONOMY, VIOLENT_TYPES, T
from .triggers import Hit, Trigger, _is_background, _kind, _main_hit, _negated, find_triggers


def event_id(doc_id: str, kind: str, start: int, end: int) -> str:
    digest = hashlib.sha256(f"{doc_id}|{kind}|{start}|{end}".encode()).hexdigest()
    return "ev_" + digest[:16]


@dataclass(frozen=True)
class _Index:
    """One document's text and mentions, indexed once (offsets.py): an event looks up those of
    its sentence or clause instead of scanning the document's."""

    text: str
    actors: ByStart[Actor]
    places: ByStart[Place]
    place_spans: frozenset[tuple[int, int]]
    quoted: Cover
    datelines: Cover
    actor_spans: Cover
    actors_and_datelines: Cover

    @classmethod
    def of(cls, text: str, actors: list[Actor], places: list[Place],
           datelines: list[tuple[int, int]]) -> "_Index":
        actor_spans = [(a.start, a.end) for a in actors]
        return cls(text, ByStart(actors), ByStart(places), frozenset((p.start, p.end) for p in places),
                   Cover(quoted_spans(text)), Cover(datelines), Cover(actor_spans), Cover(actor_spans + datelines))


def extract_events(doc: Doc, *, doc_id: str, published: str | None, actors: list[Actor],
                   places: list[Place], classify: Callable | None = None) -> list[Event]:
    events: list[Event] = []
    text = doc.text  # once: Doc.text joins every token on each call
    datelines = dateline_spans(text)
    ix = _Index.of(text, actors, places, datelines)
    sents = [s for s in doc.sents if s.text.strip()]
    # what the classifier made of each sentence it read, for the reportable-event model
    doc._.event_readings = {}
    for index, sent in enumerate(sents):
        events += _sentence_events(sent, index, doc_id=doc_id, published=published, ix=ix, classify=classify,
                                   context=_neighbours(sents, index, text))
    # a dateline names where the story was filed, not a scene to carry on
    _inherit_setting(events, text, [p for p in places if not ix.datelines.holds(p.start, p.end)])
    events = _drop_subsumed(events)
    _rank_by_salience(events, text, published)
    # after ranking and de-duplication, which a day or toll found elsewhere in the story must not sway
    story = [(s.start_char, s.text) for s in sents]
    carry_story_days([e for e in events if e.event_type], story, text, published, aside=_ASIDE,
                     datelines=datelines)
    _story_responses(events, story, published)
    _definite_agents(events, actors)
    lethal = [e for e in events if e.event_type in VIOLENT_TYPES or e.sub_event_type in LETHAL_SUBS]
    carry_story_tolls(lethal, story, published, aside=_ASIDE)
    return events


_CLAUSE_BREAK = regex("clause_break")


def _clauses(text: str, offset: int) -> Clauses:
    """The clauses of a sentence (absolute offsets), split once for all its triggers."""
    breaks = [(offset + m.start(), offset + m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    return Clauses(breaks, offset, offset + len(text))


def _sentence_events(sent: Span, index: int, *, doc_id: str, published: str | None, ix: _Index,
                     classify: Callable | None, context: tuple[str, ...] | None = None) -> list[Event]:
    """The sentence's main event, plus one for each other clause that reports a different kind
    of event with its own place or date ("X would withdraw, as talks resumed in Geneva")."""
    text = sent.text.rstrip()
    if not text.strip():
        return []
    start = sent.start_char
    attribution = find_attribution(text, offset=start)
    excluded = [(attribution.start, attribution.end)] if attribution else []
    # Words inside direct quotes are what someone said, not what the reporter reports happened.
    quoted = ix.quoted.plus(excluded)
    triggers = find_triggers(sent)
    hits = [h for h in triggers if not quoted.holds(h.span.start_char, h.span.end_char)]
    hit = _main_hit(hits, sent.start)
    alone = hit is None and not hits and not ix.quoted.holds(start, start + len(text))
    pred = _prediction(sent, triggers, classify, context) if alone else None
    if alone and pred is not None and pred.is_event and pred.probability >= _typing().alone:
        # No trigger word, but the sentence reads as an event: anchor it on the sentence's root.
        root = sent.root
        hit = Hit(Trigger((), pred.sub_event_type, None, None, T.classifier_only_strength, None),
                  sent[root.i - sent.start:root.i - sent.start + 1])
    if hit is None:
        return []
    # A dateline's date is when the story was filed, not when the event happened.
    dates = [d for d in find_dates(text, published, offset=start)
             if not ix.datelines.holds(d.span_start or 0, d.span_end or 0)]
    if _is_background(hit, sent, dates):
        return []
    if not alone:
        pred = _prediction(sent, triggers, classify, context)
    ctx = dict(sent=sent, index=index, doc_id=doc_id, ix=ix, pred=pred, attribution=attribution,
               excluded=excluded, dates=dates)
    clauses = _clauses(text, start)
    main_clause = clauses.of(hit.span.start_char)
    events = [_build_event(hit, clause=main_clause, **ctx)]
    kinds = {_kind(hit)}
    for other in sorted(hits, key=lambda h: h.span.start):
        clause = clauses.of(other.span.start_char)
        if clause == main_clause or _kind(other) in kinds or _negated(other, sent.start) \
                or other.trigger.strength < T.clause_event_min_strength:
            continue
        has_setting = any(p.latitude is not None for p in ix.places.starting(*clause)) or \
            any(clause[0] <= (d.span_start or -1) < clause[1] for d in dates)
        if has_setting:
            kinds.add(_kind(other))
            extra = _build_event(other, clause=clause, pred=None, **{k: v for k, v in ctx.items() if k != "pred"})
            extra.confidence = round(min(extra.confidence, events[0].confidence) * T.other_clause_factor, 3)
            events.append(extra)
    return events


def _build_event(hit: Hit, *, sent: Span, index: int, doc_id: str, ix: _Index, pred, attribution, excluded,
                 dates, clause: tuple[int, int]) -> Event:
    text = sent.text.rstrip()
    start = sent.start_char
    # the mentions of the sentence, in document order: all that the choices below look at
    actors = ix.actors.within(sent.start_char, sent.end_char)
    places = ix.places.within(sent.start_char, sent.end_char)
    actor1, actor2 = _roles(hit, sent, actors, ix.datelines.plus(excluded), ix.text, ix.place_spans)
    if actor1 is None and attribution is not None and (hit.trigger.plover or "") in FRAMING | {"CONSULT", "RETREAT"}:
        # "The ministry says it takes great care to avoid casualties": the speaker is the actor.
        actor1 = _pick_actor([a for a in ix.actors.within(attribution.start, attribution.end) if a.name], sent.doc)
    sub = _refine_sub(hit, text, actor2, pred) if hit.trigger.sub else _classifier_sub(hit, pred)
    if sub:
        event_type, plover, mode, cameo = TAXONOMY[sub]
        mode = hit.trigger.mode or mode
    else:
        event_type, plover, mode, cameo = None, hit.trigger.plover, hit.trigger.mode, PLOVER_CAMEO.get(hit.trigger.plover)
    if event_type in VIOLENT_TYPES:
        actor1, actor2 = _violent_roles(actor1, actor2, riot=event_type == "Riots")
    if event_type == "Protests" and actor1 is not None and actor1.kind in {"police", "military"}:
        actor1, actor2 = actor2, actor1  # ACLED: the protesters are actor1, the police who intervene actor2
    in_clause = ix.places.starting(*clause)
    location = (_pick_place(hit, sent, in_clause, ix.actors_and_datelines.plus(excluded), ix.text)
                or _pick_place(hit, sent, places, ix.actors_and_datelines.plus(excluded), ix.text)
                or _pick_place(hit, sent, places, ix.actor_spans.plus(excluded), ix.text))
    date = (_pick_date(hit, [d for d in dates if clause[0] <= (d.span_start or -1) < clause[1]], sent)
            or _pick_date(hit, dates, sent))
    fatalities = None
    if event_type in VIOLENT_TYPES or sub in LETHAL_SUBS:
        fatalities = find_casualties(text, offset=start)
    victims = _CIVILIAN_TARGET.search(text) if event_type in VIOLENT_TYPES - {"Battles"} else None
    if actor2 is None and victims and sub != "Violent demonstration":
        # "killing five fishermen": the victims are the other side, coded as civilians (ACLED).
        actor2 = Actor(text=victims.group(0), name="Civilians", kind="civilians", start=start + victims.start(),
                       end=start + victims.end(), country=(location.country if location else None))
    civilian = bool(event_type == "Violence against civilians" or (
        event_type in {"Explosions/Remote violence", "Riots"} and sub != "Violent demonstration" and (
            (fatalities and fatalities.civilians) or (actor2 and actor2.kind == "civilians") or victims)))
    hedged = is_hedged(text)
    confidence = T.base_confidence + T.per_strength * hit.trigger.strength + (T.typed_bonus if event_type else 0.0)
    # News puts the incident a story is about in its headline and lead: earlier sentences rank higher.
    confidence += T.per_argument * sum(x is not None for x in (actor1, location, date)) + (
        T.first_sentences_bonus if index <= T.first_sentences else
        T.early_sentences_bonus if index <= T.early_sentences else 0.0)
    confidence -= T.hedged_penalty if hedged else 0.0
    if pred is not None and sub:
        agree = pred.sub_event_type == sub
        confidence = T.own_weight * confidence + T.classifier_weight * (
            pred.probability if agree else pred.event_type_probability if pred.event_type == event_type
            else T.classifier_disagrees)
    # The incident a report is about is dated to the day or week; month- and year-dated
    # mentions are mostly background ("fighting since 2021", "a truce signed in March").
    if date is not None and date.precision in {"month", "year"}:
        confidence -= T.vague_date_penalty
    return Event(
        id=event_id(doc_id, sub or plover or "", start, start + len(text)),
        event_type=event_type, sub_event_type=sub, plover_type=plover or "OTHER", plover_mode=mode,
        cameo_root=cameo, actor1=actor1, actor2=actor2, location=location, date=date,
        fatalities=fatalities, civilian_targeting=civilian, attribution=attribution, hedged=hedged,
        evidence=Evidence(sentence=text, start=start, end=start + len(text)),
        confidence=round(max(T.min_confidence, min(T.max_confidence, confidence)), 3), trigger=hit.span.text,
    )
