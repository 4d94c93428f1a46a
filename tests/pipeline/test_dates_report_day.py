"""An event dated only by the day it was reported happened on the earlier day its story gives."""
import pytest

import eventwire
from event_lookup import event_with

PUB = "2021-11-17"  # a Wednesday


@pytest.mark.parametrize("story, start, text", [
    ("Bandits killed 14 farmers in raids on two villages near Gusau, police said on Tuesday.\n\n"
     "The attackers came on motorcycles late on Sunday and set fire to the granaries, a resident said.",
     "2021-11-14", "Sunday"),
    ("Rebels attacked an army base near the town of Beni, killing two soldiers, the army told reporters on Wednesday.\n\n"
     "Witnesses said the fighters arrived on Monday night.",
     "2021-11-15", "Monday"),
])
def test_the_story_day_replaces_the_report_day(story, start, text):
    doc = eventwire.extract(story, published=PUB)
    ev = event_with(doc, "police said" if "police said" in story else "army told")
    assert ev.date is not None and (ev.date.start, ev.date.text) == (start, text)
    assert doc.text[ev.date.span_start:ev.date.span_end] == text


@pytest.mark.parametrize("story, start", [
    # nothing else said: the statement's day stands
    ("Police arrested 30 protesters in the city of Kano, a spokesman said on Tuesday.\n\n"
     "The protesters had blocked a highway.", "2021-11-16"),
    # a day put first is another incident, not this one's
    ("Bandits killed 14 farmers in raids on two villages near Gusau, police said on Tuesday.\n\n"
     "On Sunday, gunmen abducted a priest in Kaduna.", "2021-11-16"),
    # the event's own day is not a report's
    ("Bandits killed 14 farmers near Gusau on Tuesday, police said.\n\n"
     "The attackers had camped in the forest since Sunday, a resident said.", "2021-11-16"),
])
def test_the_report_day_stands(story, start):
    doc = eventwire.extract(story, published=PUB, mentions=True)  # the first mention's own day
    ev = next(e for e in doc.events if e.event_type)
    assert ev.date is not None and ev.date.start == start
