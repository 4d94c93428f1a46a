"""Events from sentences: triggers -> typed event with arguments, place, date, toll, source.

A cascade of small steps per sentence: find triggers (data/triggers.yaml), pick the sentence's
main event, fill its arguments from the already-resolved actor and place mentions, then date,
casualties, attribution and hedging. One event per sentence at most: news sentences that report
two incidents are rare, and splitting one incident into two is the worse error for analysts.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import yaml
from spacy.tokens import Doc, Span

from ..lexicon import alternation, regex, table, taxonomy, word_set
from ..model import Actor, Event, Evidence, Place, When
from ..resolve.dates import carry_story_days, days_before_published, event_story, find_dates, sets_the_scene
from .attribution import find_attribution, is_hedged
from .casualties import carry_story_tolls, find_casualties
from .offsets import ByStart, Clauses, Cover, LastEnding, Paragraphs

# ACLED sub-event type -> (event type, PLOVER type, PLOVER mode, CAMEO root), from data/taxonomy.json
TAXONOMY: dict[str, tuple[str, str, str | None, str | None]] = {
    sub: (t.event_type, t.plover, t.plover_mode, t.cameo_root) for sub, t in taxonomy().sub_event_types.items()}
PLOVER_CAMEO = taxonomy().plover_cameo
# Speech acts frame what follows them: "X criticized Y for strikes" reports an accusation, not a strike.
FRAMING = taxonomy().framing
VIOLENT_TYPES = taxonomy().violent


@dataclass(frozen=True)
class Thresholds:
    """Every number event extraction decides by, named once. Confidences are on a 0-1 scale."""

    # How sure the classifier must be to type an event: classify.Typing, in the model's file.
    # Strengths of triggers the lexicon does not give: "strike" read by its context, and the
    # root of a sentence the classifier alone calls an event.
    labour_strike_strength: int = 3
    air_strike_strength: int = 4
    classifier_only_strength: int = 3
    clause_event_min_strength: int = 2  # a weaker trigger makes no event of its own in another clause
    # Confidence: base + per_strength * strength (+ typed) + per_argument * (actor, place, date)
    # + a bonus for the first sentences (news puts its incident in the headline and lead)
    # - hedged; then blended with the classifier's probability; month- or year-dated - vague_date.
    base_confidence: float = 0.45
    per_strength: float = 0.05
    typed_bonus: float = 0.1
    per_argument: float = 0.05
    first_sentences: int = 1  # sentence index up to which first_sentences_bonus applies
    first_sentences_bonus: float = 0.08
    early_sentences: int = 3
    early_sentences_bonus: float = 0.04
    hedged_penalty: float = 0.15
    own_weight: float = 0.6
    classifier_weight: float = 0.4
    classifier_disagrees: float = 0.2  # the classifier's "probability" when it names another event type
    vague_date_penalty: float = 0.1
    min_confidence: float = 0.05
    max_confidence: float = 0.99
    other_clause_factor: float = 0.9  # a sentence's second event ranks below its lead event
    aftermath_margin: float = 0.05  # arrests after a protest or attack rank this far below it
    # News is written as an inverted pyramid: the headline and the lead report the incident the
    # story is about; later paragraphs add background, earlier incidents and "separately" items.
    # Confidence ranks the story's own incident first (the document's main event is its most
    # confident one), so such reports are marked down and the lead is marked up.
    lead_bonus: float = 0.12
    aside_penalty: float = 0.12
    past_days: int = 7  # an incident over this long before publication is not the story's own
    dateline_within: int = 400  # a dateline opens the story: its headline and first paragraph
    # Context windows, in tokens or characters.
    negation_tokens: int = 2  # "no arrests", "did not attack"
    max_depth: int = 20  # a parse deeper than this is cut (a guard against cycles)
    target_within: int = 60  # characters after the trigger where its target is looked for
    agent_window: int = 12  # characters before an actor for "by (the)"
    held_window: int = 12  # characters after an actor for "-held", "-backed"
    locative_window: int = 25  # characters before a country name for "in (eastern)"
    possessive_window: int = 30  # characters after it for "'s Selydove"
    heading_window: int = 30  # characters before a place for "towards", "the road to"


THRESHOLDS = Thresholds()
T = THRESHOLDS
LETHAL_SUBS = taxonomy().lethal_subs

# Cue words and phrase patterns: data/lexicons/events.yaml, data/patterns/events.yaml.
_MILITARY_TARGET = re.compile(rf"\b({alternation('military_targets')})\b", re.I)
_CIVILIAN_TARGET = re.compile(rf"\b({alternation('civilian_targets')})\b", re.I)
_AIR_CONTEXT = re.compile(rf"\b({alternation('air_strike_context')})\b", re.I)
_LABOUR_CONTEXT = re.compile(rf"\b({alternation('labour_strike_context')})\b", re.I)
_INTERVENTION = regex("protest_intervention", re.I)
_LETHAL_FORCE = re.compile(rf"\b({alternation('lethal_force_cues')})\b", re.I)
_POLICE_PRESENT = regex("police_present", re.I)


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    sub: str | None
    plover: str | None
    mode: str | None
    strength: int
    family: str | None


@dataclass
class Hit:
    trigger: Trigger
    span: Span


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Trigger]]:
    """First word -> triggers starting with it, longest first."""
    data = yaml.safe_load((Path(__file__).resolve().parent.parent / "data" / "triggers.yaml").read_text("utf-8"))
    index: dict[str, list[Trigger]] = {}
    for entry in data["triggers"]:
        for phrase in entry["words"]:
            words = tuple(str(phrase).lower().split())
            trig = Trigger(words, entry.get("sub"), entry.get("plover"), entry.get("mode"),
                           int(entry.get("strength", 1)), entry.get("family"))
            index.setdefault(words[0], []).append(trig)
    for trigs in index.values():
        trigs.sort(key=lambda t: -len(t.words))
    return index


def _token_matches(tok, word: str) -> bool:
    return tok.lower_ == word or tok.lemma_.lower() == word


_MONTHS = word_set("month_names")
_NOT_A_STRIKE = re.compile(rf"^({alternation('not_a_strike_after')})$", re.I)
_STRIKE_WORDS = word_set("strike_words")
_STRUCK_A_DEAL = regex("struck_a_deal", re.I)
_NEGATIONS = word_set("negation_words")
_STATE_LEMMAS = word_set("state_lemmas")


def find_triggers(sent: Span) -> list[Hit]:
    index = lexicon()
    hits: list[Hit] = []
    i, n = 0, len(sent)
    context = None  # the sentence's strike context, read once (a long sentence has many "strikes")
    while i < n:
        tok = sent[i]
        if tok.lower_ in _MONTHS and tok.text[:1].isupper() and i > 0:
            i += 1  # "in March" is a date, not a march
            continue
        if tok.tag_ == "VBG" and tok.dep_ == "prep":
            i += 1  # a participle as a preposition ("according to", "following") tells no event
            continue
        cands = index.get(tok.lower_, []) + index.get(tok.lemma_.lower(), [])
        matched = None
        for trig in sorted(cands, key=lambda t: -len(t.words)):
            k = len(trig.words)
            if i + k <= n and all(_token_matches(sent[i + j], w) for j, w in enumerate(trig.words)):
                matched = Hit(trig, sent[i:i + k])
                break
        if matched is None and tok.lower_ in _STRIKE_WORDS:
            context = context or _strike_context(sent.text)
            matched = _strike(sent, i, context)
        if matched is not None:
            hits.append(matched)
            i += len(matched.span)
        else:
            i += 1
    return hits


@dataclass(frozen=True)
class _StrikeContext:
    labour: bool
    deal: bool
    air: bool


def _strike_context(text: str) -> _StrikeContext:
    return _StrikeContext(bool(_LABOUR_CONTEXT.search(text)), bool(_STRUCK_A_DEAL.search(text)),
                          bool(_AIR_CONTEXT.search(text)))


def _strike(sent: Span, i: int, context: _StrikeContext) -> Hit | None:
    """"strike" is an air strike, a labour strike or a verb ("struck a deal"): read the context."""
    if i + 1 < len(sent) and _NOT_A_STRIKE.match(sent[i + 1].text):
        return None  # "strike fighter", "strike group": a kind of aircraft or unit, not an attack
    if context.labour:
        return Hit(Trigger(("strike",), "Peaceful protest", None, None, T.labour_strike_strength, "protest"),
                   sent[i:i + 1])
    if sent[i].lower_ == "struck" and context.deal:
        return None
    if context.air or sent[i].lower_ != "struck":
        return Hit(Trigger(("strike",), "Air/drone strike", None, None, T.air_strike_strength, None), sent[i:i + 1])
    return None


def _depth(tok) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < T.max_depth:
        tok, depth = tok.head, depth + 1
    return depth


def _negated(hit: Hit, sent_start: int) -> bool:
    """"no arrests were made", "did not attack": a non-event. `sent_start`: the token index
    where the hit's sentence starts (Span.sent walks the sentence on every call)."""
    root = hit.span.root
    if any(c.dep_ == "neg" for c in root.children) or any(c.dep_ == "neg" for c in root.head.children if root.dep_ in {"dobj", "nsubjpass", "attr"}):
        return True
    prev = hit.span.doc[max(hit.span.start - T.negation_tokens, sent_start):hit.span.start]
    return any(t.lower_ in _NEGATIONS for t in prev)


