"""Names inside unknown names, counties following the state a text names, and sites placed in
the town a document is about (hand-written sentences)."""
import pytest

from eventwire.geo.lookup import Candidate
from eventwire.geo.mentions import Mention
from eventwire.geo.places import region_weight, resolve_places
from place_mentions import mentions


def resolved(text, names):
    return resolve_places(mentions(text, names), text)


@pytest.mark.parametrize("text, name, iso3, admin1", [
    ("Ranchers in East Texas fear the drought.", "East Texas", "USA", "Texas"),
    ("The meeting was held at Hilltop Farm, Saskatchewan last week.", "Hilltop Farm, Saskatchewan", "CAN",
     "Saskatchewan"),
    ("Divers searched the Nairobi River on Sunday.", "the Nairobi River", "KEN", None),
])
def test_known_name_inside_unknown_name(text, name, iso3, admin1):
    [p] = resolved(text, [name])
    assert p.country == iso3
    assert admin1 is None or p.admin1 == admin1


@pytest.mark.parametrize("text, name", [
    ("Protesters marched along Richmond Road.", "Richmond Road"),  # a street named after a town
    ("Envoys of the Ottoman Empire met.", "the Ottoman Empire"),  # an ordinary word is not a town
    ("Mass was said at St Mary's Hall.", "St Mary's Hall"),  # an owner, not a place
])
def test_inner_name_that_is_no_place(text, name):
    [p] = resolved(text, [name])
    assert p.latitude is None


@pytest.mark.parametrize("state, counties", [
    ("Tennessee", ["Greene County", "Carter County", "Washington County"]),
    ("Ohio", ["Franklin County", "Licking County", "Madison County"]),
    ("Georgia", ["Fulton County", "Cobb County", "Jackson County"]),
])
def test_counties_follow_the_state_named(state, counties):
    a, b, c = counties
    text = f"{state} lawmakers passed the bill. {a} schools get $8,000, {b} schools $9,000 and {c} schools $7,000."
    got = resolved(text, [state, *counties])
    assert [p.admin1 for p in got[1:]] == [state] * 3


def _town(admin1, population):
    return Candidate("Oakdale", None, 40.0, -90.0, "USA", admin1, population, "city")


@pytest.mark.parametrize("cands, weight", [
    ([_town("Iowa", 5000)], 1.0),
    ([_town("Iowa", 5000), _town("Iowa", 800)], 1.0),  # namesakes in one state agree on it
    ([_town("Iowa", 5000), _town("Texas", 9000)], 0.3),  # a like-sized namesake elsewhere
    ([_town("Iowa", 5000), _town("Texas", 100)], 1.0),  # a hamlet elsewhere is no rival
])
def test_region_evidence_of_a_town_with_namesakes(cands, weight):
    m = Mention("Oakdale", 0, 7, cands)
    assert region_weight(cands[0], m) == weight


@pytest.mark.parametrize("site", ["Moi Avenue", "the Kenyatta Stadium", "Uhuru Park"])
def test_site_is_placed_in_the_town_of_the_story(site):
    text = f"Crowds filled Nairobi on Friday. In Nairobi, police closed {site} for the parade."
    got = resolved(text, ["Nairobi", "Nairobi", site])
    assert got[2].name == "Nairobi"
    assert got[2].precision == "city"


@pytest.mark.parametrize("text, names", [
    ("Police closed Moi Avenue.", ["Moi Avenue"]),  # no town named
    # two towns, named once each: no clear town
    ("Fans left Nairobi and Mombasa for Kasarani Stadium.", ["Nairobi", "Mombasa", "Kasarani Stadium"]),
])
def test_site_without_a_clear_town_is_not_guessed(text, names):
    assert resolved(text, names)[-1].latitude is None


@pytest.mark.parametrize("text, names, mention, wrong_country", [
    # "Canoas" is a Brazilian city; the rest of the page is in Colombia
    ("Police in Bogota said the bus burned near La Canoas in Antioquia, Colombia.",
     ["Bogota", "La Canoas", "Antioquia", "Colombia"], "La Canoas", "BRA"),
    # a park named after a town is not in that town (Alexandra, South Africa)
    ("Crowds gathered in Alexandra Park in Hastings, England, on Saturday.",
     ["Alexandra Park", "Hastings", "England"], "Alexandra Park", "ZAF"),
])
def test_inner_name_guess_needs_the_documents_backing(text, names, mention, wrong_country):
    got = {p.text: p for p in resolved(text, names)}
    assert got[mention].country != wrong_country


def test_a_district_of_the_storys_country_is_not_a_big_namesake_abroad():
    text = ("Police in Addis Ababa, Ethiopia, detained the editor at his home in the Bole district "
            "on Monday. Ethiopia has detained dozens of reporters.")
    got = {p.text: p for p in resolved(text, ["Addis Ababa", "Ethiopia", "Bole", "Ethiopia"])}
    assert got["Bole"].country != "CHN"  # Bole, China: a city of 200,000, but this is a district


@pytest.mark.parametrize("name, iso3", [
    ("eastern Democratic Republic of Congo", "COD"),
    ("southern Lebanon", "LBN"),
    ("north-western Syria", "SYR"),
])
def test_a_side_of_a_place_is_that_place(name, iso3):
    text = f"Fighting spread across {name} on Monday."
    [p] = resolved(text, [name])
    assert p.country == iso3 and p.precision == "country"


def test_a_square_named_after_a_town_is_in_the_storys_town():
    text = ("Police fired tear gas in Santiago, Chile, on Friday. In Santiago, thousands gathered in "
            "Plaza Baquedano before the march.")
    got = resolved(text, ["Santiago", "Chile", "Santiago", "Plaza Baquedano"])
    assert got[3].name == "Santiago"  # not Baquedano, a town in the Atacama
