"""An event's toll comes from the whole story (ACLED), not only from the sentence that names it."""
import pytest

import eventwire
from event_lookup import event_with

PUB = "2022-05-12"  # a Thursday


@pytest.mark.parametrize("story, needle, best, said", [
    # the toll follows the lead a paragraph later
    ("Insurgents seized the town of Kaya on Tuesday, officials said.\n\n"
     "Residents fled towards the river. A nurse said at least seven civilians were killed during the assault.",
     "seized the town", 7, "at least seven civilians were killed"),
    ("Troops and rebels fought near Beni on Wednesday.\n\n"
     "\"We heard heavy guns all day,\" a farmer said.\n\n"
     "Dozens of fighters were killed, an army officer said.",
     "fought near Beni", 12, "Dozens of fighters were killed"),
    # a lower toll from another source: ACLED takes the lowest
    ("Gunmen killed at least 40 villagers near Jos on Tuesday, a community leader said.\n\n"
     "A police spokesman put the death toll at 31.",
     "Gunmen killed", 31, "death toll at 31"),
    # the victim named again among more victims
    ("A judge was shot dead in Culiacan on Monday, prosecutors said.\n\n"
     "Gunmen fired on her car, killing her and a bodyguard.",
     "judge was shot dead", 2, "killing her and a bodyguard"),
])
def test_toll_from_the_story(story, needle, best, said):
    doc = eventwire.extract(story, published=PUB)
    ev = event_with(doc, needle)
    assert ev.fatalities is not None and ev.fatalities.best == best
    assert said in ev.fatalities.text and doc.text[ev.fatalities.start:ev.fatalities.end] == ev.fatalities.text


@pytest.mark.parametrize("story, needle, best", [
    # another incident, put at another time or set aside, keeps its own toll
    ("Insurgents seized the town of Kaya on Tuesday, officials said.\n\n"
     "In March, an air strike on Djibo killed 12 people.", "seized the town", None),
    ("Insurgents seized the town of Kaya on Tuesday, officials said.\n\n"
     "Separately, gunmen killed four traders near Dori.", "seized the town", None),
    ("Insurgents seized the town of Kaya on Tuesday, officials said.\n\n"
     "On Monday, soldiers killed nine fighters near Dori.", "seized the town", None),
    # a higher figure that is not a toll for the same victims does not replace the event's own
    ("A bomb killed three soldiers at a checkpoint in Mogadishu on Wednesday, police said.\n\n"
     "Troops later shot dead five other attackers.", "A bomb killed", 3),
])
def test_other_incidents_keep_their_tolls(story, needle, best):
    doc = eventwire.extract(story, published=PUB)
    ev = event_with(doc, needle)
    assert (ev.fatalities.best if ev.fatalities else None) == best
