"""A sentence with no place of its own happened where its paragraph said, even when the
sentence that named the place reported no event; a new paragraph or a dateline does not carry."""
import pytest

import eventwire
from event_lookup import event_with


@pytest.mark.parametrize("text,word,place", [
    ("Residents of Jos in Plateau state gathered outside the governor's office on Monday. "
     "Unknown gunmen later shot dead two men who were walking home.", "gunmen", "Jos"),
    ("Thousands have fled their homes around Kidal in northern Mali this year. "
     "Rebels abducted nine farmers on Tuesday.", "abducted", "Kidal"),
])
def test_sentence_without_place_takes_the_paragraphs_scene(text, word, place):
    doc = eventwire.extract(text, published="2024-03-12", mentions=True)  # the mention's own scene
    ev = event_with(doc, word)
    assert ev.location is not None and ev.location.text == place
    assert doc.text[ev.location.start:ev.location.end] == place  # the evidence is the named place


def test_scene_does_not_cross_a_paragraph():
    text = ("Residents of Jos in Plateau state gathered outside the governor's office on Monday.\n\n"
            "Unknown gunmen later shot dead two men who were walking home.")
    ev = event_with(eventwire.extract(text, published="2024-03-12"), "gunmen")
    assert ev.location is None or ev.location.text != "Jos"


@pytest.mark.parametrize("text,place", [
    ("Farmers in Piura blocked the highway towards Chiclayo on Monday to protest fuel prices.", "Piura"),
    ("Hundreds of truckers protested near Kisumu on Monday, blocking the road to Nairobi.", "Kisumu"),
])
def test_where_a_protest_was_heading_is_not_its_scene(text, place):
    doc = eventwire.extract(text, published="2024-03-12")
    ev = next(e for e in doc.events if e.event_type == "Protests")
    assert ev.location is not None and ev.location.text == place
