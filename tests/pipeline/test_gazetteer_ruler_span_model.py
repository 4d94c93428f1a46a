"""The span model decides every capitalised name the gazetteer knows, whatever the NER said;
a site's name is one unit (hand-written sentences)."""
import pytest

from eventwire import nlp as nlp_stage
from eventwire.geo import placeness


@pytest.fixture(scope="module")
def nlp():
    return nlp_stage.load()


def ents(nlp, text):
    return {e.text: e.label_ for e in nlp(text).ents}


def test_model_file_matches_features():
    assert placeness.model() is not None


@pytest.mark.parametrize("text, place", [
    ("Two men were killed by a bomb in Manbij on Tuesday.", "Manbij"),
    ("Shelling killed three people in Qamishli overnight, activists said.", "Qamishli"),
    ("LONDON, Ont. - Hundreds gathered on Saturday.", "Ont."),
])
def test_places_found_whatever_the_ner_says(nlp, text, place):
    assert ents(nlp, text).get(place) in ("GPE", "LOC")


@pytest.mark.parametrize("text, word", [
    ("Villagers armed with Dane guns attacked the police post.", "Dane"),  # a common noun's modifier
    ("A rally was held in Victoria Park on Saturday.", "Victoria"),       # the first word of a site
])
def test_words_of_other_names_are_not_places(nlp, text, word):
    assert ents(nlp, text).get(word) not in ("GPE", "LOC")


def test_site_is_one_entity(nlp):
    assert ents(nlp, "Protesters marched from Victoria Park to City Hall.").get("Victoria Park") == "FAC"
