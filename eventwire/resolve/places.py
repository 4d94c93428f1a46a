"""Place resolution: gazetteer candidates for every place mention of one document, chosen
jointly so the mentions agree with each other.

Score of a candidate = log10(population) + a prior for its kind (a bare "Idlib" is the city,
"Idlib province" the region) + a bonus for the countries the rest of the document is about
(countries named, regions and unambiguous cities placed there). Two rounds: the second reads
the countries of the first round's choices, so "Geneva" in an article about Syria talks stays
in Switzerland while "Geneva" next to "Ohio" and "Cleveland" moves to Ohio.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict

from .. import gazetteer
from ..gazetteer import ADMIN1_WORDS, HOW_ABBR, HOW_ALT, Candidate, normalize
from ..model import Place

_KIND_PRIOR = {"country": 1.5, "continent": 1.0, "region": 1.0, "city": 0.0, "admin2": -1.5, "admin1": -1.5}
_HOW_PRIOR = {gazetteer.HOW_NAME: 0.0, HOW_ALT: -0.7, HOW_ABBR: -1.0}
CONTEXT_WEIGHT = 3.0  # log10 units: a country the document is about outweighs 1000x population
ADMIN1_CONTEXT_WEIGHT = 1.5
_PRECISION = {"city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country", "continent": "continent",
              "region": "region"}
_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")


def _split_mention(text: str) -> tuple[str, bool]:
    """("Idlib province", ...) -> ("Idlib", True): the name, and whether the text says region."""
    name = _POSSESSIVE.sub("", text.strip())
    words = name.split()
    admin = False
    if len(words) > 1 and words[-1].lower() in ADMIN1_WORDS:
        name, admin = " ".join(words[:-1]), True
    return name, admin


def _candidates(text: str) -> tuple[list[Candidate], bool]:
    gaz = gazetteer.get()
    base = _POSSESSIVE.sub("", text.strip())
    names = [base] + ([_ARTICLE.sub("", base)] if _ARTICLE.match(base) else [])
    cands, admin, name = [], False, base
    for name in names:
        cands = list(gaz.lookup(normalize(name)))
        if cands:
            break
    if not cands:  # "Idlib province" is not a name, "United States" is
        for variant in names:
            name, admin = _split_mention(variant)
            cands = list(gaz.lookup(normalize(name))) if admin else []
            if cands:
                break
    if normalize(name) in gazetteer.NEVER_PLACES:
        return [], admin
    abbr_form = name.isupper() or name.endswith(".")
    cands = [c for c in cands if c.how != HOW_ABBR or abbr_form]
    if admin or (name.endswith(".") and not name.isupper()):
        # "Idlib province"; "La." is AP style for Louisiana, not Los Angeles
        cands = [c for c in cands if c.kind == "admin1"] or cands
    return cands, admin


def _base(c: Candidate, admin: bool) -> float:
    kind = 1.5 if (admin and c.kind == "admin1") else _KIND_PRIOR.get(c.kind, 0.0)
    return math.log10(max(c.population, 1) + 10) + kind + _HOW_PRIOR.get(c.how, -1.0)


_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\b")
DEMONYM_WEIGHT = 0.3  # an adjective says less than the country named


def _demonym_context(text: str) -> dict[str, float]:
    """Countries the text names by adjective ("Syrian", "Swiss"), once per country."""
    table = gazetteer.get().demonyms
    out: dict[str, float] = {}
    for m in _CAPWORD.finditer(text or ""):
        iso = table.get(normalize(m.group(0)))
        if iso:
            out[iso] = DEMONYM_WEIGHT
    return out


def _context(choices: list[Candidate | None], options: list[list[Candidate]],
             admins: list[bool], base: dict[str, float] | None = None,
             ) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Evidence per country (and per admin1) from every mention, each mention counted once
    per distinct name so a name repeated ten times does not drown the rest."""
    countries: dict[str, float] = defaultdict(float, base or {})
    regions: dict[tuple[str, str], float] = defaultdict(float)
    seen: set[str] = set()
    for choice, cands in zip(choices, options):
        if choice is None or not choice.country:
            continue
        key = f"{choice.name}|{choice.kind}|{choice.country}"
        if key in seen:
            continue
        seen.add(key)
        # A choice is good evidence when it was clear-cut: a country, or a name with no
        # serious rival elsewhere.
        rivals = {c.country for c in cands if c.population >= choice.population / 20}
        weight = 1.0 if choice.kind == "country" or len(rivals) <= 1 else 0.3
        countries[choice.country] += weight
        if choice.kind in ("admin1", "city") and choice.admin1:
            regions[(choice.country, choice.admin1)] += weight
    return countries, regions


def _pick(cands: list[Candidate], admin: bool, countries: dict[str, float],
          regions: dict[tuple[str, str], float], own: Candidate | None) -> Candidate | None:
    if not cands:
        return None
    top = max(countries.values(), default=0.0)

    def score(c: Candidate) -> float:
        s = _base(c, admin)
        if top > 0 and c.country:
            got = countries.get(c.country, 0.0)
            if own is not None and own.country == c.country:
                got -= 1.0 if own.kind == "country" or len(cands) == 1 else 0.3
            s += CONTEXT_WEIGHT * max(got, 0.0) / max(top, 1.0)
        if c.admin1 and c.kind == "city" and c.country:
            got = regions.get((c.country, c.admin1), 0.0)
            if own is not None and own.admin1 == c.admin1 and own.country == c.country:
                got -= 1.0
            s += ADMIN1_CONTEXT_WEIGHT * min(max(got, 0.0), 1.0)
        return s

    return max(cands, key=score)


def resolve_places(mentions: list[tuple[str, int, int]], text: str) -> list[Place]:
    """Resolve all place mentions (text, start, end) of one document jointly.

    A mention the gazetteer does not know gets a Place with latitude None: no guesses."""
    adjectives = _demonym_context(text)
    options, admins = [], []
    for mtext, _, _ in mentions:
        cands, admin = _candidates(mtext)
        options.append(cands)
        admins.append(admin)
    # Round one: population and kind only. Rounds two and three: with document context.
    choices = [_pick(c, a, adjectives, {}, None) for c, a in zip(options, admins)]
    for _ in range(2):
        countries, regions = _context(choices, options, admins, adjectives)
        choices = [_pick(c, a, countries, regions, own)
                   for c, a, own in zip(options, admins, choices)]
    # The same name in one document is the same place.
    by_name: dict[str, Candidate] = {}
    for (mtext, _, _), choice in zip(mentions, choices):
        if choice is not None:
            by_name.setdefault(normalize(mtext), choice)
    return [_place(mtext, start, end, by_name.get(normalize(mtext)))
            for mtext, start, end in mentions]


def _place(mtext: str, start: int, end: int, c: Candidate | None) -> Place:
    if c is None:
        return Place(text=mtext, name=None, country=None, admin1=None, latitude=None,
                     longitude=None, geonameid=None, precision=None, start=start, end=end)
    return Place(text=mtext, name=c.name, country=c.country, admin1=c.admin1,
                 latitude=c.lat, longitude=c.lon, geonameid=c.geonameid,
                 precision=_PRECISION.get(c.kind), start=start, end=end)


def resolve_place(name: str) -> Place:
    """One place name on its own (no document context)."""
    return resolve_places([(name, 0, len(name))], name)[0]
