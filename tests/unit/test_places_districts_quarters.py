"""Districts read off the ACLED training notes (a village no gazetteer has falls back to its
district), quarters of a town ("the X neighborhood"), and the regions a text lists for a place
(invented sentences, a tiny hand-made index)."""
import pytest

from eventwire.extract.events.setting import _apposed
from eventwire.geo import build, lookup
from eventwire.geo.data import INDEX
from eventwire.geo.hints import in_region_list
from eventwire.geo.lookup import HOW_NAME, SOURCE_ACLED, normalize
from eventwire.geo.mentions import is_quarter
from eventwire.geo.places import resolve_places
from eventwire.model import Place
from place_mentions import mentions
from training.build_acled_places import areas


def _geo(gid, name, lat, lon, iso3, admin1, pop, kind="city"):
    return (gid, name, lat, lon, iso3, admin1, pop, kind), [(normalize(name), HOW_NAME)]


AREAS = [
    # a district only the notes name, and a sub-district inside it
    {"name": "Walungu", "level": "admin2", "country": "COD", "admin1": "Sud Kivu", "admin2": None,
     "lat": -2.60, "lon": 28.70, "events": 4},
    {"name": "Kaniola", "level": "admin3", "country": "COD", "admin1": "Sud Kivu", "admin2": "Walungu",
     "lat": -2.55, "lon": 28.65, "events": 2},
    # a district GeoNames has already, 20 km off: the index keeps GeoNames' one
    {"name": "Kabare", "level": "admin2", "country": "COD", "admin1": "Sud Kivu", "admin2": None,
     "lat": -2.30, "lon": 28.80, "events": 3},
]
GEONAMES = [
    _geo(1, "Congo", -2.9, 23.6, "COD", None, 90_000_000, "country"),
    _geo(2, "Sud Kivu", -3.0, 28.3, "COD", "Sud Kivu", 5_000_000, "admin1"),
    _geo(3, "Bukavu", -2.50, 28.86, "COD", "Sud Kivu", 800_000),
    _geo(4, "Kabare", -2.45, 28.85, "COD", "Sud Kivu", 500_000, "admin2"),
    # a town of a district's name far away, and a quarter's namesake in another country
    _geo(5, "Walungu", 10.0, 10.0, "NGA", "Bauchi", 2_000),
    _geo(6, "Brazil", -10.0, -55.0, "BRA", None, 210_000_000, "country"),
    _geo(7, "Iranduba", -3.28, -60.19, "BRA", "Amazonas", 40_000),
    _geo(8, "Amazonas", -4.0, -63.0, "BRA", "Amazonas", 4_000_000, "admin1"),
    _geo(9, "Morada", -18.6, -45.4, "BRA", "Minas Gerais", 9_000),
]


@pytest.fixture()
def tiny_index(tmp_path, monkeypatch):
    admin2 = [r for r in GEONAMES if r[0][7] == "admin2"]
    rows = GEONAMES + list(build._acled_area_rows(admin2, {}, {}, areas=AREAS))
    monkeypatch.setattr(build, "_rows", lambda: iter(rows))
    monkeypatch.setattr(build, "_demonyms", lambda: [("congolese", "COD")])
    gaz = lookup.Gazetteer(build.build(tmp_path / "g.sqlite"))
    monkeypatch.setattr(lookup, "get", lambda: gaz)
    return gaz


def test_area_rows_are_districts_of_the_notes(tiny_index):
    walungu = [c for c in tiny_index.lookup("walungu") if c.source == SOURCE_ACLED]
    assert [(c.kind, c.admin2, c.population) for c in walungu] == [("admin2", "Walungu", INDEX.acled_area_population)]
    kaniola = tiny_index.lookup("kaniola")[0]
    assert (kaniola.kind, kaniola.admin2) == ("admin2", "Walungu")  # a sub-district files its district
    assert [c.source for c in tiny_index.lookup("kabare")] == ["geonames"]  # GeoNames' district kept


def test_village_no_index_has_falls_back_to_its_district(tiny_index):
    text = "On 3 May 2022, militiamen attacked Mulamba village (Walungu, Sud Kivu), killing two civilians."
    place = resolve_places(mentions(text, ["Mulamba", "Walungu", "Sud Kivu"]), text)[0]
    assert (place.name, place.precision) == ("Walungu", "admin2")
    assert place.latitude == pytest.approx(-2.60)


