"""Trigger words (data/triggers.yaml) in a sentence, and the sentence's main one: "strike" read by
its context, negated triggers ("no arrests") and states of affairs or running totals set aside."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from spacy.tokens import Span

from ...lexicon import alternation, regex, word_set
from ...model import When
from .thresholds import FRAMING, TAXONOMY, T

# Cue words: data/lexicons/events.yaml.
_AIR_CONTEXT = re.compile(rf"\b({alternation('air_strike_context')})\b", re.I)
_LABOUR_CONTEXT = re.compile(rf"\b({alternation('labour_strike_context')})\b", re.I)


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
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "triggers.yaml").read_text("utf-8"))
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
_HARMLESS_DOERS = word_set("harmless_doers")
_ANIMALS = word_set("animal_targets")
_COUNTING = word_set("counting_nouns")
_CONTEST = word_set("contest_modifiers")
_NOUN_ONLY = word_set("noun_only_triggers")
_DOER_DEPS = {"nsubj", "agent"}
# the armed-violence sub-types whose trigger's doer and target tell its sense
_ARGUED_SUBS = {"Attack", "Armed clash", "Mob violence"}
_TARGET_DEPS = {"dobj", "nsubjpass"}


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
            if not _other_sense(matched):
                hits.append(matched)
            i += len(matched.span)
        else:
            i += 1
    return hits


def _noun(tok) -> str:
    """The lemma a noun phrase is about: "thousands of birds" -> bird, "the H5N1 strain" -> strain."""
    if tok.lemma_.lower() in _COUNTING or tok.pos_ == "NUM":
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                obj = next((g for g in ch.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj.lemma_.lower()
    return tok.lemma_.lower()


def _other_sense(hit: Hit) -> bool:
    """A trigger word in a sense that reports no event (word lists in data/lexicons/events.yaml):
    a killing or attack whose doer is a disease, a disaster or an accident ("the strain has killed
    93", "killed by a cholera epidemic"), whose target is animals ("thousands of birds were
    killed") or an illness ("to battle the disease"); a battle of another kind ("a legal battle");
    a noun-only trigger used as a verb ("to deal with the outbreak")."""
    root = hit.span.root
    words = hit.trigger.words
    if words and words[0] in _NOUN_ONLY and root.pos_ in {"VERB", "AUX"}:
        return True
    if hit.trigger.sub not in _ARGUED_SUBS:
        return False
    doers, targets = [], []
    for ch in root.children:
        if ch.dep_ in _DOER_DEPS:
            doers.append(ch)
        elif ch.dep_ in _TARGET_DEPS:
            targets.append(ch)
        elif ch.dep_ in {"compound", "amod"} and (ch.lemma_.lower() in _HARMLESS_DOERS or ch.lower_ in _CONTEST):
            return True  # "a flu shot", "a heart attack", "a legal battle"
        elif ch.dep_ == "prep":
            objs = [g for g in ch.children if g.dep_ == "pobj"]
            if any(m.dep_ in {"compound", "amod"} and m.lower_ in _CONTEST for o in objs for m in o.children):
                return True  # "engaged in a legal battle"
            if ch.lower_ in {"by", "from", "of"}:
                doers += objs
    doers = [g for d in doers for g in ([d] if d.dep_ != "agent" else [c for c in d.children if c.dep_ == "pobj"])]
    if not doers and root.dep_ == "conj":  # "has infected 171 people and killed 93"
        doers = [ch for ch in root.head.children if ch.dep_ in _DOER_DEPS]
    if not targets and root.dep_ == "xcomp":  # "ordered all pigs to be slaughtered"
        targets = [ch for ch in root.head.children if ch.dep_ == "dobj"]
    if root.dep_ in {"acl", "relcl", "amod"} and root.head.pos_ in {"NOUN", "PROPN"}:
        targets.append(root.head)  # "birds killed after ...", "the culled birds"
    # animals on either side: a cull, a hunt, pest control or an animal's attack, not armed violence
    return any(_noun(x) in _HARMLESS_DOERS or _noun(x) in _ANIMALS for x in doers + targets)


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


def _kind(hit: Hit) -> str:
    return hit.trigger.plover or (TAXONOMY[hit.trigger.sub][1] if hit.trigger.sub else "")
