"""Actors from the tagger: ORG and NORP entities the dictionary did not cover, with a kind
read from cue words in their names; and a token span made an `Actor` record."""
from __future__ import annotations

from typing import Sequence

from ...lexicon import table
from ...model import Actor
from .context import DETERMINERS
from .dictionary import ActorInfo, AliasLexicon
from .keys import token_key
from .matching import lookup_actor, walk
from .people import clean_name, known_place
from .screening import is_place

# Kinds that a generic NER entity may get from cue words in its own name (first kind wins).
_ORG_CUES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (kind, frozenset(cues)) for kind, cues in table("org_kind_cues").items())


def other_entities(lex: AliasLexicon, doc, keys: Sequence[str], texts: Sequence[str],
                    taken: list[tuple[int, int]], has_dep: bool):
    """ORG and NORP entities the dictionary did not cover."""
    out: list[Actor] = []
    for e in doc.ents:
        if e.label_ not in ("ORG", "NORP"):
            continue
        s, t = e.start, e.end
        while s < t and keys[s] in DETERMINERS:
            s += 1
        while t > s and keys[t - 1] in ("'s", "'"):
            t -= 1
        if s >= t or any(a < t and s < b for a, b in taken):
            continue
        # NER tags many unknown towns ORG or PERSON; a parenthesis starts a second name.
        for x in range(s, t):
            if keys[x] in ("(", "[", ",", ";"):
                t = x
                break
        if s >= t:
            continue
        text = doc[s:t].text
        if not any(c.isalpha() for c in text) or text.islower() or token_key(text) in lex.not_actors:
            continue
        if not any(tok.pos_ == "PROPN" or tok.is_upper for tok in doc[s:t]):
            continue  # "Bombers" at the start of a sentence is not an organisation
        if has_dep and is_place(doc[s:t].root):
            continue
        name = clean_name(text)
        if e.label_ == "NORP":
            root = doc[s:t].root
            if doc.has_annotation("DEP") and root.dep_ in ("amod", "compound", "nmod"):
                continue  # "Kurdish fighters": the noun is the actor, not the adjective
            info = ActorInfo(name, None, "other")
        else:
            info = lookup_actor(name) or ActorInfo(name, _inner_country(lex, keys, texts, s, t),
                                                   _org_kind(keys[s:t]))
            if info.kind == "other" and info.country is None and known_place(name):
                continue  # NER's ORG on a place name
        out.append(to_actor(doc, s, t, info))
        taken.append((s, t))
    return out



def _inner_country(lex: AliasLexicon, keys: Sequence[str], texts: Sequence[str], s: int,
                   t: int) -> str | None:
    for i in range(s, t):
        for _end, entry in walk(lex.trie, keys, texts, i, True):
            if entry.source in ("country", "demonym") and _end <= t:
                return entry.info.country
    return None


def _org_kind(keys: Sequence[str]) -> str:
    words = set(keys)
    for kind, cues in _ORG_CUES:
        if words & cues:
            return kind
    return "other"


def to_actor(doc, start: int, end: int, info: ActorInfo) -> Actor:
    span = doc[start:end]
    return Actor(text=span.text, name=info.name, country=info.country, kind=info.kind,
                 start=span.start_char, end=span.end_char)
