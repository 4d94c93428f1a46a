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


def test_a_trigger_sentence_read_as_none_is_no_acled_event(monkeypatch):
    """"Two airlines agreed a deal": the trigger word's ACLED reading goes when the classifier
    reads the sentence as none at `none`; a PLOVER trigger (a visit) stays."""
    from eventwire.extract import events
    from eventwire.extract.classify import Prediction, Typing
    from eventwire.nlp import load

    typing = Typing(types=0.25, across=0.5, alone=0.45, none=0.8)
    monkeypatch.setattr(events, "_typing", lambda: typing)
    nlp = load()

    def run(text: str, p_none: float) -> list:
        def reads(sentences, contexts=None):
            return [Prediction(None, None, p_none, 0.0, (("none", p_none),))] * len(sentences)
        return events.extract_events(nlp(text), doc_id="d", published="2018-04-02", actors=[], places=[],
                                     classify=reads)

    deal = "The two airlines agreed a deal on Monday."
    assert [e.sub_event_type for e in run(deal, typing.none - 0.01)] == ["Agreement"]
    assert run(deal, typing.none) == []
    visit = "The minister visited the capital on Monday."
    assert [e.plover_type for e in run(visit, 0.99)] == ["CONSULT"]