def test_district_in_news_prose_beats_a_village_of_its_name_abroad(tiny_index):
    text = "Gunmen killed two farmers in the Mulamba area of Walungu territory in Congo on Monday."
    place = resolve_places(mentions(text, ["Mulamba", "Walungu", "Congo"]), text)[0]
    assert place.country == "COD" and place.precision in ("admin2", "city")
    assert place.latitude == pytest.approx(-2.60)


def test_quarter_lies_in_the_town_not_in_a_namesake(tiny_index):
    text = "In Iranduba (Amazonas), Brazil, a man was shot dead in the Morada do Sol neighborhood."
    got = {p.text: p for p in resolve_places(mentions(text, ["Iranduba", "Amazonas", "Brazil", "Morada"]), text)}
    assert got["Morada"].name == "Iranduba"


def test_quarter_without_a_town_is_left_unplaced(tiny_index):
    text = "A man was shot dead in the Morada do Sol neighborhood, police said."
    assert resolve_places(mentions(text, ["Morada"]), text)[0].latitude is None


@pytest.mark.parametrize("text, name, quarter", [
    ("shots in the Morada do Sol neighborhood", "Morada", True),
    ("a raid in Inga neighbourhood", "Inga", True),
    ("a raid in Inga town on Friday", "Inga", False),
    ("they marched to Inga. The neighborhood was calm", "Inga", False),
])
def test_is_quarter(text, name, quarter):
    end = text.index(name) + len(name)
    assert is_quarter(text, end) is quarter


@pytest.mark.parametrize("name, listed", [
    ("Mulamba", False), ("Walungu", True), ("Sud Kivu", True), ("Kamituga", False), ("Mwenga", True),
])
def test_in_region_list(name, listed):
    text = ("Militiamen attacked Mulamba village (Walungu territory, Sud Kivu province). Others raided a "
            "market (coded to Kamituga) (Mwenga, Sud Kivu).")
    start = text.index(name)
    assert in_region_list(text, start, start + len(name)) is listed


def _place(text, name, precision):
    start = text.index(name)
    return Place(text=name, name=name, country="MEX", admin1=None, latitude=1.0, longitude=1.0,
                 geonameid=None, precision=precision, start=start, end=start + len(name))


@pytest.mark.parametrize("text, first, second, apposed", [
    ("Truckers marched in Tlapacoyan, Veracruz, on Monday.", "Tlapacoyan", "Veracruz", True),
    ("Shells hit Shostka district, Sumy, overnight.", "Shostka", "Sumy", True),
    ("Protests in Tlapacoyan and Veracruz on Monday.", "Tlapacoyan", "Veracruz", False),
])
def test_region_in_apposition(text, first, second, apposed):
    a, b = _place(text, first, "city"), _place(text, second, "city")
    assert _apposed(b, [a, b], text) is apposed
    assert not _apposed(a, [a, b], text)


def test_coarser_place_before_does_not_make_a_town_its_region():
    text = "Women marched in Artuklu town, Mardin on Tuesday."
    a, b = _place(text, "Artuklu", "admin2"), _place(text, "Mardin", "city")
    assert not _apposed(b, [a, b], text)


def test_district_then_region_in_apposition(tiny_index):
    text = "Gunmen killed two farmers in Walungu territory, Sud Kivu, on Monday."
    place = resolve_places(mentions(text, ["Walungu", "Sud Kivu"]), text)[0]
    assert (place.country, place.precision) == ("COD", "admin2")


def test_training_areas_take_the_median_point_of_their_events():
    rows = [{"country": "Ukraine", "admin1": "Kharkiv", "admin2": "Iziumskyi", "admin3": "Balakliiska",
             "latitude": lat, "longitude": 36.0} for lat in (49.0, 49.2, 50.0)]
    got = {(a["level"], a["name"]): a for a in areas(rows)}
    assert got[("admin2", "Iziumskyi")]["lat"] == 49.2 and got[("admin2", "Iziumskyi")]["events"] == 3
    assert got[("admin3", "Balakliiska")]["admin2"] == "Iziumskyi"