def _main_hit(hits: list[Hit], sent_start: int) -> Hit | None:
    hits = [h for h in hits if not _negated(h, sent_start)]
    if not hits:
        return None
    first = min(hits, key=lambda h: h.span.start)
    plover_first = first.trigger.plover or (TAXONOMY[first.trigger.sub][1] if first.trigger.sub else None)
    if plover_first in FRAMING:
        return first
    acled = [h for h in hits if h.trigger.sub]
    pool = acled or hits
    # A specific trigger deep in a subordinate clause ("marched to demand the release of students
    # arrested last week") loses to the main clause's trigger: specificity minus depth.
    return max(pool, key=lambda h: (h.trigger.strength - _depth(h.span.root), h.trigger.strength, -h.span.start))


_CUMULATIVE = regex("running_total", re.I)
# "has killed 32 people since Thursday": a spell of fighting of a few days is one incident (dated as
# a range), not a running total.
_DAYS_SINCE = regex("days_since_weekday")


def _is_background(hit: Hit, sent: Span, dates: list[When]) -> bool:
    """"Fighting for X has become the focal point of the war", "the war has since killed tens of
    thousands": a state of affairs or a running total, not an incident."""
    head = hit.span.root.head
    if hit.span.root.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ in _STATE_LEMMAS and not dates:
        return True
    return bool(_CUMULATIVE.search(sent.text)) and hit.trigger.family != "protest" and not _DAYS_SINCE.search(sent.text)


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


