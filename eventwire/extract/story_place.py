"""The incident's place in a local report: which of the towns and districts the page names is
where the incident it reports happened.

A report names the incident's town, and beside it the outlet's town, the hospital's, the
county seat where the suspect is jailed, the victims' home towns, namesakes the gazetteer
placed elsewhere. Which one is the scene's is read from how the page names each (how often,
first where, in which sentence, with which words around it, as a street or a building of it),
from the dateline, and from how many of the page's other places lie near it (a street, a
county and the town agree; a namesake in another state stands alone). A logistic regression
over these cues, fitted on the shooting reports of ../shared/train/gva (fit split;
training/train_story.py), scores every candidate; the surest is the incident's place.

The candidates are read as the story tells them (story_places): a town the title's outlet tail
names is the outlet's, not the page's; a town only a police force is named after ("Waycross
Police officers responded") is the force's town; a name cut before "County" is the county; and
a local outlet's story lies in its own country.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..geo import haversine_km
from ..geo.data import ADMIN1_WORDS, ADMIN2_WORDS, SITE_WORDS
from ..geo.mentions import candidates, is_site
from ..geo.outlets import Outlet
from ..geo.places import place_of, resolve_places
from ..lexicon import regex, words
from ..model import Document, Place
from .events import THRESHOLDS as EVENTS, dateline_spans
from .story_model import Candidate, layout, load_model, position_cues, WindowWords

MODEL_NAME = "story_place"
_OUTLET_TAIL = regex("story_outlet_tail", re.M)
_AGENCY = regex("story_agency_town")
_NOT_TOWN = frozenset(words("story_agency_not_town"))
_LEVELS = frozenset({"County", "Parish"})  # "Williamson County": the county is the name
_LEVEL_AFTER = regex("story_level_after")
FINE_PLACE = {"point", "city", "admin2"}  # a town or district says where; a state does not
_KIND_WORDS = SITE_WORDS | ADMIN1_WORDS | ADMIN2_WORDS  # "Bay Road", "Mercy Hospital", "Cook County"


@dataclass(frozen=True)
class Thresholds:
    """The numbers the place candidates are read with, named once."""

    window: int = 3  # words read on each side of a place's name
    max_sentence: int = 8  # sentence positions beyond this count as this one
    same_km: float = 5.0  # two resolved places this close are one candidate
    support_km: float = 50.0  # other places this close back a candidate
    market_km: float = 100.0  # a namesake this close to a local outlet's town is the one its page means


THRESHOLDS = Thresholds()


def _key(p: Place) -> tuple[float, float]:
    return (round(p.latitude, 2), round(p.longitude, 2))


def place_candidates(doc: Document, sentences: Sequence[tuple[int, str]], dateline: Place | None = None,
                     outlet: Outlet | None = None) -> list[Candidate]:
    """Every town or district the page's places resolved to, and the outlet's town (geo/outlets.py),
    each with its cue features."""
    text = doc.text
    page = layout(doc, sentences)
    # a dateline's town is where the story was filed: it counts as the dateline, not as named
    filed = dateline_spans(text[:EVENTS.dateline_within]) + outlet_tail(text)
    # a local outlet reports on its own country: a namesake abroad is no scene of its story
    fine = [p for p in in_market(story_places(doc, outlet), outlet) if p.latitude is not None
            and p.precision in FINE_PLACE and not any(a <= p.start < b for a, b in filed)
            and (outlet is None or p.country == outlet.country)]
    regions = Counter(p.admin1 for p in fine if p.admin1)
    region = regions.most_common(1)[0][0] if regions else None
    cands: list[Candidate] = []
    window = WindowWords(text)
    for p in fine:
        c = next((c for c in cands if haversine_km(c.value.latitude, c.value.longitude, p.latitude, p.longitude)
                  <= THRESHOLDS.same_km), None)
        if c is None:
            c = Candidate(key=_key(p), value=p, features={f"precision_{p.precision}": 1.0})
            cands.append(c)
        f = c.features
        site = is_site(p.text)
        f["n_named"] = f.get("n_named", 0.0) + 1.0
        if site:
            f["n_sites"] = f.get("n_sites", 0.0) + 1.0
        elif c.value.precision != "city" or is_site(c.value.text):
            c.value = p  # the town itself names the candidate, not a street in it
        sent_start, sent_end = position_cues(f, page, p.start, THRESHOLDS.max_sentence)
        last = (p.text.lower().split() or [""])[-1].strip(".,")
        f["m:" + (last if last in _KIND_WORDS else "name")] = 1.0
        for w in window(p.start, p.end, sent_start, sent_end, THRESHOLDS.window, sentence=False):
            f[w] = 1.0
    named = len(cands)
    if dateline is not None and dateline.latitude is not None and not _near(cands, dateline, THRESHOLDS.same_km):
        cands.append(Candidate(key=_key(dateline), value=dateline,
                               features={"precision_city": 1.0, "dateline_only": 1.0, "n_named": 1.0,
                                         "first_sentence": 0.0}))
    town = _outlet_town(outlet)
    if town is not None and not _near(cands, town, THRESHOLDS.same_km):
        cands.append(Candidate(key=_key(town), value=town,
                               features={"outlet_town": 1.0, "outlet_alone": float(not named)}))
    for c in cands:
        f, p = c.features, c.value
        f["n_named"] = math.log1p(f.get("n_named", 0.0))
        f["n_sites"] = math.log1p(f.get("n_sites", 0.0))
        f["first_sentence"] = f.get("first_sentence", THRESHOLDS.max_sentence) / THRESHOLDS.max_sentence
        others = sum(1 for o in cands if o is not c and haversine_km(
            o.value.latitude, o.value.longitude, p.latitude, p.longitude) <= THRESHOLDS.support_km)
        f["support"] = math.log1p(others)
        f["only"] = float(len(cands) == 1)
        if region is not None and p.admin1 == region:
            f["main_region"] = 1.0
        if outlet is not None and outlet.admin1 is not None:
            f["home_region" if (p.country, p.admin1) == (outlet.country, outlet.admin1) else "away_region"] = 1.0
        if f.get("away_region") and not others and not f.get("main_region"):
            f["away_alone"] = 1.0  # a namesake in another state than the outlet's that nothing backs
        if town is not None and haversine_km(town.latitude, town.longitude, p.latitude, p.longitude) \
                <= THRESHOLDS.support_km:
            f["near_outlet_town"] = outlet.local_share
        if dateline is not None and haversine_km(dateline.latitude, dateline.longitude,
                                                 p.latitude, p.longitude) <= THRESHOLDS.support_km:
            f["near_dateline"] = 1.0
    return cands


def story_places(doc: Document, outlet: Outlet | None = None) -> list[Place]:
    """The page's places as the story reads them: a name the NER cut before its level word
    ("Becker" of "Becker County Sheriff's Office") read as the county it names, not a town of
    that name elsewhere; and the towns and counties the page's police forces are named after
    ("Waycross Police", "the Williamson County Sheriff's office"), which the NER reads as
    organisations, yet the force of a town polices that town. The changed and added names are
    resolved together with the page's others (and the outlet's region), so a namesake
    elsewhere loses as it would."""
    text = doc.text
    spans = {(p.start, p.end): (p.text, p.start, p.end) for p in doc.places}
    for p in doc.places:
        level = _LEVEL_AFTER.match(text, p.end)
        if level is not None:
            spans[(p.start, p.end)] = (text[p.start:level.end()], p.start, level.end())
    added = []
    for m in _AGENCY.finditer(text):
        tokens = list(re.finditer(r"\S+", m.group(1)))
        while tokens and tokens[0].group().rstrip(".") in _NOT_TOWN:
            tokens.pop(0)
        while tokens and tokens[-1].group() in _NOT_TOWN - _LEVELS:
            tokens.pop()
        if not tokens:
            continue
        start, end = m.start(1) + tokens[0].start(), m.start(1) + tokens[-1].end()
        if not any(a < end and start < b for _, a, b in list(spans.values()) + added):
            added.append((text[start:end], start, end))
    changed = {v for k, v in spans.items() if k != v[1:]}
    if not added and not changed:
        return list(doc.places)
    wanted = changed | set(added)
    mentions = sorted(list(spans.values()) + added, key=lambda x: x[1])
    home = (outlet.country, outlet.admin1) if outlet is not None else None
    reread = {m: p for m, p in zip(mentions, resolve_places(mentions, text, home=home)) if m in wanted}
    return [reread.get(spans[(p.start, p.end)], p) for p in doc.places] + [reread[m] for m in added]


def in_market(places: list[Place], outlet: Outlet | None) -> list[Place]:
    """A town or county read far from a local outlet's town that has a namesake in the outlet's
    market is that namesake: a Philadelphia station's "Wilmington" is Delaware's, not North
    Carolina's (an outlet on a state line has no state to place it by)."""
    town = _outlet_town(outlet)
    if town is None:
        return places
    out = []
    for p in places:
        if p.latitude is not None and p.precision in ("city", "admin2") and haversine_km(
                p.latitude, p.longitude, town.latitude, town.longitude) > THRESHOLDS.market_km:
            near = [c for c in candidates(p.text)[0] if c.kind in ("city", "admin2") and haversine_km(
                c.lat, c.lon, town.latitude, town.longitude) <= THRESHOLDS.market_km]
            if near:
                p = place_of(p.text, p.start, p.end, max(near, key=lambda c: c.population))
        out.append(p)
    return out


