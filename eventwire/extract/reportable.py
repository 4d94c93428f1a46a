"""Events of the story's days: which extracted events a page reports as having happened in its
own days, and which one the page is about.

Every event mention gets a probability from a logistic regression fitted on real news and ACLED
notes (training/train_reportable.py; docs/MODEL.md), over cues read from the sentence: the tense
and modality of the trigger's verb, negation and denial, planning and fear, conditionals, generic
telling, how far before publication the event's date lies and whether the sentence gave it, the
sentence's place in the page, attribution, hedging, quotation, the event's type and arguments,
and how often the page tells the same event. The mentions of one event become one record
(mentions.py) scored by its surest mention; the surest record is the main one. Records below
the model's thresholds are background, plans, fears or talk, and leave `events`.
"""
from __future__ import annotations

import bisect
import functools
import json
import math
import re
from typing import Sequence

from ..datafiles import DATA_DIR, read_yaml
from ..model import Event, When
from ..resolve.dates import days_before_published
from .classify import NONE, load_model
from .events import _ASIDE, VIOLENT_TYPES, quoted_spans
from .mentions import ARMED_TYPES, calendar_dated, collapse, group
from .offsets import Cover

MODEL_FILE = DATA_DIR / "models" / "reportable.json"
CUES_FILE = "reportable_cues.yaml"
_WINDOW = 80  # characters before the trigger read for background words
_NEAR = 30  # characters around the trigger read for planning and generic words
_ARGUMENT = {"dobj", "nsubjpass", "nsubj", "attr", "oprd"}


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    # Not lexicon.py's word lists: these are the fitted model's features, read as YAML gives them.
    # negation_words' `no` is quoted now (YAML read the bare word as false); the model was fitted
    # without it: the seed and real-news dev outputs did not change, a refit
    # (training/train_reportable.py) would take it in.
    data = read_yaml(CUES_FILE)
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items() if isinstance(v, list)}


@functools.lru_cache(maxsize=1)
def _phrases() -> dict[str, re.Pattern[str]]:
    c = cues()
    return {k: re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(c[k], key=len, reverse=True)) + r")\b")
            for k in ("intent_phrases", "background_phrases", "generic_words", "conditional_marks", "nonviolent_words", "political_words")}


@functools.lru_cache(maxsize=1)
def model() -> dict:
    return json.loads(MODEL_FILE.read_text("utf-8"))


def threshold(name: str = "reportable") -> float:
    """The fitted model's named thresholds (tuned by cross-validation on the training data)."""
    return float(model()["thresholds"][name])


