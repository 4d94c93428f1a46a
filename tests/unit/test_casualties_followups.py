"""How many died (issue 10), second round: a follow-up's record (an arrest, a charge) keeps no
dead of its own, as ACLED codes it; one victim read twice counts once, a list counts each of its items;
the attacker's own death told beside his victims; suspects held for a number of killings. The
sentences are made up for these tests."""
import pytest

from eventwire.extract.casualties import find_casualties
from eventwire.extract.story import complete_main_event
from eventwire.model import Document, Event, Evidence, When


@pytest.mark.parametrize("sentence, best", [
    # a list item that opens a clause of its own is no victim
    ("Before he killed Rosa, one of the neighbors said the man had argued with her.", 1),
    ("He killed Rosa, one of the neighbors and a mail carrier.", 3),
    # the attacker's own death told beside his victims
    ("He died of a self-inflicted gunshot wound after shooting and killing 41-year-old Tom Hart and 39-year-old Ana Lind.", 3),
    ("Hart, 52, died from a self-inflicted gunshot wound on Friday.", 1),
    # "left him and ... dead": the list counts every item once
    ("The gunfire left him and his two sons dead.", 3),
    ("The crash on the ridge left him and two others dead.", 3),
    ("The gunfire left a man wounded and another dead.", 1),
    ("The gunfire left a clerk critically wounded and two customers dead.", 2),
    # where the victims were, before the verb
    ("Both men inside the pickup were killed, and a third was hurt.", 2),
    ("Two women in the parked car were shot and killed.", 2),
    # victims told "along with" those a verb counts
    ("Two of his cousins, Tom Hart, 19, and Li Wei, 22, were killed, along with a neighbor, Ana Lind, 40, and her son.", 4),
    ("A clerk was shot dead along with two customers.", 3),
    ("A farmer was killed along with his dog.", 1),
    ("Two guards were killed, and two visitors ran away.", 2),
    # a suspect held for a number of killings
    ("Troopers caught a man wanted in four killings near the state line.", 4),
    ("Suspect in 3 Killings Arrested At Bus Station", 3),
    ("Police say he is responsible for two homicides.", 2),
])
def test_counts(sentence, best):
    got = find_casualties(sentence)
    assert got is not None and got.best == best
    assert got.text == sentence[got.start:got.end]


@pytest.mark.parametrize("sentence", [
    "Three people at the party were shot.",
    "The gunfire left a teenager wounded.",
    # a city's roundup of several shootings is no incident's toll
    "Police said five people were killed and nine hurt in shootings across the city over the weekend.",
    "6 killed, 20 wounded in weekend shootings",
])
def test_no_death(sentence):
    got = find_casualties(sentence)
    assert got is None or not got.best


def _arrest(sentence: str) -> Event:
    return Event(id="e0", event_type="Strategic developments", sub_event_type="Arrests", plover_type="ARREST",
                 plover_mode=None, cameo_root=None, actor1=None, actor2=None, location=None,
                 date=When(text="Monday", start="2019-03-04", end=None, precision="day"), fatalities=None,
                 civilian_targeting=False, attribution=None, hedged=False,
                 evidence=Evidence(sentence=sentence, start=0, end=len(sentence)), confidence=0.6, trigger="arrested")


def _page(headline: str, body: list[str], source: str | None = "wxyz.com") -> tuple[Document, list[tuple[int, str]]]:
    sentences, text = [], ""
    for s in [headline, *body]:
        sentences.append((len(text), s))
        text += s + "\n\n"
    # a page of a local outlet the outlet table knows (data/outlets.json)
    doc = Document(id="d", title=headline, published="2019-03-06", text=text, events=[_arrest(headline)],
                   source=source)
    return doc, sentences


def test_a_follow_up_carries_none_of_the_killings_dead():
    doc, sentences = _page("Teen arrested in fatal shooting of man at Elm Street park",
                           ["Police arrested a 17-year-old on Tuesday.",
                            "Tom Hart, 24, was pronounced dead at the scene on Monday night."])
    main = complete_main_event(doc, sentences)
    assert main.fatalities is None or not main.fatalities.best  # ACLED: an arrest has no dead of its own


def test_a_follow_up_of_a_shooting_no_one_died_in_carries_none():
    doc, sentences = _page("Teen arrested in non-fatal shooting at Elm Street park",
                           ["Police arrested a 17-year-old on Tuesday.",
                            "Separately, Tom Hart, 24, was pronounced dead on Oak Street."])
    main = complete_main_event(doc, sentences)
    assert main.fatalities is None or not main.fatalities.best
