"""Where an event is placed when the text gives a hierarchy, a quarter or a level word
(invented sentences in the notes' style and in news prose)."""
import pytest

import eventwire
from eventwire import main_event
from eventwire.geo import haversine_km
from eventwire.geo.levelnames import level_named
from eventwire.nlp import load


def _main_place(text):
    # published a week after the day the notes give (the ACLED notes' rule)
    day = {"June": "2022-06-15", "March": "2022-03-29", "April": "2022-04-27"}
    published = next((v for k, v in day.items() if f" {k} 2022" in text), "2022-06-20")
    ev = main_event(eventwire.extract(text, published=published))
    assert ev is not None and ev.location is not None
    return ev.location


def test_place_itself_before_the_regions_listed_for_it():
    loc = _main_place("On 8 June 2022, in Kyun Pin Lay village (Palaw township, Myeik district, Tanintharyi "
                      "region), soldiers arrested six civilians.")
    assert loc.text not in ("Myeik", "Tanintharyi region")


@pytest.mark.parametrize("text, town", [
    ("On 22 March 2022, in Tlapacoyan, Veracruz, truck drivers staged a protest against fuel prices.",
     "Tlapacoyan"),
    ("Truck drivers staged a protest in Tlapacoyan, Veracruz, on Tuesday against fuel prices.", "Tlapacoyan"),
])
def test_town_before_its_region_in_apposition(text, town):
    assert _main_place(text).text == town


@pytest.mark.parametrize("text, lat, lon", [
    ("On 20 April 2022, in Iranduba (Amazonas), a man was shot and killed in the Morada do Sol "
     "neighborhood by armed men.", -3.28, -60.19),
    ("Police said a man was shot dead in the Las Palmas neighborhood of Camacari, Bahia, on Sunday.",
     -12.70, -38.32),
])
def test_quarter_is_placed_in_its_town(text, lat, lon):
    loc = _main_place(text)
    assert loc.latitude is not None and haversine_km(loc.latitude, loc.longitude, lat, lon) <= 25


def test_deir_ez_zor_is_one_name():
    doc = eventwire.extract("An IED exploded near a patrol in Deir ez Zor countryside on Monday.",
                            published="2022-06-20")
    assert any(p.text.startswith("Deir ez Zor") and p.country == "SYR" for p in doc.places)


@pytest.mark.parametrize("text, names", [
    ("Turkish warplanes struck militants in Gire Cudi area in Al Amadiya district of Duhok.", ["Gire Cudi"]),
    ("The Trump camp said the Euro zone was fine.", []),
    ("Security zone rules were eased on Monday.", []),
])
def test_names_before_a_level_word(text, names):
    assert [t for t, _, _ in level_named(load()(text))] == names