def _trigger_token(ev: Event, doc):
    """The trigger's head token in the event's sentence ("general strike" -> strike), and the sentence."""
    span = doc.char_span(ev.evidence.start, ev.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    words = (ev.trigger or "").lower().split()
    for k in range(len(span) - len(words) + 1 if words else 0):
        if all(span[k + j].lower_ == w for j, w in enumerate(words)):
            return span[k:k + len(words)].root, span
    return span.root, span


def _governor(tok):
    """The verb whose tense and mood the trigger takes: itself, or the verb a noun trigger hangs on."""
    t = tok
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            return t
        t = t.head
    return t


def _grammar(tok, sent_text: str, before: str) -> dict[str, float]:
    """Tense, aspect, mood and framing of the trigger `tok`."""
    c, ph = cues(), _phrases()
    gov = _governor(tok)
    aux = [a for a in gov.children if a.dep_ in {"aux", "auxpass"}]
    forms = {a.lower_ for a in aux} | {a.lemma_.lower() for a in aux}
    lowers = {a.lower_ for a in aux}
    tag = gov.tag_
    f: dict[str, float] = {}
    f["future"] = float(bool(forms & c["future_aux"]))
    f["modal"] = float(bool(forms & c["modal_aux"]) and not f["future"])
    f["pluperfect"] = float(bool(lowers & c["pluperfect_aux"]))
    f["perfect"] = float(bool(lowers & c["perfect_aux"]))
    past_aux = any(a.tag_ == "VBD" for a in aux)
    f["past"] = float(tag == "VBD" or (tag == "VBN" and past_aux and not f["pluperfect"]))
    f["present"] = float(not f["future"] and not f["modal"] and not f["perfect"] and (
        tag in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} and a.lemma_ == "be" for a in aux)))
    f["progressive"] = float(tag == "VBG" and any(a.lemma_ == "be" for a in aux))
    f["infinitive"] = float(tag == "VB" and any(a.lower_ == "to" for a in aux) and not f["future"] and not f["modal"])
    f["participle"] = float(tag == "VBN" and not aux)
    f["noun_trigger"] = float(tok.pos_ in {"NOUN", "PROPN"})
    f["plural_noun"] = float(tok.tag_ == "NNS" and not any(ch.dep_ == "nummod" for ch in tok.children))
    # the verb that frames the trigger: "plan a strike", "a march is planned", "threatened to attack"
    frame = gov if tok.pos_ in {"NOUN", "PROPN"} and tok.head == gov and tok.dep_ in _ARGUMENT else \
        tok.head if tok.dep_ in {"xcomp", "ccomp"} else None
    lemma = frame.lemma_.lower() if frame is not None and frame.i != tok.i else ""
    f["intent"] = float(lemma in c["intent_verbs"] or bool(ph["intent_phrases"].search(before[-_NEAR:])))
    f["feared"] = float(lemma in c["fear_verbs"])
    f["denied"] = float(lemma in c["denial_verbs"] or any(a.lemma_.lower() in c["denial_verbs"] for a in list(tok.ancestors)[:3]))
    own = [tok] + ([gov] if gov.i != tok.i and tok.head == gov else [])
    f["negated"] = float(any(ch.dep_ == "neg" for t in own for ch in t.children)
                         or any(w in c["negation_words"] for w in before.split()[-2:]))
    marks = {ch.lower_ for t in (tok, gov) for ch in t.children if ch.dep_ == "mark"}
    f["conditional"] = float(bool(marks & c["conditional_marks"]) or bool(re.match(r"\W*(if|unless)\b", sent_text, re.I)))
    after = tok.sent.text[tok.idx - tok.sent.start_char:][:_NEAR].lower()
    f["generic"] = float(bool(ph["generic_words"].search(before[-_NEAR:] + " " + after)))
    f["background_words"] = float(bool(ph["background_phrases"].search(before)))
    return f


def _reads_none(pred) -> float:
    """P("none") of the sentence's classifier reading (0 when it did not read the sentence, or
    "none" is not among its likeliest classes)."""
    return dict(pred.top).get(NONE, 0.0) if pred is not None else 0.0


def reads_as_no_event(ev: Event, pred) -> bool:
    """A protest or strategic development whose sentence the classifier reads as no event,
    `Typing.none` sure or surer: its trigger word was taken in another sense (two companies
    "agreed" a deal, an Easter "vigil", a market "rally"). Not violence: the classifier learned
    none of local crime news, and on the GVA fit reports its "none" took shootings for no event
    (main event found 0.92 -> 0.88 at 0.8)."""
    return (ev.event_type is not None and ev.event_type not in VIOLENT_TYPES and pred is not None
            and not pred.is_event and pred.probability >= load_model().typing.none)


def headline_end(text: str) -> int:
    """Where the headline line ends (-1 for a page of one line: a snippet has no headline)."""
    return text.find("\n")


