"""A place mention and its gazetteer candidates: the name read off the mention's text (level
words, articles, possessives, "eastern ..." stripped), names inside a name the index lacks,
and sites (streets, buildings) that lie in a town rather than name one."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lookup
from .data import (LEADING_LEVEL_WORDS, LEVEL_WORDS, NEVER_PLACES, QUARTER_WORDS, ROLE_OF_WORD, RULER, SITE_HEADS,
                   SITE_WORDS, THOROUGHFARES, common_words)
from .lookup import HOW_ABBR, HOW_NAME, Candidate, normalize, translate_directions

ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
POSSESSIVE = re.compile(r"(['’]s|['’])$")
# "eastern Democratic Republic of Congo": a part of a place named by its side is, at the
# precision we can give, that place.
_SIDE = re.compile(r"^(?:(?:the|a)\s+)?(?:far[- ])?(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central|"
                   r"mid)(?:ern)?\s+(?=[A-Z])", re.I)

# a hint: (candidates, role, name) of a name that places a mention
Hint = tuple[list[Candidate], str | None, str]


@dataclass
class Mention:
    text: str
    start: int
    end: int
    cands: list[Candidate]
    role: str | None = None  # admin1 | admin2 | settlement | None
    # (candidates, role, name) of the names that place it, nearest first
    hints: list[Hint] = field(default_factory=list)
    # (name, role) of every name that places it, the gazetteer's or not: a candidate whose
    # own admin1/admin2 is one of them sits where the text says ("Tshanzu (Rutshuru, Nord-Kivu)")
    names: list[tuple[str, str | None]] = field(default_factory=list)
    embedded: bool = False  # cands are those of a name inside the mention ("Lake Manassas")
    site: bool = False  # a street, building or quarter inside a town (is_site, is_quarter)


def split_level(text: str) -> tuple[str, str | None]:
    """("Idlib province") -> ("Idlib", "admin1"); ("Ye-U township") -> ("Ye-U", "admin2");
    ("Fleifel town") -> ("Fleifel", "settlement"); words of level at either end."""
    words = text.split()
    role = None
    while len(words) > 1 and words[-1].lower() in LEVEL_WORDS:
        role = role or ROLE_OF_WORD.get(words[-1].lower())
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in LEADING_LEVEL_WORDS:
        if words[0].lower() != "the":
            role = role or ROLE_OF_WORD.get(words[0].lower())
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "of":
            words = words[1:]
    return " ".join(words), role


def lookup_name(name: str, *, region: bool = False) -> list[Candidate]:
    """Candidates for a name; `region`: the name stands where a region's name goes, so
    "Northern" or "Central" is a name, not an ordinary word."""
    gaz = lookup.get()
    key = normalize(name)
    if not key:
        return []
    if key in NEVER_PLACES:
        if not region:
            return []
        return [c for c in gaz.lookup(key) if c.kind == "admin1"]
    cands = list(gaz.lookup(key))
    variant = translate_directions(key)
    if variant != key and (region or not cands):
        cands += [c for c in gaz.lookup(variant) if c not in cands]
    return cands


def candidates(text: str) -> tuple[list[Candidate], str | None]:
    """The candidates of a mention's text, and the level its words give it."""
    base = POSSESSIVE.sub("", text.strip())
    names = [base] + ([ARTICLE.sub("", base)] if ARTICLE.match(base) else [])
    if _SIDE.match(base) and base[:1].islower():
        names.append(_SIDE.sub("", base))
    cands, role, name = [], None, base
    for name in names:
        cands = lookup_name(name)
        if cands:
            break
    if all(c.how != HOW_NAME for c in cands):
        # "Idlib province" is not a name, "United States" is; "Hays City" is another name
        # of a town in Kansas, but "Hays" is also a town by its own name
        for variant in names:
            bare, level = split_level(variant)
            more = lookup_name(bare) if level or bare != variant else []
            if more:
                cands = cands + [c for c in more if c not in cands]
                name, role = bare, level
                break
    if not cands:
        # "Qamishli" for "Al Qāmishlī": another romanisation, by the loose key (translit.py)
        for variant in names:
            bare, level = split_level(variant)
            loose = [] if normalize(bare) in NEVER_PLACES else list(lookup.get().lookup_loose(normalize(bare)))
            if loose:
                cands, name, role = loose, bare, level
                break
    if normalize(name) in NEVER_PLACES:
        return [], role
    abbr_form = name.isupper() or name.endswith(".")
    cands = [c for c in cands if c.how != HOW_ABBR or abbr_form]
    if name.endswith(".") and not name.isupper():
        # "La." is AP style for Louisiana, not Los Angeles
        cands = [c for c in cands if c.kind == "admin1"] or cands
    return cands, role


def embedded(text: str) -> list[Candidate]:
    """A name the gazetteer lacks that holds names it knows ("the Honolulu Star-Advertiser",
    "Old Town Manassas", "Thruxton, Hampshire", "West Wales"): the candidates of every longest
    inner name, by its own name only, for the joint choice to weigh."""
    words = [w.strip(",;:") for w in ARTICLE.sub("", text.strip()).split()]
    # a street is named after a town, not placed in it ("Hampton Avenue" is not in Hampton)
    if len(words) < 2 or words[-1].lower().strip(".") in THOROUGHFARES:
        return []
    out: list[Candidate] = []
    taken: set[int] = set()
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            if taken & set(range(i, i + n)):
                continue
            cands = _inner_candidates(words[i:i + n], last=i + n == len(words))
            if cands:
                out += [c for c in cands if c not in out]
                taken |= set(range(i, i + n))
    return out


def _inner_candidates(window: list[str], *, last: bool) -> list[Candidate]:
    if not (window[0][:1].isupper() and window[-1][:1].isupper()):
        return []
    if all(normalize(w) in NEVER_PLACES for w in window):
        return []
    name = " ".join(window)
    if not last and POSSESSIVE.search(name):
        return []  # "St George's Chapel": an owner, not a place
    cands = [c for c in lookup_name(POSSESSIVE.sub("", name)) if c.how == HOW_NAME]
    if normalize(POSSESSIVE.sub("", name)) in common_words():
        # "the Soviet Union", "the Nile Delta": an ordinary word names only a region or a big city
        cands = [c for c in cands if c.kind in ("country", "admin1", "continent", "region")
                 or (c.kind == "city" and c.population >= RULER.common_word_city)]
    return cands


_NEXT_WORD = re.compile(r"^(?:\s+[A-Z][\w'’\-]*|\s+(?:do|da|dos|das|de|del|la|el))*\s+([a-z]+)")


def is_quarter(text: str, end: int) -> bool:
    """The name (ending at `end` in `text`) is one of a town's quarters: "the Morada do Sol
    neighborhood", "Inga neighbourhood", the rest of the quarter's name between."""
    m = _NEXT_WORD.match(text[end:end + 60])
    return bool(m) and m.group(1) in QUARTER_WORDS


def is_site(text: str) -> bool:
    """A street, building or ground inside a town ("Royal Street", "Plaza Baquedano")."""
    words = ARTICLE.sub("", POSSESSIVE.sub("", text.strip())).split()
    return len(words) > 1 and (words[-1].lower().strip(".") in SITE_WORDS or words[0].lower() in SITE_HEADS)
