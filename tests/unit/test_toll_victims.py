"""How many died (issue 10): victims listed without a second article, the killer counted among
his victims, a charge that tells a killing done, murder charges and multiples ("a double
homicide"), headlines' single victims. Victims named across a story: test_casualties_local_news.py.
The sentences are made up for these tests."""
import pytest

from eventwire.extract.casualties import find_casualties


@pytest.mark.parametrize("sentence, best", [
    ("A father and son were found fatally shot inside their home on Oak Lane.", 2),
    ("A woman and her boyfriend were shot dead early Sunday.", 2),
    ("A man and two children were shot to death in the apartment.", 3),
    ("A guard, a clerk, and a customer were killed in the robbery.", 3),
    ("Deputies said the man killed two neighbors and himself.", 3),
    ("She is accused of killing three relatives at a farmhouse.", 3),
    ("He was charged with murdering his cousin in May.", 1),
    ("She was charged with three counts of first-degree murder and one count of arson.", 3),
    ("Detectives are investigating a double homicide at an apartment on Pine Street.", 2),
    ("The suspect in the triple slaying was arrested on Monday.", 3),
    ("He is wanted in connection with the four homicides.", 4),
    ("A brother and sister are dead after a shooting at their home.", 2),
    ("Officers said the girl had died.", 1),
    ("She was flown to a trauma center, where she later died.", 1),
    ("A 40-year-old man was declared dead at the scene.", 1),
    ("Police: 9-year-old accidentally shot, killed at home", 1),
])
def test_counts(sentence, best):
    got = find_casualties(sentence)
    assert got is not None and got.best == best
    assert got.text == sentence[got.start:got.end]


@pytest.mark.parametrize("sentence", [
    "He was charged with attempting to kill two officers.",
    "A man and a woman were wounded in the shooting.",
])
def test_no_death(sentence):
    got = find_casualties(sentence)
    assert got is None or not got.best


@pytest.mark.parametrize("sentence", [
    "Teen Shot To Death Outside Corner Store",
    "Four-year-old fatally shot in Riverside",
    "Elk River Man Found Dead In Parked Car",
    "Slain clerk remembered by his neighbors",
    "A stray bullet took the life of a 9-year-old girl on Friday.",
    "Jon Bell passed away at the hospital on Sunday.",
    "The 12-year-old was accidentally shot and killed by a cousin.",
    "Fatal victim named, two others hurt in Elm Street shooting",
    "Two men charged in killing of Riverside teen appear in court",
    "Police name suspected killer of girl, 9, in drive-by",
    "The second victim, identified as 30-year-old Ana Ruiz, died of her wounds on Monday.",
])
def test_one_victim(sentence):
    got = find_casualties(sentence)
    assert got is not None and got.best == 1


def test_attempted_murder_counts_no_one():
    got = find_casualties("He faces two counts of attempted murder.")
    assert got is None or not got.best


def test_a_city_tally_of_homicides_is_no_toll():
    got = find_casualties("The city recorded 85 homicides in 2016.")
    assert got is None or not got.best


@pytest.mark.parametrize("sentence, best", [
    ("A shooting on Friday left a 12-year-old boy and two women wounded, police said.", None),
    ("The gunfire left a teen with injuries to his leg.", None),
    ("The gunfire left a man dead near the gas station.", 1),
])
def test_left_tells_a_death_only_with_dead(sentence, best):
    got = find_casualties(sentence)
    assert (got.best if got else None) == best
