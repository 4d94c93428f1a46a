"""clean(): whole-line page furniture goes, real sentences with the same words stay."""
from __future__ import annotations

import pytest

from eventwire.clean import boilerplate_rule, clean

BODY_1 = "Government forces shelled the northern town on Tuesday, residents said."
BODY_2 = "The ministry said the operation would continue until the area was secured."


@pytest.mark.parametrize("line", [
    "Share", "share this", "Share on Facebook", "Share on Twitter", "Tweet", "Facebook Twitter Email",
    "Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
    "Read more", "Read more: Why the war is not over", "READ MORE » Ten things to know", "Related:",
    "Related stories", "Subscribe to our daily briefing", "Sign up for our newsletter",
    "We use cookies to improve your experience on our site and to show you relevant ads.",
    "Accept cookies", "Click here to read the full report", "Continue reading", "Skip to content",
    "© 2016 Example Media Ltd", "Copyright 2016 Example News", "All rights reserved",
    "Follow us on Twitter", "Image copyright Getty Images", "Getty Images", "AFP via Getty Images",
    "Photo: Reuters", "Watch: Footage shows the strike", "***", "  |  ",
])
def test_boilerplate_line_is_removed(line):
    text = f"{BODY_1}\n\n{line}\n\n{BODY_2}"
    out = clean(text)
    assert out.text == f"{BODY_1}\n\n{BODY_2}"
    assert [(r.text, r.reason) for r in out.removed] == [(line.strip(), "boilerplate")]
    r = out.removed[0]
    assert text[r.start:r.end] == r.text


@pytest.mark.parametrize("sentence", [
    "Users share videos of the strike on Twitter and Facebook, where the advertisement ran.",
    "Read more carefully, the statement suggests the talks have failed.",
    "Related talks in Geneva stalled on Monday.",
    "He said the group would subscribe to the ceasefire terms.",
    "Click, the sound of the rifle, was the last thing he heard.",
    "Photographs taken on Monday show the damage to the hospital.",
    "The photo: a boy carried from the rubble, went viral.",
    "Copyright disputes are not the issue here, the minister said.",
    "Follow-up strikes hit the same market an hour later.",
    "Watch towers along the border were abandoned.",
    "Protesters shouted 'Share the wealth' outside parliament.",
])
def test_sentence_containing_furniture_words_is_kept(sentence):
    text = f"{BODY_1}\n\n{sentence}\n\n{BODY_2}"
    out = clean(text)
    assert sentence in out.text
    assert out.removed == []


def test_cascade_names_the_rule():
    assert boilerplate_rule("Advertisement") == ("advertising", "boilerplate")
    assert boilerplate_rule("  Share  ") == ("social", "boilerplate")
    assert boilerplate_rule(BODY_1) is None


def test_duplicate_paragraph_keeps_the_first():
    text = f"{BODY_1}\n\n{BODY_2}\n\n{BODY_1}\n"
    out = clean(text)
    assert out.text == f"{BODY_1}\n\n{BODY_2}"
    (dup,) = out.removed
    assert dup.reason == "duplicate" and dup.start == text.rindex(BODY_1) and text[dup.start:dup.end] == BODY_1


def test_short_repeated_lines_are_not_duplicates():
    text = "Syria\n\nFirst part of the story is here.\n\nSyria\n\nSecond part is here."
    assert clean(text).text == text


@pytest.mark.parametrize("text, want", [
    ("A title\r\nFirst line.\r\n\r\nSecond para.", "A title\n\nFirst line.\n\nSecond para."),
    ("A title\rBody.", "A title\n\nBody."),
    ("  Indented title  \n\n\n\nBody   with    gaps.\u2028Next.", "Indented title\n\nBody with gaps.\n\nNext."),
    ("", ""),
    ("\n\n  \n", ""),
])
def test_line_breaks_and_spaces_are_normalised(text, want):
    assert clean(text).text == want


def test_hard_wrapped_paragraph_is_rejoined_with_spaces():
    text = ("Government forces shelled the northern town on Tuesday\n"
            "and residents said at least four people were killed in\n"
            "the attack, which began before dawn and lasted hours.\n\nNext paragraph.")
    out = clean(text)
    assert out.text.split("\n\n")[0] == text.split("\n\n")[0].replace("\n", " ")
