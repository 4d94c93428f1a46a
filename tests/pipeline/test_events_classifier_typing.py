"""The classifier types sentences whose trigger words lie outside ACLED's types, or that have none."""
import pytest

import eventwire


@pytest.mark.parametrize("text, sub", [
    ("Hundreds of nurses gathered outside the health ministry in Accra on Monday, demanding unpaid salaries.",
     "Peaceful protest"),
    ("Dozens of students assembled at the university gate in Lahore on Friday to condemn the fee increase.",
     "Peaceful protest"),
    ("Residents of the Kibera district took to the streets of Nairobi on Tuesday over water shortages.",
     "Peaceful protest"),
])
def test_classifier_types_an_event_the_triggers_leave_untyped(text, sub):
    ev = eventwire.main_event(eventwire.extract(text, published="2024-05-10"))
    assert ev is not None and ev.sub_event_type == sub, [(e.sub_event_type, e.trigger, e.confidence) for e in
                                                         eventwire.extract(text).events]


@pytest.mark.parametrize("text", [
    "Amnesty International condemned the shelling of residential areas of Kharkiv by Russian forces.",
    "The opposition demanded an inquiry into the police killing of two protesters in Nairobi.",
    # what a speaker says is not the purpose of an action
    "The defence ministry says it takes great care to avoid civilian casualties in its air strikes.",
])
def test_a_speech_act_as_the_main_verb_stays_a_speech_act(text):
    assert not [e for e in eventwire.extract(text, published="2024-05-10").events if e.sub_event_type]



def test_a_trigger_word_taken_in_another_sense_makes_no_event():
    """"Two airlines agreed a deal": the classifier reads the sentence as no event (`Typing.none`),
    so the page has no event of its days; a ceasefire between a government and rebels stays."""
    deal = "Air France and Lufthansa agreed a deal on Monday to share routes between Paris and Frankfurt."
    assert not eventwire.extract(deal, published="2018-04-02").events
    truce = "The government and the rebels agreed to a ceasefire on Sunday in Juba."
    assert [e.sub_event_type for e in eventwire.extract(truce, published="2018-04-02").events] == ["Agreement"]