def outlet_tail(text: str) -> list[tuple[int, int]]:
    """The span of the title's tail that names the outlet ("... - KSLA News 12 Shreveport,
    Louisiana News Weather & Sports"), if the first line has one: its towns are the outlet's
    home, as often far from the incident as near it (fit split: 10 of 21 towns beyond 50 km)."""
    first = text[:text.find("\n")] if "\n" in text else text
    m = _OUTLET_TAIL.search(first)
    return [(m.start(), m.end())] if m else []


def _near(cands: list[Candidate], p: Place, km: float) -> bool:
    return any(haversine_km(c.value.latitude, c.value.longitude, p.latitude, p.longitude) <= km for c in cands)


def _outlet_town(outlet: Outlet | None) -> Place | None:
    """The town an outlet reports on most, as a place no words of the page name (offsets 0)."""
    if outlet is None or outlet.town is None or outlet.latitude is None:
        return None
    return Place(text="", name=outlet.town, country=outlet.country, admin1=outlet.admin1, latitude=outlet.latitude,
                 longitude=outlet.longitude, geonameid=None, precision="city", start=0, end=0)


def incident_place(doc: Document, sentences: Sequence[tuple[int, str]], dateline: Place | None = None,
                   outlet: Outlet | None = None) -> tuple[Place | None, float]:
    """The surest candidate place and its probability ((None, 0.0) without a model or candidates)."""
    model = load_model(MODEL_NAME)
    cands = place_candidates(doc, sentences, dateline, outlet)
    if model is None or not cands:
        return None, 0.0
    best = max(cands, key=lambda c: model.probability(c.features))
    return best.value, model.probability(best.features)
