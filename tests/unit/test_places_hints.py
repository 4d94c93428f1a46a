"""Admin hints, country context and fall-backs in place resolution (hand-made sentences)."""
import pytest

from eventwire.geo import haversine_km
from eventwire.geo.places import resolve_places
from place_mentions import mentions


def km(p, lat, lon):
    return haversine_km(p.latitude, p.longitude, lat, lon)


def resolve(text, names):
    out = mentions(text, names)
    return {(p.text, p.start): p for p in resolve_places(out, text)}, out


def first(text, names, name):
    got, ms = resolve(text, names)
    start = next(s for n, s, _ in ms if n == name)
    return got[(name, start)]


@pytest.mark.parametrize("text, names, name, iso3, admin1", [
    # the parenthetical "(admin2, admin1)" beats a bigger namesake
    ("Farmers protested in Paris (Lamar, Texas) on Monday.", ["Paris", "Lamar", "Texas"], "Paris", "USA", "Texas"),
    # a region in apposition: "Athens, Georgia" is the American one
    ("Police in Athens, Georgia, arrested two men.", ["Athens", "Georgia"], "Athens", "USA", "Georgia"),
    # French region names and their English forms
    ("Militias attacked Rutshuru (Rutshuru, Nord-Kivu) at dawn.", ["Rutshuru", "Rutshuru", "Nord-Kivu"],
     "Rutshuru", "COD", None),
])
def test_hints_choose_the_candidate(text, names, name, iso3, admin1):
    p = first(text, names, name)
    assert p.country == iso3
    if admin1:
        assert p.admin1 == admin1


@pytest.mark.parametrize("name", ["North Kivu", "Nord Kivu", "North Kivu province"])
def test_english_and_french_region_names(name):
    text = f"Fighting spread across {name} this week."
    p = first(text, [name], name)
    assert p.country == "COD" and p.precision == "admin1"


def test_hint_positions_are_regions():
    # "(Bolivar)" after a town is the state, not Ciudad Bolivar; the town keeps city precision
    text = "Residents blocked a road in Ciudad Guayana (Bolivar) to demand water."
    got, _ = resolve(text, ["Ciudad Guayana", "Bolivar"])
    town, state = got[("Ciudad Guayana", text.index("Ciudad"))], got[("Bolivar", text.index("Bolivar"))]
    assert town.precision == "city" and town.country == "VEN"
    assert state.precision == "admin1" and state.country == "VEN"


@pytest.mark.parametrize("text, names, name, lat, lon, precision", [
    # unknown town: placed at the district its parenthesis names, with that precision
    ("Gunmen raided Qwertyvale (Goma, Nord-Kivu) overnight.", ["Qwertyvale", "Goma", "Nord-Kivu"],
     "Qwertyvale", -1.68, 29.23, "admin2"),
    # only the first-level region is known
    ("Gunmen raided Qwertyvale (Zzyzxland, Ituri) overnight.", ["Qwertyvale", "Ituri"], "Qwertyvale",
     2.07, 30.41, "admin1"),
    # a small namesake abroad is not the place: the region named after it is
    ("Locals attacked a thief in Hays (Oyam, Northern) on Sunday.", ["Hays", "Oyam", "Northern"], "Hays",
     2.23, 32.38, "admin2"),
    # "X district of Y": Y places X when X is not known there
    ("Shelling hit the Shevchenkivskyi district of Zaporizhzhia on Friday.", ["Shevchenkivskyi"],
     "Shevchenkivskyi", 47.82, 35.19, None),
])
def test_fallback_to_the_named_region(text, names, name, lat, lon, precision):
    p = first(text, names, name)
    assert p.latitude is not None
    assert km(p, lat, lon) < 150
    if precision:
        assert p.precision == precision


@pytest.mark.parametrize("text, names, name, bad_iso3", [
    ("Rebels attacked villages in Beni territory, North Kivu province, the army said in Kinshasa.",
     ["Beni territory", "North Kivu province", "Kinshasa"], "Beni territory", "BOL"),
    ("Police in Harare and Bulawayo said protesters marched through Avondale on Tuesday.",
     ["Harare", "Bulawayo", "Avondale"], "Avondale", "USA"),
])
def test_document_country_beats_a_namesake_abroad(text, names, name, bad_iso3):
    p = first(text, names, name)
    assert p.country != bad_iso3


def test_beni_territory_is_in_congo():
    text = "Rebels attacked villages in Beni territory, North Kivu province, the army said in Kinshasa."
    p = first(text, ["Beni territory", "North Kivu province", "Kinshasa"], "Beni territory")
    assert p.country == "COD"


def test_a_country_named_is_not_where_the_story_is():
    # a march in Finland against the war in Ukraine: Oulu stays Finnish
    text = "Hundreds marched in Oulu against the war in Ukraine and in support of Kyiv."
    p = first(text, ["Oulu", "Ukraine", "Kyiv"], "Oulu")
    assert p.country == "FIN"


def test_big_city_abroad_keeps_its_reading():
    text = "Talks on Aleppo and Idlib resumed in Geneva while shelling hit Saraqib."
    p = first(text, ["Aleppo", "Idlib", "Geneva", "Saraqib"], "Geneva")
    assert p.country == "CHE"
