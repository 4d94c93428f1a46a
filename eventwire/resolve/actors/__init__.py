"""Actor mentions: find them in a parsed document and resolve them to canonical actors.

The alias dictionary lives in `eventwire/data/actors.yaml` (versioned).  Aliases are matched
on whole spaCy tokens with a token trie (longest match wins), keyed on a normalised form of
each token (lower case, no accents, straight quotes, one kind of hyphen; hyphen tokens are
skipped so "al-Qaida", "al Qaida" and "al - Qaida" are one key).  Three families of entries:

* countries, their other names, seats of power ("the Kremlin") and demonyms ("Russian");
  a country word followed by an organ ("Russian Defence Ministry", "Iran's National Security
  Council", "Syrian rebels") is one mention whose kind comes from the organ;
* named organisations and people, each with a canonical name;
* generic groups ("government forces", "rights groups", "protesters"), which take the
  document's context country when they name none.

spaCy's PERSON / ORG / NORP entities that the dictionary does not cover are added, with the
kind and country read from titles and country words around them.

The modules: dictionary.py (reading data/actors.yaml into the trie), keys.py (token keys),
matching.py (aliases on tokens; `lookup_actor`), screening.py (country words that are places),
people.py (PERSON mentions and their titles), entities.py (other ORG/NORP entities),
context.py (context words and sizes); `find_actors`, which runs them over a document, here.
"""
from __future__ import annotations

from ...model import Actor
from .context import DETERMINERS
from .dictionary import DATA_PATH, ActorInfo, alias_lexicon, country_name, dictionary_version
from .entities import other_entities, to_actor
from .keys import token_key
from .matching import Match, lookup_actor, match_at
from .people import find_people
from .screening import screen

__all__ = ["DATA_PATH", "ActorInfo", "country_name", "dictionary_version", "find_actors", "lookup_actor"]


def find_actors(doc, *, context_country: str | None = None) -> list[Actor]:
    """Every actor mention in a spaCy Doc, resolved to canonical names.

    `context_country` (ISO3) is given to generic groups that name no country ("government
    forces", "protesters").  Offsets are character offsets into `doc.text`.
    """
    lex = alias_lexicon()
    texts = [t.text for t in doc]
    keys = [token_key(x) for x in texts]
    has_dep = doc.has_annotation("DEP")
    matches: list[Match] = []
    blocked: list[tuple[int, int]] = []  # dictionary words judged places: NER may not re-add them
    i = 0
    n = len(doc)
    while i < n:
        if keys[i] in DETERMINERS or not keys[i][:1].isalnum():
            i += 1
            continue
        m = match_at(lex, keys, texts, i, True, context_country)
        if m is None:
            i += 1
            continue
        screened = screen(lex, doc, keys, m, has_dep)
        if screened is None:
            blocked.append((m.start, m.ref_end))
            i += 1
            continue
        m = screened
        matches.append(m)
        i = m.end

    people = [p for p in find_people(lex, doc, keys, matches)
              if not any(a < p[0][1] and p[0][0] < b for a, b in blocked)]
    consumed = {id(c) for p in people for c in p[1]}
    actors = [to_actor(doc, m.start, m.end, m.info) for m in matches
              if id(m) not in consumed and not (m.source == "person" and not m.organ)]
    taken = [(m.start, m.end) for m in matches] + blocked
    for start, end, info in (p[0] for p in people):
        actors.append(to_actor(doc, start, end, info))
        taken.append((start, end))
    actors.extend(other_entities(lex, doc, keys, texts, taken, has_dep))
    actors.sort(key=lambda a: (a.start, a.end))
    return actors
