"""Person names in the text: a tagger's PERSON spans kept when shaped like a name, titled names,
names heading an attribution, and later surname-only mentions of them."""
from __future__ import annotations

import re

from ...lexicon import regex, word_set, words
from ...model import Actor
from ..offsets import Cover, outermost
from .common import LIMITS

# Heads of organisation-like names: a capitalised sequence containing one is not a person.
_ORG_WORDS = word_set("org_words")
_TITLE_RE = regex("titled_name")
_NAME_RE = regex("name_shape")
_NAME_PARTICLES = tuple(words("name_particles"))
_NAME_BREAKERS = word_set("name_breakers")
_ROLE_APPOSITIVE = regex("role_appositive_after")
_NAME_APPOSITIVE_SAID = regex("name_appositive_said")
_SPEECH_VERB_AFTER = regex("speech_verb_after")


def guess_persons(text: str, actors: list[Actor],
                   given: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Person-name spans: `given` (a tagger's PERSON entities) plus titled names, person-shaped
    actors, names that head an attribution ("Mikhail Bogdanov said"), and later surname-only
    mentions of all of these ("Marchuk wrote")."""
    # A tagger's PERSON spans are noisy ("bush", "The Kuki Inpi Manipur"): keep the ones
    # shaped like a name.
    spans: set[tuple[int, int]] = {
        (s, e) for s, e in given or []
        if text[s:s + 1].isupper() and not re.match(r"(?:The|A|An)\s", text[s:e])
        and not org_like(text[s:e])}
    for m in _TITLE_RE.finditer(text):
        s, e = m.span(1)
        if not org_like(text[s:e]):
            spans.add((s, e))
    for x in actors:
        if x.kind in (None, "other", "state", "military", "rebel", "militia") and \
                person_shaped(x.text):
            spans.add((x.start, x.end))
    for m in _NAME_RE.finditer(text):
        s, e = m.span(1)
        nxt = text[e:e + LIMITS.after_name]
        prev = text[max(0, s - LIMITS.before_name):s].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in _NAME_BREAKERS):
            continue
        if person_shaped(text[s:e]) and (_SPEECH_VERB_AFTER.match(nxt) or _ROLE_APPOSITIVE.match(nxt)):
            spans.add((s, e))
    for m in _NAME_APPOSITIVE_SAID.finditer(text):
        prev = text[max(0, m.start() - LIMITS.before_name):m.start()].split()
        if prev and (prev[-1][:1].isupper() or prev[-1].lower() in _NAME_BREAKERS):
            continue
        if person_shaped(m.group(1)):
            spans.add(m.span(1))
    # Only from full names: a one-word tag may be a people or a place ("Kuki", "Lendu").
    known: dict[str, int] = {}
    for s, e in spans:
        if len(text[s:e].split()) >= 2:
            sur = text[s:e].split()[-1]
            known[sur] = min(known.get(sur, s), s)
    # Later surname-only mentions of a known person ("Marchuk wrote"). A word used on its
    # own before the full name is something else ("Manipur" … "Kuki Inpi Manipur").
    # A mention inside a span found so far is not one: the spans found before are asked in log
    # time, the surname mentions added since (a word each) by their starts just before it, not
    # each span for each mention (time quadratic in a long page's names, issue 11).
    named = Cover(spans)
    added: dict[int, int] = {}  # start -> end of the surname mentions added
    longest = 0

    def held(pos: int) -> bool:
        return named.holds(pos, pos + 1) or any(added.get(s, -1) > pos for s in range(pos - longest + 1, pos + 1))

    for sur, first in known.items():
        if len(sur) < LIMITS.min_surname:
            continue
        found = [m for m in re.finditer(rf"\b{re.escape(sur)}\b", text) if not held(m.start())]
        if any(m.start() < first for m in found):
            continue
        spans.update(m.span() for m in found)
        for m in found:
            added[m.start()] = max(added.get(m.start(), 0), m.end())
            longest = max(longest, m.end() - m.start())
    return outermost(spans)  # spans nested in longer ones dropped


def org_like(name: str) -> bool:
    return any(re.sub(r"[’']s$", "", w.lower()) in _ORG_WORDS for w in name.split())


def person_shaped(name: str) -> bool:
    words = name.split()
    if not LIMITS.person_name_words[0] <= len(words) <= LIMITS.person_name_words[1]:
        return False
    if not all(w[:1].isupper() or w.startswith(("al-", "el-")) or w in _NAME_PARTICLES
               for w in words):
        return False
    return not org_like(name) and not any(ch.isdigit() for ch in name)
