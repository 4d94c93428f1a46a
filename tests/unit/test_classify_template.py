import pytest

from eventwire.extract.classify import strip_template


@pytest.mark.parametrize("note, expected", [
    ("On 3 May 2021, in Lakeside (North Province), police arrested two men. [size=no report]",
     "Police arrested two men."),
    ("Property destruction: On 9 July 2021, unknown men burned a shop in Riverton.",
     "Unknown men burned a shop in Riverton."),
    ("Around 14 April 2021 (week of), villagers fled the area. 2 fatalities.",
     "Villagers fled the area."),
    ("On 2 June 2021, a group of workers marched in Hilltown. Casualties unknown.",
     "A group of workers marched in Hilltown."),
])
def test_note_template_is_removed(note, expected):
    assert strip_template(note) == expected


@pytest.mark.parametrize("sentence", [
    "Rebels seized the town of Example on Monday, officials said.",
    "Police fired tear gas at hundreds of protesters.",
])
def test_news_sentences_are_left_alone(sentence):
    assert strip_template(sentence) == sentence


def test_empty_result_falls_back_to_the_input():
    assert strip_template("[size=no report]") == "[size=no report]"
