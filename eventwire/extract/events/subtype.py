"""Which ACLED sub-event type an event is: the classifier's reading of the sentence when it is
sure enough (classify.Typing), else the trigger word and the codebook's rules; and retyping an
event the story tells more of."""
from __future__ import annotations

import re

from ...lexicon import alternation, regex, word_set
from ...model import Actor, Event
from .thresholds import FRAMING, TAXONOMY, VIOLENT_TYPES
from .triggers import Hit, Trigger, _kind


# Cue words and phrase patterns: data/lexicons/events.yaml, data/patterns/events.yaml.
_MILITARY_TARGET = re.compile(rf"\b({alternation('military_targets')})\b", re.I)
_CIVILIAN_TARGET = re.compile(rf"\b({alternation('civilian_targets')})\b", re.I)
_INTERVENTION = regex("protest_intervention", re.I)
_LETHAL_FORCE = re.compile(rf"\b({alternation('lethal_force_cues')})\b", re.I)
_POLICE_PRESENT = regex("police_present", re.I)


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
    from ..classify import load_model

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


def _retype(ev: Event, sub: str) -> None:
    ev.sub_event_type = sub
    ev.event_type, ev.plover_type, mode, ev.cameo_root = TAXONOMY[sub]
    ev.plover_mode = ev.plover_mode or mode
