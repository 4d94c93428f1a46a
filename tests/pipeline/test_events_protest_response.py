"""A protest is coded by how it ended, which the sentences after it often tell (ACLED)."""
import pytest

import eventwire

_MARCH = "Hundreds of teachers marched peacefully to the parliament in Accra, Ghana, on Monday to demand higher pay. "


@pytest.mark.parametrize("after, sub", [
    ("Police fired tear gas to disperse them near the main gate.", "Protest with intervention"),
    ("Officers later detained 12 of the marchers.", "Protest with intervention"),
    ("Security forces opened fire on the crowd, killing two marchers.", "Excessive force against protesters"),
    # the marchers' own violence makes it a violent demonstration, whatever the police did
    ("Some marchers hurled stones at the gate and police fired tear gas.", "Violent demonstration"),
    ("Their union said talks with the ministry would resume next week.", "Peaceful protest"),
    # another incident, told as an aside, does not change how the march ended
    ("Separately, police fired tear gas at football fans in Kumasi.", "Peaceful protest"),
])
def test_a_protest_takes_the_response_its_story_tells(after, sub):
    doc = eventwire.extract(_MARCH + after, published="2024-06-05")
    # the record of the march: the one that keeps its sentence among its evidence
    march = next(e for e in doc.events if any("marched" in s.sentence for s in e.evidence_spans))
    assert march.sub_event_type == sub


def test_arrests_of_its_marchers_rank_below_the_protest():
    doc = eventwire.extract(_MARCH + "Police arrested 12 protesters outside the parliament.", published="2024-06-05")
    assert eventwire.main_event(doc).event_type == "Protests"


_AFTERMATH = [
    ("Gunmen shot dead two traders at a market in Kano, Nigeria, on Friday.",
     "Police said three suspects were arrested hours later."),
    ("On 3 March 2024, in Kisumu (Kisumu), two armed men shot and wounded a shopkeeper at his kiosk.",
     "The attackers were arrested by police officers the same night."),
]


@pytest.mark.parametrize("attack, arrests", _AFTERMATH)
def test_arrests_told_with_the_attack_are_part_of_its_record(attack, arrests):
    # in the attack's paragraph the arrests are its aftermath: one record, as ACLED codes it (the
    # arrests' sentence joins the record's evidence only where the neighbours' reading types it
    # as the attack, not since that reading is half the sentence's: docs/MODEL.md)
    doc = eventwire.extract(f"{attack} {arrests}", published="2024-03-09")
    main = eventwire.main_event(doc)
    assert main.event_type == "Violence against civilians"
    assert not [e for e in doc.events if e.sub_event_type == "Arrests"]


@pytest.mark.parametrize("attack, arrests", _AFTERMATH)
def test_arrests_after_an_attack_are_its_aftermath(attack, arrests):
    # told in a paragraph of their own (wire style), the arrests are a record that ranks below
    from eventwire.extract.events import _story_responses

    text = f"{attack}\n\n{arrests}"
    doc = eventwire.extract(text, published="2024-03-09", mentions=True)
    attack = next(e for e in doc.events if e.event_type == "Violence against civilians")
    arrests = next(e for e in doc.events if e.sub_event_type == "Arrests")
    arrests.confidence = 0.99  # as a sentence with its own place and day might score
    start = text.index(arrests.evidence.sentence)
    _story_responses(doc.events, [(0, attack.evidence.sentence), (start, arrests.evidence.sentence)], "2024-03-09")
    assert arrests.confidence < attack.confidence
