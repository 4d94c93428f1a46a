"""clean(): photo captions go (reason "caption"); headlines and body lines stay."""
from __future__ import annotations

import pytest

from eventwire.clean import clean

HEAD = "Rebels seize border crossing after days of fighting"
P1 = "Rebel fighters took control of the crossing on Sunday, a monitoring group said."
P2 = "The government has not commented on the reports, which could not be verified."


def _captions(text):
    return [r.text for r in clean(text).removed if r.reason == "caption"]


@pytest.mark.parametrize("caption", [
    "The aftermath of shelling in the old city",
    "A man walks past destroyed buildings in the town",
    "Smoke rises over the city after an air strike",
    "Protesters gather outside parliament on Monday",
])
def test_last_line_caption_is_removed(caption):
    text = f"{HEAD}\n\n{P1}\n\n{P2}\n\n{caption}"
    out = clean(text)
    assert _captions(text) == [caption]
    assert out.text == f"{HEAD}\n\n{P1}\n\n{P2}"


@pytest.mark.parametrize("caption", [
    "Protesters gather outside parliament on Monday. Photo: Reuters",
    "Soldiers patrol the market in the north (AP Photo/Jane Doe)",
    "Residents inspect the damage in the village. Photograph: Ali Hassan/AFP",
    "Firefighters work at the scene of the blast (Jane Doe/The Daily Press)",
    "Rescue teams search the rubble (Picture: Civil Defence)",
])
def test_credited_caption_is_removed_anywhere_after_the_headline(caption):
    text = f"{HEAD}\n\n{P1}\n\n{caption}\n\n{P2}"
    assert _captions(text) == [caption]


def test_line_next_to_an_image_credit_is_a_caption():
    text = f"{HEAD}\n\n{P1}\n\nImage copyright Getty Images\nFighters on the road to the crossing\n\n{P2}"
    out = clean(text)
    assert _captions(text) == ["Fighters on the road to the crossing"]
    assert ("Image copyright Getty Images", "boilerplate") in [(r.text, r.reason) for r in out.removed]


@pytest.mark.parametrize("text", [
    # a headline at the very start is not a caption, even when it reads like one
    f"Smoke rises over the capital as talks collapse\n\n{P1}\n\n{P2}",
    f"Protesters gather in the capital\n\n{P1}\n\n{P2}",
    # a last line that is a sentence, or too long, or not picture-like, stays
    f"{HEAD}\n\n{P1}\n\n{P2}\n\nProtesters gathered outside parliament on Monday.",
    f"{HEAD}\n\n{P1}\n\n{P2}\n\nReporting by Jane Doe in Beirut",
    f"{HEAD}\n\n{P1}\n\n{P2}\n\nA man walks past destroyed buildings in the town while children play "
    f"in the street near the market and soldiers watch",
    # a subheading in the middle is not a caption without a credit
    f"{HEAD}\n\n{P1}\n\nPeople return to their homes\n\n{P2}",
    # a sentence ending in an ordinary parenthesis is not credited
    f"{HEAD}\n\n{P1}\n\nThe talks resumed on Monday (their third round this year)\n\n{P2}",
    f"{HEAD}\n\n{P1}\n\nOfficials blamed the rebels for the attack (see map)\n\n{P2}",
    f"{HEAD}\n\n{P1}\n\nThe ministry denied the reports on Monday. (Reuters)\n\n{P2}",
    # a two-line text keeps both lines
    f"{HEAD}\n\nA man walks past destroyed buildings",
])
def test_non_captions_are_kept(text):
    assert _captions(text) == []
