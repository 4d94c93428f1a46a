"""People: PERSON mentions with the country and kind their titles give ("Russian deputy
foreign minister X", "X, Iran's foreign minister,")."""
from __future__ import annotations

import sqlite3
from typing import Sequence

from .context import DETERMINERS, LIMITS, PERSON_PLACE_PREPS
from .dictionary import ActorInfo, AliasLexicon
from .keys import QUOTES, token_key
from .matching import Match, lookup_actor
from .screening import is_place


def find_people(lex: AliasLexicon, doc, keys: Sequence[str], matches: list[Match]):
    """PERSON mentions with their titles: ((start, end, info), [consumed matches])."""
    by_token: dict[int, Match] = {}
    for m in matches:
        for t in range(m.start, m.end):
            by_token[t] = m
    spans: list[tuple[int, int, ActorInfo | None]] = []
    dict_people = [m for m in matches if m.source == "person" and not m.organ]
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    for m in dict_people:
        # A surname inside a longer, different name ("Cameron Smith") is not that person.
        bigger = [e for e in ents if e.start <= m.start and m.end <= e.end
                  and (e.end - e.start) > (m.end - m.start)
                  and lookup_actor(e.text) != m.info]
        if not bigger:
            spans.append((m.start, m.end, m.info))
    for e in ents:
        s, t = e.start, e.end
        while s < t and (keys[s] in DETERMINERS or keys[s] in lex.state_titles
                         or keys[s] in lex.military_titles):
            s += 1
        while t > s and keys[t - 1] in ("'s", "'"):
            t -= 1
        if s >= t:
            continue
        if any(x in by_token and (by_token[x].source != "person" or by_token[x].organ)
               for x in range(s, t)):
            continue
        if any(a <= s < b or s <= a < t for a, b, _ in spans):
            continue
        if doc.has_annotation("DEP") and is_place(doc[s:t].root, PERSON_PLACE_PREPS):
            continue  # NER often calls an unknown town a PERSON: "in Alvaro Obregon"
        spans.append((s, t, None))
    spans.sort(key=lambda x: x[0])

    surnames: dict[str, ActorInfo] = {}
    out = []
    for s, t, known in spans:
        country, kind, consumed = _titles(lex, doc, keys, s, t, by_token)
        if known is not None:
            info = ActorInfo(known.name, known.country or country, known.kind or kind)
        else:
            name = clean_name(doc[s:t].text)
            prior = surnames.get(token_key(name)) if t - s == 1 else None
            if prior is not None:
                info = ActorInfo(prior.name, prior.country or country, prior.kind or kind)
            elif country is None and kind is None and known_place(name):
                continue  # NER's PERSON on a town name ("Kherson"), with nothing saying person
            else:
                info = ActorInfo(name, country, kind)
        if t - s >= 2:
            surnames.setdefault(keys[t - 1], info)
        out.append(((s, t, info), consumed))
    return out


def _titles(lex: AliasLexicon, doc, keys: Sequence[str], s: int, t: int,
            by_token: dict[int, Match]):
    """Country and kind read from titles before ("Russian deputy foreign minister X") or in
    an apposition after ("X, Iran's foreign minister,") a name."""
    country = None
    mil = state = False
    consumed: list[Match] = []

    def take(m: Match) -> None:
        nonlocal country, mil, state
        if m.source in ("country", "seat", "demonym", "generic") and m.info.kind in (
                "state", "military", "police"):
            consumed.append(m)
            country = country or m.info.country
            if m.organ or m.source == "generic":
                mil = mil or m.info.kind in ("military", "police")
                state = state or m.info.kind == "state"

    k = s - 1
    steps = 0
    while k >= 0 and steps < LIMITS.title_reach:
        m = by_token.get(k)
        if m is not None and m.source != "person":
            before = len(consumed)
            take(m)
            if len(consumed) == before:
                break
            k = m.start - 1
        elif keys[k] in lex.military_titles:
            mil = True
            k -= 1
        elif keys[k] in lex.state_titles:
            state = True
            k -= 1
        elif keys[k] in lex.fillers or doc[k].is_punct and keys[k] in ("-", "."):
            k -= 1
        else:
            break
        steps += 1
        if k >= 0 and doc[k + 1].is_sent_start:
            break
    if not consumed and not (mil or state) and t + 1 < len(doc) and keys[t] == ",":
        k = t + 1
        while k < len(doc) and k < t + LIMITS.title_reach:
            m = by_token.get(k)
            if m is not None and m.source != "person":
                before = len(consumed)
                take(m)
                if len(consumed) == before:
                    break
                k = m.end
            elif keys[k] in lex.military_titles:
                mil = True
                k += 1
            elif keys[k] in lex.state_titles:
                state = True
                k += 1
            elif keys[k] in lex.fillers or keys[k] in DETERMINERS:
                k += 1
            else:
                break
        if not (mil or state):
            consumed = []
            country = None
    kind = "military" if mil else "state" if state else None
    return country, kind, consumed


def clean_name(text: str) -> str:
    s = " ".join(text.split())
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    s = s.strip(" \"'.,;:()[]")
    if s.endswith("'s"):
        s = s[:-2]
    if s.lower().startswith("the "):
        s = s[4:]
    return s.strip()



def known_place(name: str) -> bool:
    """Whether the gazetteer knows `name` as a sizeable place (a region, or a town of 20,000+)."""
    try:
        from ...geo import lookup as gazetteer  # the places index; optional here

        cands = gazetteer.candidates(name)
    except (ImportError, OSError, sqlite3.Error):
        return False
    return any(c.kind in ("country", "admin1", "admin2") or (c.population or 0) >= LIMITS.known_place_population
               for c in cands)
