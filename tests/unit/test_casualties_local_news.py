"""find_casualties on how US local news tells its dead (issue 10): ages and roles as victims,
headline participles, "fatally shot", "pronounced dead", named victims, murder-suicides. The
sentences are made up for these tests."""
import pytest

from eventwire.extract.casualties import find_casualties
from eventwire.extract.events import _ASIDE
from eventwire.extract.mentions import collapse
from eventwire.extract.story_toll import story_toll
from eventwire.model import Casualties, Event, Evidence, When


@pytest.mark.parametrize("sentence, best", [
    # an age is a word of the victim phrase
    ("A 4-year-old boy was shot and killed near his home on Tuesday.", 1),
    ("An 18-year-old man has died after being shot.", 1),
    ("The 19-year-old died at the hospital.", 1),
    ("Police are investigating the shooting death of a 30-year-old man.", 1),
    ("A woman was charged in the fatal shooting of 15-year-old girl in Oakdale.", 1),
    # headline participles and bare nouns
    ("A 6-year-old girl shot and killed outside a store", 1),
    ("A man shot and killed his neighbor in a dispute.", 1),  # the subject killed, he did not die
    ("Teen dies after shooting at park", 1),
    ("Man wounded in weekend shooting dies", 1),
    ("5-Year-Old Boy Killed, 2 Adults Injured In Elm Street Shooting", 1),
    ("That little boy died a short time later at the hospital.", 1),
    # named victims
    ("Ana Ruiz, 23, of Elmwood, died at the scene.", 1),
    ("Deputy Sam Cole died Friday after a shooting.", 1),
    ("Tom Lee, 23, and Ana Ruiz, 31, were killed.", 2),
    ("Both Tom Lee, 32, and Ana Ruiz, 34, died at the scene.", 2),
    ("A gunman opened fire, killing Tom Lee and wounding the other man.", 1),
    ("When officers arrived he was breathing, but he later died at the hospital.", 1),
    # "one fatally" after the shot
    ("Three people were shot Saturday night, one of them fatally.", 1),
    ("Four people were shot, one man fatally, outside a home.", 1),
    # the attacker's own death, murder-suicides
    ("A man fatally shoots himself after a standoff with deputies.", 1),
    ("Police say the gunman killed himself.", 1),
    ("A man killed his wife before killing himself, police said.", 2),
    ("A man shot and killed his wife and then himself.", 2),
    ("Deputies say a man shot and killed his wife, son and daughter before killing himself.", 4),
    ("Deputies are investigating a murder-suicide at a home on Elm Street.", 2),
    ("The shooter was among the dead.", 1),
    ("Five people were killed, and the shooter was among the dead.", 5),
    # a deadly incident without a count: at least one dead
    ("Police identify victim in fatal Elm Street shooting", 1),
    ("A toddler suffers a fatal gunshot wound at a home on Elm Street", 1),
    ("The coroner ruled her death a homicide.", 1),
    ("His death has been ruled a homicide, the county said.", 1),
    ("Two men were charged last week with murdering a cashier.", 1),
    ("Tom Lee faces two counts of first-degree murder.", 2),
    # one of several shot died
    ("Police say he shot three people, one of whom died at the scene.", 1),
    ("The victim passed away at the hospital on Sunday.", 1),
    # a death told without a death verb on a counted victim
    ("Lee, 31, succumbed to his injuries on Monday.", 1),
    ("The victim, a 19-year-old man, died at the hospital.", 1),
    ("The shooting claimed the life of Tom Lee.", 1),
    ("Police identify victim of fatal Elm Street shooting", 1),
    # a named victim after the age
    ("Police say he shot and killed 19-year-old Tom Lee on Friday.", 1),
    ("He is charged with killing 30-year-old Ana Ruiz and 28-year-old Li Wei.", 2),
])
def test_counts(sentence, best):
    got = find_casualties(sentence)
    assert got is not None and got.best == best
    assert got.text == sentence[got.start:got.end]


@pytest.mark.parametrize("sentence", [
    # a murder charge or conviction: someone was killed
    "Tom Lee, 19, was found guilty of second-degree murder on Monday.",
    "He is charged with first-degree murder and armed robbery.",
    "Two men charged in the murder of Tom Lee",
    # one told dead without a death verb on a counted victim
    "The deceased was identified as Tom Lee of Oakdale.",
    "Police identified the man who died as Tom Lee.",
    "A 17-year-old lost his life in the shooting.",
    "Detectives are investigating a homicide on Elm Street.",
    "Paramedics pronounced him dead at the scene.",
])
def test_story_floors(sentence):
    got = find_casualties(sentence, story=True)
    assert got is not None and got.best == 1 and got.text == sentence[got.start:got.end]
    own = find_casualties(sentence)  # never an event sentence's own toll
    assert own is None or not own.best


