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


def _kind(hit: Hit) -> str:
    return hit.trigger.plover or (TAXONOMY[hit.trigger.sub][1] if hit.trigger.sub else "")
