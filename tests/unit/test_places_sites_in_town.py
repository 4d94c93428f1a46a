"""Streets, parks and buildings lie in the story's town, not in a far namesake; the resolver's
weights file fits its feature list (hand-written sentences)."""
from eventwire.geo import ranking
from eventwire.geo.places import resolve_places
from place_mentions import mentions


def resolved(text, names):
    return resolve_places(mentions(text, names), text)


def test_park_in_a_london_ontario_story():
    text = ("LONDON, Ont. - Hundreds rallied in Victoria Park on Saturday. Police in London said the march "
            "went on to City Hall.")
    got = {p.text: p for p in resolved(text, ["LONDON", "Ont.", "Victoria Park", "London", "City Hall"])}
    assert got["LONDON"].country == "CAN"
    assert got["Victoria Park"].country == "CAN" and got["Victoria Park"].name == "London"
    assert got["City Hall"].name == "London"


def test_site_namesake_far_away_is_not_taken():
    text = "In Springfield, Illinois, the council met at City Hall. Springfield police closed Main Street."
    got = {p.text: p for p in resolved(text, ["Springfield", "Illinois", "City Hall", "Springfield",
                                              "Main Street"])}
    assert got["City Hall"].admin1 == "Illinois"
    assert got["Main Street"].admin1 == "Illinois"


def test_resolver_weights_cover_the_features():
    assert len(ranking.weights()) == len(ranking.FEATURES) == len(ranking.hand_weights())
