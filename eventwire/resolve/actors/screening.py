"""Screening dictionary matches: country words that are places or qualifiers rather than
actors ("was in Tehran", "Iran-backed militias", "civilian casualties") are dropped."""
from __future__ import annotations

from typing import Sequence

from .context import (ACTION_NOUNS, BETWEEN_HEADS, CITY_VERBS, GEO_HEADS, LIMITS, MOTION_VERBS,
                      PLACE_PREFIXES, PLACE_PREPS, PLACE_VERBS, PRO_ANTI, QUALIFIER_SUFFIXES)
from .dictionary import ActorInfo, AliasLexicon
from .keys import token_key
from .matching import Match


def screen(lex: AliasLexicon, doc, keys: Sequence[str], m: Match, has_dep: bool) -> Match | None:
    """Drop country words that are places or qualifiers rather than actors."""
    if m.source == "generic":
        return _screen_generic(doc, keys, m, has_dep)
    if m.source not in ("country", "seat", "demonym", "person"):
        return m
    i, j = m.start, m.ref_end
    # "pro-Assad forces", "anti-Russian protesters"
    if i >= 2 and keys[i - 1] == "-" and keys[i - 2] in PRO_ANTI:
        if m.organ and m.info.kind in ("military", "state", "police"):
            return Match(i - 2, m.end, ActorInfo("Militia", m.info.country, "militia"),
                          "generic", m.end, organ=True)
        return None
    if m.source == "person":
        return m
    # "Iran-backed militias", "Russian-made jets"
    if not m.organ and j + 1 < len(keys) and keys[j] == "-" and keys[j + 1] in QUALIFIER_SUFFIXES:
        return None
    if not m.organ and j < len(keys) and "-" in keys[j] and keys[j].startswith("-"):
        return None
    if m.source in ("country", "seat") and i >= 1 and keys[i - 1] in PLACE_PREFIXES \
            and doc[i - 1].text[:1].isupper():
        return None
    if m.organ:
        return m
    if m.source in ("country", "seat") and j < len(keys) and keys[j] in ACTION_NOUNS:
        return None  # "Syria strikes", "the Iraq war": the country is where, not who
    if m.source == "demonym":
        if j < len(keys) and keys[j] in GEO_HEADS:
            return None
        return m
    # Country names and seats of power: places when the syntax says so.
    if j < len(keys) and keys[j] in ("'s", "'"):
        nxt = [keys[t] for t in range(j + 1, min(j + 1 + LIMITS.possessive_lookahead, len(keys)))]
        head = doc[i:j].root.head if has_dep else None
        if (head is not None and token_key(head.lemma_) in GEO_HEADS) or \
                (head is None and any(k in GEO_HEADS for k in nxt)):
            return None
        return m
    if has_dep and is_place(doc[i:j].root,
                             verbs=CITY_VERBS if m.source == "seat" else PLACE_VERBS):
        return None
    if not has_dep and i >= 1 and keys[i - 1] in PLACE_PREPS:
        return None
    return m


def _screen_generic(doc, keys: Sequence[str], m: Match, has_dep: bool) -> Match | None:
    """Drop one-word group nouns used as modifiers: "civilian casualties", "rebel-held"."""
    j = m.end
    if j + 1 < len(keys) and keys[j] == "-" and keys[j + 1] in QUALIFIER_SUFFIXES:
        return None
    if m.end - m.start == 1 and has_dep:
        tok = doc[m.start]
        if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            return None
    return m


def is_place(tok, preps: frozenset[str] = PLACE_PREPS,
              verbs: frozenset[str] = PLACE_VERBS) -> bool:
    # Climb conjunctions and compounds: "in Syria and Iraq", "in the Tehran suburbs".
    seen = 0
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok and seen < LIMITS.conjunct_climb:
        tok = tok.head
        seen += 1
    head = tok.head
    if tok.dep_ == "pobj":
        prep = token_key(head.text)
        if prep in preps:
            return True
        if prep == "of" and token_key(head.head.lemma_) in GEO_HEADS:
            return True  # "north of Damascus"
        if prep == "between" and head.head.lemma_ in BETWEEN_HEADS:
            return True
    if tok.dep_ == "dobj" and head.lemma_ in verbs:
        return True
    if tok.dep_ == "npadvmod" and head.lemma_ in MOTION_VERBS:
        return True  # "flew home to ..."; rare
    return False
