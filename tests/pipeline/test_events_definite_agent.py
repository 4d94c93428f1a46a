"""'The bombers' takes up the force an earlier sentence named ('Turkish warplanes')."""
import pytest

import eventwire


@pytest.mark.parametrize("text, name", [
    ("Turkish warplanes took off from Diyarbakir on Sunday. Hours later the jets bombed a village near Duhok, "
     "killing four people.", "Turkey"),
    ("Residents said Russian helicopters had circled Kupiansk all night. At dawn the helicopters fired rockets "
     "at a school in the town.", "Russia"),
])
def test_the_force_named_earlier_is_the_agent(text, name):
    doc = eventwire.extract(text, published="2024-03-12", mentions=True)
    ev = next(e for e in doc.events if e.event_type == "Explosions/Remote violence" and "the " in e.evidence.sentence[:20])
    assert ev.actor1 is not None and ev.actor1.name == name
    assert doc.text[ev.actor1.start:ev.actor1.end].lower().startswith("the ")  # its evidence is "the jets"


def test_no_earlier_force_no_agent():
    doc = eventwire.extract("At dawn the jets bombed a village near Duhok, killing four people.", published="2024-03-12")
    ev = next(e for e in doc.events if e.event_type == "Explosions/Remote violence")
    assert ev.actor1 is None
