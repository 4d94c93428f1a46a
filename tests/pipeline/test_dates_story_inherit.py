"""A later paragraph that carries on the story's kind of event happens when the story says, even
when the headline, the first such event, gave no day. The dates of every mention are checked
(mentions=True), before the mentions become the page's events."""
import pytest

import eventwire

PUB = "2022-10-14"  # a Friday


@pytest.mark.parametrize("story, needle, start", [
    ("Teachers march for higher pay across Chile\n\n"
     "Thousands of teachers marched through central Santiago on Wednesday to demand higher pay, union leaders said.\n\n"
     "Smaller rallies took place in Valparaiso and Concepcion.",
     "Smaller rallies", "2022-10-12"),
    ("Army shells rebel-held town in Idlib\n\n"
     "Government artillery shelled the town of Ariha on Thursday, killing three people, rescuers said.\n\n"
     "Rebels said they fired rockets back at army positions near Saraqeb.",
     "fired rockets back", "2022-10-13"),
])
def test_later_paragraph_takes_the_story_day(story, needle, start):
    doc = eventwire.extract(story, published=PUB, mentions=True)
    ev = next(e for e in doc.events if needle in e.evidence.sentence)
    assert ev.date is not None and ev.date.start == start
    assert doc.text[ev.date.span_start:ev.date.span_end] == ev.date.text


def test_an_undated_story_stays_undated():
    story = ("Teachers march for higher pay across Chile\n\n"
             "Thousands of teachers marched through central Santiago to demand higher pay, union leaders said.\n\n"
             "Smaller rallies took place in Valparaiso and Concepcion.")
    doc = eventwire.extract(story, published=PUB, mentions=True)
    ev = next(e for e in doc.events if "Smaller rallies" in e.evidence.sentence)
    assert ev.date is None


_BOMBING = ("A suicide bomber drove a car into the gate of an army base in Bannu on Thursday, killing six soldiers, "
            "the military said.\n\n")


@pytest.mark.parametrize("later, start", [
    # the story goes on in the next paragraph with another kind of event
    ("Four attackers who tried to enter the base were shot dead by guards in a gun battle.", "2022-10-13"),
    # an aside is another incident
    ("Separately, gunmen shot dead two policemen guarding a school in the district of Tank.", None),
])
def test_the_next_paragraph_of_the_story_takes_its_day(later, start):
    doc = eventwire.extract(_BOMBING + later, published=PUB, mentions=True)
    ev = next(e for e in doc.events if later[:20] in e.evidence.sentence)
    assert (ev.date.start if ev.date else None) == start


@pytest.mark.parametrize("story, needle, start", [
    # the sentence that sets the day reports no event of its own
    ("On 3 October 2022, bus drivers parked their buses across the main bridge in Mombasa. "
     "The protesters denounced the rising price of diesel.", "denounced", "2022-10-03"),
    ("On Tuesday, fighters of a local militia moved into the hills above Kalehe. "
     "Three soldiers were killed in an ambush on the road.", "Three soldiers", "2022-10-11"),
    # a background month sets no day
    ("In March, bus drivers parked their buses across the main bridge in Mombasa. "
     "The protesters denounced the rising price of diesel.", "denounced", None),
    # the dateline tells when the story was filed, not a day of the event
    ("MOMBASA, Oct. 14, 2022 - Bus drivers parked their buses across the main bridge. "
     "The protesters denounced the rising price of diesel.", "denounced", None),
])
def test_an_earlier_sentence_sets_the_day(story, needle, start):
    doc = eventwire.extract(story, published=PUB, mentions=True)
    evs = [e for e in doc.events if e.event_type and needle in e.evidence.sentence]
    if start is None:
        # no day for it (the sentence may also be folded into the first sentence's event)
        assert all(e.date is None or e.date.precision != "day" for e in evs)
    else:
        assert evs and (evs[0].date.start if evs[0].date else None) == start
