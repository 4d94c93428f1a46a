"""Page-quality flags on shapes the first rules missed: captions that survive cleaning,
synonym-spun repeats of a datelined lead, durations and bare tolls told two ways."""
import re

import pytest

from eventwire.quality import contradictions, near_duplicates, surviving_captions
from eventwire.quality.paraphrases import _body_start, _clash


def split(text):
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[”\"]?\s+|\n+", text):
        end = m.start() + (1 if text[m.start()] in "”\"" else 0)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


# --- captions left in the text ----------------------------------------------------------

BODY = "Rescuers worked through the night.\n\nThe army did not comment on the strike."


@pytest.mark.parametrize("line", [
    "Rescuers search through the rubble of shops after the strike in Saraqeb",
    "Ships unload aid at the port of Port Sudan on the Red Sea coast",
    "Relatives of the kidnapped waiting outside the police headquarters in Kaduna",
    "A woman carries her belongings past burned houses in the village",
])
def test_unprefixed_caption_between_paragraphs_is_flagged(line):
    text = f"Strike hits market town\n\n{BODY}\n\n{line}\n\nMore fighting was reported on Tuesday."
    (flag,) = surviving_captions(text)
    s, e = flag.spans[0]
    assert flag.kind == "caption" and text[s:e] == line


@pytest.mark.parametrize("line", [
    "Rescuers search through the rubble of shops after the strike in Saraqeb",  # headline
])
def test_headline_is_never_a_caption(line):
    assert surviving_captions(f"{line}\n\n{BODY}") == []


@pytest.mark.parametrize("line", [
    "Fears of a Wider War Spread Across the Region",  # title-case subheading
    "What happens next",  # short subheading
    "By Jane Doe and Ahmed Ali in Cairo",  # byline
    "Reporting by Jane Doe; Editing by Ahmed Ali",
    "The army said it was investigating the strike on the market.",  # a sentence
])
def test_subheadings_bylines_and_sentences_are_not_captions(line):
    assert surviving_captions(f"Strike hits market town\n\n{BODY}\n\n{line}\n\n{BODY}") == []


# --- near duplicates ---------------------------------------------------------------------

def test_dateline_is_not_part_of_the_event():
    text = "BEIRUT, Nov. 6, 2023 - Air strikes killed nine people."
    assert text[_body_start(text, 0, len(text)):].startswith("Air strikes")
    plain = "Air strikes killed nine people."
    assert _body_start(plain, 0, len(plain)) == 0


def test_spun_repeat_of_a_datelined_lead_is_flagged():
    lead = ("BEIRUT, November 6, 2023 - Air strikes on a crowded market in the town of Saraqeb in northwest "
            "Syria killed nine people on Monday, rescue workers said.")
    spun = ("Bombing raids on a busy marketplace in the northwestern Syrian town of Saraqeb left nine "
            "people dead on Monday, according to rescuers.")
    text = f"{lead}\n\nThe White Helmets said volunteers pulled four people alive from the rubble.\n\n{spun}"
    flags = near_duplicates(text, split(text), [])
    assert [f.kind for f in flags] == ["near_duplicate"]


@pytest.mark.parametrize("a, b, clash", [
    ({"N:9", "P:saraq", "D:monday"}, {"N:12", "P:saraq", "D:monday"}, True),  # other count
    ({"D:monday", "P:aleppo"}, {"D:tuesday", "P:aleppo"}, True),  # other day
    ({"P:aleppo", "N:19"}, {"P:idlib", "N:19"}, True),  # other place, little shared
    # a rewrite dropping the governor's name and adding a word, the skeleton kept
    ({"N:4", "N:40", "P:khark", "D:saturday", "P:oleh", "P:synie"},
     {"N:4", "N:40", "P:khark", "D:saturday", "P:diy"}, False),
])
def test_clash_of_specifics(a, b, clash):
    assert _clash(a, b) == clash


def test_recap_with_new_facts_is_not_a_near_duplicate():
    text = ("Air strikes on the town of Ariha killed 12 people on Monday, rescue workers said.\n\n"
            "Four of the 12 people killed in Ariha on Monday were children, the hospital director said.")
    assert near_duplicates(text, split(text), []) == []


# --- contradictions ----------------------------------------------------------------------

@pytest.mark.parametrize("text, covered", [
    ("The minister arrived on Thursday for a two-day visit. During his three-day trip, he also met "
     "aid agencies.", ("two-day visit", "three-day trip")),
    ("The decade-long insurgency has killed thousands. The seven-year insurgency has displaced "
     "370,000 people.", ("decade-long insurgency", "seven-year insurgency")),
    ("Gunmen killed 12 people in the village of Dumba on Sunday. The death toll from the attack on "
     "Dumba stood at 15, officials said.", ("killed 12", "stood at 15")),
    ("A car bomb at the checkpoint in Balad left 7 dead. Police said nine were killed at the "
     "checkpoint.", ("7 dead", "nine were killed")),
])
def test_duration_age_and_bare_toll_contradictions(text, covered):
    flags = contradictions(text, split(text))
    assert [f.kind for f in flags] == ["contradiction"]
    got = " ".join(text[s:e] for s, e in flags[0].spans)
    assert all(c in got for c in covered)


@pytest.mark.parametrize("text", [
    # a second visit, not the same one told two ways
    "The minister began a two-day visit to Cairo. He will make another three-day visit to Rome.",
    # "dozens" is vague, not 24
    "Shelling of the camp kills dozens. Officials said 27 people were killed at the camp.",
    # a figure given as another source's is reported disagreement
    "The blast killed 17 people at the market. Local officials gave a higher toll of 23 people "
    "killed at the market.",
    ("The death toll from the attack on Ndjala has risen to 23, up from an initial count of 14. "
     "Rescuers found nine more bodies in Ndjala."),
])
def test_no_contradiction_for_other_visits_vague_amounts_and_attributed_figures(text):
    assert contradictions(text, split(text)) == []