@pytest.mark.parametrize("sentence", [
    "Nothing will change until somebody gets killed.",  # not (yet) a death
    "As of July 15, 126 people had been murdered in the city this year.",  # a running count
    "At least 80 people were killed in the city in November alone.",
    "It was done before anyone noticed the shooting.",  # "done" holds no "one"
    "He was charged with attempted murder and assault.",  # no one died
    "He could be charged with murder.",
    "The man suffered a non-fatal gunshot wound to the leg.",
    "He nearly lost his life in the shooting.",
    "Residents live in fear of deadly attacks.",
])
def test_no_toll(sentence):
    for story in (False, True):
        got = find_casualties(sentence, story=story)
        assert got is None or not got.best


def _event(start: int, date: str, best: int | None = None) -> Event:
    sentence = "x" * 10
    toll = None if best is None else Casualties(text="x", best=best, low=best, high=best)
    return Event(id=f"e{start}", event_type="Violence against civilians", sub_event_type="Attack",
                 plover_type="ASSAULT", plover_mode=None, cameo_root=None, actor1=None, actor2=None,
                 location=None, date=When(text=date, start=date, end=None, precision="day"),
                 fatalities=toll, civilian_targeting=True, attribution=None, hedged=False,
                 evidence=Evidence(sentence=sentence, start=start, end=start + 10), confidence=0.5,
                 trigger="killed")


def test_story_toll_is_the_largest_count_of_the_incident():
    sentences = [(0, "Two people were shot, one fatally, on Elm Street on Saturday."),
                 (70, "A second victim, Ana Ruiz, 31, died at the hospital on Sunday."),
                 (140, "Police said three people were killed and one wounded in the shooting."),
                 (220, "Separately, a man was killed in another part of town."),
                 (280, "In March 2015, four people were killed at the same corner.")]
    toll = story_toll(_event(0, "2016-06-04"), sentences, "2016-06-06", aside=_ASIDE)
    assert toll is not None and toll.best == 3


def test_story_counts_victims_named_one_by_one():
    sentences = [(0, "Gunfire broke out at a house on Birch Road on Saturday night."),
                 (70, "Marta Lind and Joe Okafor, 41, were found dead in the kitchen."),
                 (140, "Ray Lind, 19, died later at Mercy Hospital."),
                 (200, "Lind was a student at the community college."),
                 (260, "Okafor died at the scene, police said."),
                 (320, "Neighbors said Jasmine was killed.")]
    toll = story_toll(_event(0, "2016-06-04"), sentences, "2016-06-06", aside=_ASIDE)
    assert toll is not None and toll.best == 3


def test_a_death_told_past_the_story_counts_when_the_story_tells_none():
    sentences = [(0, "Police are searching for a suspect in a shooting on Elm Street."),
                 (70, "On June 5, detectives obtained a warrant for Tom Hart, 19."),
                 (130, "Officers found a man shot in the hallway of the building."),
                 (190, "He was pronounced dead at the scene."),
                 (230, "Separately, two men were killed on Oak Street.")]
    toll = story_toll(_event(0, "2016-06-04"), sentences, "2016-06-06", aside=_ASIDE)
    assert toll is not None and toll.best == 1 and toll.start == 190  # its evidence: "He was pronounced dead"


def test_a_count_outnumbering_the_names_stays():
    sentences = [(0, "Four people were killed in a shooting on Birch Road on Saturday night."),
                 (80, "Marta Lind, 33, was pronounced dead at the scene.")]
    toll = story_toll(_event(0, "2016-06-04"), sentences, "2016-06-06", aside=_ASIDE)
    assert toll is not None and toll.best == 4


def test_collapse_keeps_the_largest_toll_of_its_mentions():
    merged = collapse([_event(0, "2016-06-04", 1), _event(50, "2016-06-04", 2), _event(90, "2016-06-04", None)])
    assert merged.fatalities.best == 2
    denied = collapse([_event(0, "2016-06-04", 0), _event(50, "2016-06-04", 2)])
    assert denied.fatalities.best == 0  # an explicit "no one was killed" stays


def test_named_killers_are_no_victims():
    sentences = [(0, "Marta Lind and Joe Okafor killed a guard at the depot on Saturday."),
                 (70, "A guard was killed.")]
    toll = story_toll(_event(0, "2016-06-04"), sentences, "2016-06-06", aside=_ASIDE)
    assert toll is not None and toll.best == 1