def features(events: Sequence[Event], doc, published: str | None,
             groups: list[list[int]] | None = None) -> list[dict[str, float]]:
    """One feature row per event mention (names as in the model file)."""
    text = doc.text
    groups = groups if groups is not None else group(events, headline_end(doc.text))
    group_of = {i: k for k, g in enumerate(groups) for i in g}
    # what a group's members share, found once a group and not once a member (issue 11)
    first_of = [min(g, key=lambda j: events[j].evidence.start) for g in groups]
    sent_starts = [s.start_char for s in doc.sents if s.text.strip()]
    first_break = headline_end(text)
    headline_sents = bisect.bisect_left(sent_starts, first_break) if first_break >= 0 else 0
    headlined = [any(0 <= first_break and events[j].evidence.end <= first_break for j in g) for g in groups]
    quoted = Cover(quoted_spans(text))  # asked in log time, not span by span
    readings = doc._.event_readings or {}
    top_conf = max((e.confidence for e in events), default=0.0)
    rows = []
    for i, ev in enumerate(events):
        tok, span = _trigger_token(ev, doc)
        at = tok.idx if tok is not None else ev.evidence.start
        before = text[max(ev.evidence.start, at - _WINDOW):at].lower()
        f = _grammar(tok, ev.evidence.sentence, before) if tok is not None else {}
        f["confidence"] = ev.confidence
        f["below_top"] = top_conf - ev.confidence
        f["is_top"] = float(ev.confidence >= top_conf)
        # whether the event has an ACLED type, and whether it is armed violence, not which type: the
        # training sets hold the types in shares of their own (shootings in one, protests in
        # another), which no page shares
        # the learned classifier's reading of the sentence as no event at all: the words of
        # sport, business and talk ("a relegation battle", "blasted the decision", "a deal")
        f["reads_none"] = _reads_none(readings.get(ev.evidence.start))
        f["acled_type"] = float(ev.event_type is not None)
        f["armed_violence"] = float(ev.event_type in ARMED_TYPES)
        f["attributed"] = float(ev.attribution is not None)
        f["hedged"] = float(ev.hedged)
        f["in_quote"] = float(quoted.holds(at, at + 1))  # a <= at < b
        f["aside"] = float(bool(_ASIDE.match(ev.evidence.sentence)))
        lowered = ev.evidence.sentence.lower()
        f["nonviolent_words"] = float(bool(_phrases()["nonviolent_words"].search(lowered)))
        f["political_words"] = float(bool(_phrases()["political_words"].search(lowered)))
        # ACLED codes arrests only when they are political (activists, reporters, militants...)
        # (so are arrests by the military, and of armed groups' members)
        f["arrests_nonpolitical"] = float(ev.sub_event_type == "Arrests" and not f["political_words"] and not (
            ev.actor2 is not None and ev.actor2.kind in {"protesters", "media", "ngo", "rebel", "militia"}) and not (
            ev.actor1 is not None and ev.actor1.kind == "military"))
        # when: given by the sentence, carried from elsewhere, or none; how long before publication
        d = ev.date
        f["date_none"] = float(d is None or (not d.start and d.precision != "unresolved"))
        f["date_own"] = float(d is not None and d.span_start is not None
                              and ev.evidence.start <= d.span_start < ev.evidence.end)
        # a day the page names but that cannot be placed without a publication date is still a day
        f["date_coarse"] = float(d is not None and d.precision in {"month", "year"})
        ago = days_before_published(d, published)
        began = days_before_published(When(d.text, d.start, d.start, d.precision), published) if d and d.start else None
        f["future_date"] = float(began is not None and began < -1)  # a day's slack: time zones
        f["days_8_30"] = float(ago is not None and 7 < ago <= 30)
        f["days_31_365"] = float(ago is not None and 30 < ago <= 365)
        f["days_over_365"] = float(ago is not None and ago > 365)
        # where in the page
        sidx = bisect.bisect_right(sent_starts, ev.evidence.start) - 1
        f["headline"] = float(0 <= first_break and ev.evidence.end <= first_break)
        f["lead"] = float(not f["headline"] and sidx - headline_sents <= 0)
        f["second_sentence"] = float(not f["headline"] and sidx - headline_sents == 1)
        f["sentence_log"] = math.log1p(max(0, sidx - headline_sents))
        f["relative_position"] = ev.evidence.start / max(1, len(text))
        f["headline_present"] = f["headline"] * f.get("present", 0.0)
        # what it knows
        loc = ev.location
        f["place_coarse"] = float(loc is not None and loc.latitude is not None and loc.precision in {"country", "admin1"})
        f["actor1"] = float(ev.actor1 is not None)
        f["actor2"] = float(ev.actor2 is not None)
        # arrests and attacks by the state, and on protesters, reporters or activists, are political
        f["actor1_security"] = float(ev.actor1 is not None and ev.actor1.kind in {"police", "military", "state"})
        f["actor2_political"] = float(ev.actor2 is not None and ev.actor2.kind in {"protesters", "media", "ngo"})
        f["toll"] = float(ev.fatalities is not None and bool(ev.fatalities.best))
        # how often the page tells it
        k = group_of[i]
        f["mentions_log"] = math.log1p(len(groups[k]) - 1)
        f["first_mention"] = float(first_of[k] == i)
        f["only_event"] = float(len(groups) == 1)
        f["group_in_headline"] = float(headlined[k])
        rows.append(f)
    return rows


