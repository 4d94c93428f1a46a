"""ACLED-derived places in resolution: their prior against GeoNames namesakes, and the text's
admin hierarchy matched against their own admin1/admin2 (a tiny hand-made index)."""
import pytest

from eventwire.geo import build, lookup
from eventwire.geo.lookup import HOW_NAME, SOURCE_ACLED, normalize
from eventwire.geo.places import resolve_places
from place_mentions import mentions


def _geo(gid, name, lat, lon, iso3, admin1, pop, kind="city"):
    return (gid, name, lat, lon, iso3, admin1, pop, kind), [(normalize(name), HOW_NAME)]


def _acled(name, lat, lon, iso3, admin1, admin2):
    return (None, name, lat, lon, iso3, admin1, 0, "city", admin2, SOURCE_ACLED), [(normalize(name), HOW_NAME)]


ROWS = [
    _geo(1, "Congo", -2.9, 23.6, "COD", None, 90_000_000, "country"),
    _geo(2, "Peru", -9.2, -75.0, "PER", None, 32_000_000, "country"),
    _geo(3, "Nord Kivu", -0.8, 29.0, "COD", "Nord Kivu", 6_000_000, "admin1"),
    _geo(4, "Goma", -1.68, 29.22, "COD", "Nord Kivu", 670_000),
    # a village both sources know, 60 km apart: GeoNames' (with a population) keeps the name
    _geo(5, "Kibati", -1.20, 29.10, "COD", "Nord Kivu", 1_200),
    _acled("Kibati", -1.60, 29.30, "COD", "Nord Kivu", "Nyiragongo"),
    # a village only ACLED knows, with a bigger namesake abroad
    _geo(6, "Tshanzu", -12.0, -77.0, "PER", "Lima", 3_000),
    _acled("Tshanzu", -1.335, 29.544, "COD", "Nord Kivu", "Rutshuru"),
    # two ACLED villages of one name in one country: the district tells them apart
    _acled("Buhumba", -1.30, 29.40, "COD", "Nord Kivu", "Rutshuru"),
    _acled("Buhumba", -1.55, 29.25, "COD", "Nord Kivu", "Nyiragongo"),
]


@pytest.fixture()
def tiny_index(tmp_path, monkeypatch):
    monkeypatch.setattr(build, "_rows", lambda: iter(ROWS))
    monkeypatch.setattr(build, "_demonyms", lambda: [("congolese", "COD")])
    gaz = lookup.Gazetteer(build.build(tmp_path / "g.sqlite"))
    monkeypatch.setattr(lookup, "get", lambda: gaz)
    return gaz


def _resolve(text, names):
    return resolve_places(mentions(text, names), text)


def test_candidates_carry_source_and_admin2(tiny_index):
    got = tiny_index.lookup("tshanzu")
    assert [c.source for c in got] == ["geonames", SOURCE_ACLED]  # most populous first
    acled = got[1]
    assert (acled.admin2, acled.geonameid, acled.kind) == ("Rutshuru", None, "city")


@pytest.mark.parametrize("text, names, iso3", [
    # no context: the bigger namesake abroad
    ("Gunmen attacked Tshanzu overnight.", ["Tshanzu"], "PER"),
    # the document is about Congo: the ACLED village
    ("In Congo, gunmen attacked Tshanzu near Goma.", ["Congo", "Tshanzu", "Goma"], "COD"),
])
def test_country_context_lifts_acled_place_over_namesake_abroad(tiny_index, text, names, iso3):
    place = next(p for p in _resolve(text, names) if p.text == "Tshanzu")
    assert place.country == iso3


def test_geonames_town_of_same_country_keeps_the_name(tiny_index):
    text = "In Congo, gunmen attacked Kibati near Goma."
    place = next(p for p in _resolve(text, ["Congo", "Kibati", "Goma"]) if p.text == "Kibati")
    assert place.geonameid == 5


@pytest.mark.parametrize("district, lat", [("Rutshuru", -1.30), ("Nyiragongo", -1.55)])
def test_district_in_parentheses_picks_the_acled_village(tiny_index, district, lat):
    # the district is in no index: only the candidates' own admin2 can match it
    text = f"On 3 May, militia looted Buhumba ({district}, Nord Kivu)."
    place = _resolve(text, ["Buhumba", "Nord Kivu"])[0]
    assert place.latitude == pytest.approx(lat) and place.precision == "city"


def test_region_in_parentheses_picks_acled_village_over_namesake(tiny_index):
    text = "On 3 May, militia looted Tshanzu (Nord Kivu)."
    place = _resolve(text, ["Tshanzu", "Nord Kivu"])[0]
    assert place.country == "COD" and place.latitude == pytest.approx(-1.335)