# Where a march or a convoy was heading is not where it happened: "blocked the highway towards
# Chiclayo", "the roads leading to Tena". (A place of departure is: ACLED codes "departed from
# Kingman" and "evacuated from Mariupol" there.)
_HEADING_TO = regex("heading_to_before", re.I)


def _elsewhere(p: Place, text: str) -> bool:
    return bool(_HEADING_TO.search(text[max(0, p.start - T.heading_window):p.start]))


# finest first: a town says more about where than its province, a province more than its country
_PRECISION_RANK = {"point": 0, "city": 0, "admin2": 1, "admin1": 2, "country": 3}


def _pick_place(hit: Hit, sent: Span, places: list[Place], excluded: Cover, text: str) -> Place | None:
    inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char
              and p.latitude is not None and not excluded.holds(p.start, p.end)]
    if not inside:
        return None
    t = hit.span.start_char
    return min(inside, key=lambda p: (_elsewhere(p, text), _PRECISION_RANK.get(p.precision or "country", 3),
                                      abs(p.start - t)))


def _pick_date(hit: Hit, dates: list[When], sent: Span) -> When | None:
    if not dates:
        return None
    t = hit.span.start_char
    text = sent.text  # once: Span.text joins the sentence's tokens on each call
    # a day put first ("On 4 May 2022, ...") is the sentence's time, nearer dates are its details'
    return min(dates, key=lambda d: (d.start is None and d.precision != "unresolved",
                                     not (d.precision in {"day", "range", "week"}
                                          and sets_the_scene(d, text, sent.start_char)),
                                     abs((d.span_start or 0) - t)))


_SPEECH_VERBS = word_set("speech_act_lemmas")


def _classifier_sub(hit: Hit, pred) -> str | None:
    """A trigger outside ACLED's categories (a demand, a visit, a deployment) says that something
    happened, not what: the classifier types the event when sure enough ("teachers blocked an
    avenue to demand a raise" is a protest, "fighters deployed to the front" a change to
    group/activity). What a speaker says stays a speech act: "HRW accused the army of air
    strikes" is an accusation, not a strike."""
    if _kind(hit) in FRAMING and _said(hit.span.root):
        return None
    return _learned_sub(pred, None)