def probabilities(rows: Sequence[dict[str, float]]) -> list[float]:
    m = model()
    out = []
    for f in rows:
        z = m["intercept"] + sum(w * (f.get(name, 0.0) - mu) / sd
                                 for name, w, mu, sd in zip(m["features"], m["coef"], m["mean"], m["scale"]))
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


# Framing that makes a mention no record of what happened, whatever else it carries.
_UNREAL = ("future", "modal", "negated", "intent", "conditional", "denied", "feared", "generic", "in_quote")


def on_record(ev: Event, f: dict[str, float]) -> bool:
    """A mention the model does not take for an event of the page's days that is still a fact a
    page with such events states in full: an event its own sentence dates to the calendar day ("launched on 30
    September 2015": a real date, so it never passes for the story's news), or a verbal or
    diplomatic exchange with its source and target named (CAMEO's and PLOVER's dyadic event,
    which ACLED does not code). Neither is told as planned, feared, denied, hypothetical or generic."""
    if any(f.get(k) for k in _UNREAL):
        return False
    if calendar_dated(ev) and ev.date.precision in {"day", "range"}:
        return True
    kinds = cues()["dyad_actor_kinds"]
    return (ev.event_type is None and ev.actor1 is not None and ev.actor2 is not None
            and ev.actor1.name != ev.actor2.name and ev.actor1.kind in kinds and ev.actor2.kind in kinds
            and not f.get("days_over_365"))


def _one_sentence_two_readings(ranked: list[list[int]], events: Sequence[Event],
                               probs: Sequence[float]) -> list[list[int]]:
    """The model reads sentences: when the surest event's sentence also yields events of other
    kinds ("villagers clashed ... a man was killed"), which of them the sentence reports is the
    extraction's call, its most confident reading, not the model's."""
    def surest(g: list[int]) -> int:
        return max(g, key=lambda j: probs[j])
    sentence = events[surest(ranked[0])].evidence.start
    rivals = [g for g in ranked if events[surest(g)].evidence.start == sentence
              and probs[surest(g)] >= threshold("main")]
    best = max(rivals, key=lambda g: events[surest(g)].confidence)
    return [best] + [g for g in ranked if g is not best]


def judge(events: list[Event], doc, published: str | None) -> list[Event]:
    """The page's events of its own days, one record per event, in text order; the surest is
    `main`. Each record's confidence is its model probability. The page's surest record needs
    the `main` threshold, every other record the (higher) `reportable` one: a page that reports
    violence is about one event, and tells others only now and then. A page with events of its
    days also keeps, never as main, the mentions that stand on record (`on_record`); a page
    without keeps nothing."""
    if not events:
        return events
    groups = group(events, headline_end(doc.text))
    rows = features(events, doc, published, groups)
    # an event its own sentence dates over a month before publication is background by definition
    # (ACLED codes it on its day, from the news of that day), and one whose sentence the classifier
    # reads as no event is no event: never one of the page's own events (either may stand on record)
    said = probabilities(rows)
    readings = doc._.event_readings or {}
    probs = [0.0 if (f.get("date_own") and (f.get("days_31_365") or f.get("days_over_365")))
             or reads_as_no_event(ev, readings.get(ev.evidence.start)) else p
             for ev, f, p in zip(events, rows, said)]
    ranked = sorted(groups, key=lambda g: -max(probs[j] for j in g))
    if max(probs[j] for j in ranked[0]) < threshold("main"):
        return []  # a page with no event of its days keeps no records: policy, opinion, features
    ranked = _one_sentence_two_readings(ranked, events, probs)
    out = []
    for rank, g in enumerate(ranked):
        members = sorted(g, key=lambda j: (-probs[j], events[j].evidence.start))
        reportable = probs[members[0]] >= threshold("main" if rank == 0 else "reportable")
        if not reportable:
            # only the mentions that stand on record: a dated one may share a group with a
            # mention whose relative day could not be placed
            members = [j for j in members if on_record(events[j], rows[j])]
            if not members:
                continue
        ev = collapse([events[j] for j in members], headline_end(doc.text))
        ev.confidence = round(max(said[j] for j in members), 3)
        ev.main = rank == 0 and reportable
        out.append(ev)
    return sorted(out, key=lambda e: e.evidence.start)
