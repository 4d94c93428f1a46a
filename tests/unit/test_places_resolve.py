import math

import pytest

from eventwire.model import Place
from eventwire.geo.places import resolve_place, resolve_places


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(a))


def mentions(text, names):
    out = []
    for n in names:
        i = text.index(n)
        out.append((n, i, i + len(n)))
    return out


SYRIA = ("UN-mediated talks on Syria resumed in Geneva. Air raids on Aleppo killed 19. "
         "Much of Idlib province including Saraqib is held by rebels. Bogdanov was in Tehran.")


@pytest.mark.parametrize("name, lat, lon, max_km, precision, iso3", [
    ("Aleppo", 36.20124, 37.16117, 1, "city", "SYR"),
    ("Idlib province", 35.93, 36.63, 60, "admin1", "SYR"),
    ("Saraqib", 35.86447, 36.80591, 1, "city", "SYR"),
    ("Tehran", 35.69439, 51.42151, 1, "city", "IRN"),
    ("Geneva", 46.20222, 6.14569, 1, "city", "CHE"),
    ("Syria", 35.0, 38.0, 150, "country", "SYR"),
])
def test_syria_article(name, lat, lon, max_km, precision, iso3):
    names = ["Syria", "Geneva", "Aleppo", "Idlib province", "Saraqib", "Tehran"]
    got = {p.text: p for p in resolve_places(mentions(SYRIA, names), SYRIA)}
    p = got[name]
    assert km(p.latitude, p.longitude, lat, lon) <= max_km
    assert p.precision == precision
    assert p.country == iso3


def test_country_context_moves_ambiguous_name():
    text = "Police in Cleveland, Ohio, said a man from Geneva was arrested."
    got = {p.text: p for p in resolve_places(mentions(text, ["Cleveland", "Ohio", "Geneva"]), text)}
    assert got["Geneva"].country == "USA"
    assert got["Geneva"].admin1 == "Ohio"


def test_offsets_and_text_kept():
    text = "Shelling hit Aleppo."
    [p] = resolve_places([("Aleppo", 13, 19)], text)
    assert isinstance(p, Place)
    assert (p.text, p.start, p.end) == ("Aleppo", 13, 19)
    assert p.geonameid == 170063


@pytest.mark.parametrize("name", ["Xyzzyqwert", "North", "Guhdarovka Street"])
def test_unknown_is_not_guessed(name):
    p = resolve_place(name)
    assert p.latitude is None and p.longitude is None and p.precision is None


@pytest.mark.parametrize("name, precision, iso3", [
    ("Russian Federation", "country", "RUS"),
    ("the United States", "country", "USA"),
    ("Idlib", "city", "SYR"),
    ("Aleppo governorate", "admin1", "SYR"),
    ("California", "admin1", "USA"),
])
def test_resolve_place_precision(name, precision, iso3):
    p = resolve_place(name)
    assert (p.precision, p.country) == (precision, iso3)


@pytest.mark.parametrize("name, admin1", [("Orange County", "California")])
def test_county_is_admin2(name, admin1):
    p = resolve_place(name)
    assert p.precision == "admin2" and p.admin1 == admin1 and p.latitude is not None


def test_country_adjectives_are_context():
    # "Damascus" alone is the Syrian capital by population; a US context moves it.
    text = "American officials said the storm hit Damascus and Frederick in Maryland."
    got = {p.text: p for p in resolve_places(mentions(text, ["Damascus", "Frederick", "Maryland"]), text)}
    assert got["Damascus"].country == "USA"