def _said(tok) -> bool:
    """The sentence's main verb, or what a verb of saying governs ("the ministry says it takes
    great care to avoid ..."); not the purpose of another action ("marched to condemn the war")."""
    return tok.dep_ == "ROOT" or any(a.lemma_.lower() in _SPEECH_VERBS for a in tok.ancestors)


def _typing():
    from .classify import load_model

    return load_model().typing


def _learned_sub(pred, trig: Trigger | None) -> str | None:
    """The classifier's sub-type for the sentence when it is sure enough: it reads the whole
    sentence ("police dispersed the march" is an intervention, "gunmen shot villagers" an
    attack, "a protest against the air strikes" a protest), where a trigger reads one word.
    Within the trigger word's event type it needs `types`; to another type, or to type a
    trigger outside ACLED's types (`trig` None), `across`."""
    if pred is None:
        return None
    typing = _typing()
    learned = _best_event(pred, typing.types)
    if learned and (trig is None or TAXONOMY[learned][0] != TAXONOMY[trig.sub][0]):
        return _best_event(pred, typing.across)
    return learned


def _best_event(pred, at_least: float) -> str | None:
    """The classifier's most likely event class (its "none" set aside: a trigger or a main
    action already says something happened) when its probability reaches `at_least`."""
    if pred is None:
        return None
    label, p = next(((label, p) for label, p in pred.top if label in TAXONOMY), (None, 0.0))
    return label if p >= at_least else None


def _refine_sub(hit: Hit, sent_text: str, actor2: Actor | None, pred) -> str | None:
    trig = hit.trigger
    learned = _learned_sub(pred, trig)
    if learned:
        return learned
    # the classifier is unsure or did not read the sentence: the trigger and the codebook's rules
    sub = trig.sub
    if trig.family == "violence":
        if actor2 is not None and actor2.kind in {"military", "rebel", "militia", "police"}:
            return "Armed clash"
        if _MILITARY_TARGET.search(sent_text) and not _CIVILIAN_TARGET.search(sent_text):
            return "Armed clash"
        if pred is not None and pred.event_type in VIOLENT_TYPES:
            return pred.sub_event_type
        return "Attack"
    if trig.family == "protest" or sub == "Peaceful protest":
        if _LETHAL_FORCE.search(sent_text) and _POLICE_PRESENT.search(sent_text):
            return "Excessive force against protesters"
        if _INTERVENTION.search(sent_text):
            return "Protest with intervention"
        return "Peaceful protest"
    return sub


def event_id(doc_id: str, kind: str, start: int, end: int) -> str:
    digest = hashlib.sha256(f"{doc_id}|{kind}|{start}|{end}".encode()).hexdigest()
    return "ev_" + digest[:16]


_DATELINE = regex("dateline")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations, which may run over several sentences within a paragraph."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”\n]*”", text)]
    for para in re.finditer(r"[^\n]+", text):
        marks = [para.start() + m.start() for m in re.finditer(r'"', para.group())]
        spans += [(a, b + 1) for a, b in zip(marks[::2], marks[1::2])]
    return spans


