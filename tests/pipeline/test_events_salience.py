"""The story's own incident ranks first: the lead over later asides and past incidents."""
import pytest

import eventwire

_LEAD = ("Gunmen kill seven villagers in central Mali\n\n"
         "Gunmen killed seven villagers in an attack on Dialassagou in central Mali on Sunday, "
         "local officials said.\n\n"
         "The region has seen years of violence by armed groups.\n\n")


@pytest.mark.parametrize("later", [
    "Separately, an air strike on the town of Djibo in Burkina Faso killed 12 people on Saturday, residents said.",
    "In March 2023, soldiers clashed with militants near the town of Douentza, killing 20 fighters.",
    "Two days earlier, soldiers ambushed a convoy of militants outside Mopti, killing four of them.",
])
def test_lead_incident_outranks_asides_and_the_past(later):
    doc = eventwire.extract(_LEAD + later, published="2024-06-04")
    top = eventwire.main_event(doc)
    assert top is not None and "Dialassagou" in top.evidence.sentence, \
        [(e.confidence, e.evidence.sentence[:50]) for e in doc.events]


def test_lead_with_its_place_and_day_outranks_the_headline():
    doc = eventwire.extract(_LEAD, published="2024-06-04")
    top = eventwire.main_event(doc)
    assert top.location is not None and top.date is not None and top.date.start == "2024-06-02"


def test_only_the_first_report_below_the_headline_is_the_lead():
    # wire style, a paragraph a sentence (within a paragraph the classifier reads a sentence with
    # its neighbours: docs/MODEL.md)
    text = ("Police arrest 38 activists in Harare\n\n"
            "HARARE, Nov 20, 2024 - Police arrested 38 opposition activists at a house in Harare on Wednesday.\n\n"
            "A police spokesman said a mob of residents beat two officers with sticks during the raid.")
    # the salience of the mentions (the reportable-event model weighs it with the other cues)
    top = eventwire.main_event(eventwire.extract(text, published="2024-11-20", mentions=True))
    assert top.sub_event_type == "Arrests" and "arrested 38" in top.evidence.sentence