def dateline_date(text: str) -> str | None:
    """The day a dateline gives in full ("BAMAKO, Nov. 4, 2024 - "): the day the story was
    filed, a stand-in for a missing publication date. None without a year or a day."""
    for start, end in dateline_spans(text[:T.dateline_within]):
        for when in find_dates(text[start:end], None):
            if when.precision == "day" and when.start:
                return when.start
    return None


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """"BAMAKO, Nov. 4, 2024 - ": where the reporter filed from, not where the event happened."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


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


# Words for one kind of force, so that "the bombers" can take up "the Russian bomber" told earlier.
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


def _retype(ev: Event, sub: str) -> None:
    ev.sub_event_type = sub
    ev.event_type, ev.plover_type, mode, ev.cameo_root = TAXONOMY[sub]
    ev.plover_mode = ev.plover_mode or mode


_EVENT_CUE = re.compile(rf"\b({alternation('event_cue_stems')})", re.I)


if not Doc.has_extension("event_readings"):
    # sentence start -> the classifier's Prediction for it (only sentences it read)
    Doc.set_extension("event_readings", default=None)


def _prediction(sent: Span, triggers: list[Hit], classify: Callable | None, context: tuple[str, ...] | None):
    """The classifier's prediction of a sentence that could report an event (a trigger word or
    a violence/protest cue), else None. Asked for only where it is used: the embedding is the
    costliest step of the pipeline, and most such sentences are background or yield nothing.
    A sentence's prediction depends on it alone, so one at a time gives what a batch would.
    `context`: the sentence with its neighbours in its paragraph (`_neighbours`), read with it.
    Kept on the Doc (`event_readings`) for the reportable-event model."""
    if classify is None or not (triggers or _EVENT_CUE.search(sent.text)):
        return None
    pred = classify([sent.text.strip()], contexts=[context])[0]
    if sent.doc._.event_readings is not None:
        sent.doc._.event_readings[sent.start_char] = pred
    return pred


def _neighbours(sents: list[Span], i: int, text: str) -> tuple[str, ...] | None:
    """The sentence with the one before and the one after it in its line (a page's paragraph,
    a note, a snippet), or None when it stands alone there (a headline, a one-sentence paragraph).
    A sentence that opens another story ("Separately, ...") is no neighbour of the one before it."""
    lo = i - 1 if i > 0 and _same_line(sents[i - 1], sents[i], text) and not _ASIDE.match(sents[i].text) else i
    hi = i + 1 if (i + 1 < len(sents) and _same_line(sents[i], sents[i + 1], text)
                   and not _ASIDE.match(sents[i + 1].text)) else i
    return tuple(s.text.strip() for s in sents[lo:hi + 1]) if lo < hi else None


def _same_line(a: Span, b: Span, text: str) -> bool:
    # a sentence's span keeps the line breaks that follow it
    return "\n" not in text[a.start_char + len(a.text.rstrip()):b.start_char]


_FINE = {"point", "city", "admin2", "admin1"}


def _paragraph_place(paragraphs: Paragraphs, places: ByStart[Place], before: int) -> Place | None:
    """The finest resolved place named earlier in the paragraph that holds offset `before`
    (the earliest of equals): the scene a sentence without a place of its own carries on, even
    when the sentence that named it reported no event ("In X village (Y district), ...")."""
    para = paragraphs.start_before(before)
    seen = [p for p in places.within(para, before) if p.latitude is not None and p.precision in _FINE]
    return min(seen, key=lambda p: (_PRECISION_RANK[p.precision], p.start)) if seen else None


def _inherit_setting(events: list[Event], text: str, places: Sequence[Place] = ()) -> None:
    """A sentence that carries a paragraph's story on ("Police fired tear gas to disperse them.")
    happened when and where the paragraph's dated, placed sentence says. The date and place keep
    their own text and span, so their evidence is still the words they came from."""
    when: When | None = None
    where: Place | None = None
    by_type: dict[str, tuple[When | None, Place | None]] = {}
    last_end = 0
    paragraphs, by_start = Paragraphs(text), ByStart(places)
    for ev in events:
        if "\n\n" in text[last_end:ev.evidence.start]:
            # A new paragraph starts a new setting, except for more of the same kind of event:
            # "The gun battle lasted four hours" still happened when and where the lead said.
            when, where = by_type.get(ev.event_type or "", (None, None)) if ev.event_type else (None, None)
        if ev.date is not None and ev.date.precision in {"day", "week", "range"}:
            when = ev.date
        elif ev.date is None and when is not None:
            ev.date = when
        if ev.location is not None and ev.location.precision not in {"country", "region", "continent"}:
            where = ev.location
        elif ev.location is None:
            ev.location = where or _paragraph_place(paragraphs, by_start, ev.evidence.start)
        if ev.event_type:
            # the first day and the first place told for the kind, though a headline told neither
            first_when, first_where = by_type.get(ev.event_type, (None, None))
            by_type[ev.event_type] = (
                first_when or (ev.date if ev.date and ev.date.precision in {"day", "week", "range"} else None),
                first_where or (ev.location if ev.location and ev.location.precision not in {"country", "region", "continent"} else None))
        last_end = ev.evidence.end


_ASIDE = regex("aside_opening", re.I)


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


def _undateline(sentence: str) -> str:
    m = _DATELINE.match(sentence)
    return sentence[m.end():] if m else sentence


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


def _kind(hit: Hit) -> str:
    return hit.trigger.plover or (TAXONOMY[hit.trigger.sub][1] if hit.trigger.sub else "")


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
