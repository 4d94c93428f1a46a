"""find_casualties: fatality counts with ACLED's conservative conventions."""
import pytest

from eventwire.extract.casualties import find_casualties


@pytest.mark.parametrize("sentence, best, low, high", [
    ("Shelling of the market killed 23 people.", 23, 23, 23),
    ("Nineteen soldiers were killed in the ambush.", 19, 19, 19),
    ("Twenty-one people died when the bridge was bombed.", 21, 21, 21),
    ("A car bomb exploded at the gate, killing two.", 2, 2, 2),
    ("The blast killed 1,250 people.", 1250, 1250, 1250),
    ("One hundred and twenty prisoners were executed.", 120, 120, 120),
    ("At least 12 villagers were killed overnight.", 12, 12, None),
    ("More than 20 fighters died in the assault.", 20, 20, None),
    ("Up to 30 people may have died, officials fear.", None, None, None),
    ("Nearly 50 people were killed.", 50, None, 50),
    ("Some 25 people were killed.", 25, None, None),
    ("Between 10 and 15 people were killed in the clashes.", 10, 10, 15),
    ("Two or three militants died.", 2, 2, 3),
    ("Dozens of people were killed in the raid.", 12, 12, None),
    ("Hundreds of civilians have been killed.", 100, 100, None),
    ("Tens of people died in the flooding of the camp.", 10, 10, None),
    ("Several people were killed when the bus was hit.", 3, 3, None),
    ("An unknown number of people were killed.", 3, 3, None),
    ("The death toll rose to 40 on Wednesday.", 40, 40, 40),
    ("Officials put the death toll at more than 60.", 60, 60, None),
    ("The bodies of 5 people were found near the river.", 5, 5, 5),
    ("The clashes resulted in at least 3 fatalities.", 3, 3, None),
    ("The attack left 12 people dead.", 12, 12, 12),
    ("Two policemen were among those killed.", 2, 2, 2),
    ("Four members of the family were killed.", 4, 4, 4),
    ("A soldier was killed when his patrol hit a mine.", 1, 1, 1),
    ("Gunmen killed a policeman at the checkpoint.", 1, 1, 1),
    ("The editor was shot dead outside his home.", 1, 1, 1),
    ("A 19-year-old student was shot dead by police.", 1, 1, 1),
    ("A suicide bomber killed himself and 12 others.", 13, 13, 13),
    ("The attack killed three soldiers and two civilians.", 5, 5, 5),
    ("Three soldiers and two civilians were killed in the attack.", 5, 5, 5),
    ("A soldier and a militant were killed in the firefight.", 2, 2, 2),
    ("Troops killed 25 militants, while three soldiers died.", 28, 28, 28),
    ("No one was killed in the explosion.", 0, 0, 0),
])
def test_fatality_counts(sentence, best, low, high):
    c = find_casualties(sentence)
    if best is None:
        assert c is None or c.best is None
        return
    assert c is not None
    assert (c.best, c.low, c.high) == (best, low, high)
    assert sentence[c.start:c.end] == c.text


@pytest.mark.parametrize("sentence", [
    "Incendiary weapons have been used at least 18 times in the city.",
    "Air raids hit two rebel-held districts of the city.",
    "The five-year war is now in its sixth year.",
    "The militants threatened to kill 100 hostages.",
    "100 protesters gathered outside parliament.",
    "Soldiers killed in the ambush were buried on Friday.",
    "The explosion could have killed hundreds.",
    "He was arrested for killing 3 people last year.",
    "The war has killed more than 400,000 people since 2011.",
    "Air strikes on two villages killed civilians.",
    "Two people were killed or injured.",
    "Seven soldiers were not killed, officials insisted.",
    "A captain from battalion 101 was killed in the blast.",
    "The officer was killed 5 km from the border.",
])
def test_no_fatality_number_from_other_numbers(sentence):
    c = find_casualties(sentence)
    if "captain" in sentence or "officer" in sentence:
        assert c is not None and c.best == 1  # the singular victim, never 101 or 5
    else:
        assert c is None or not c.best


def test_contract_example_civilians_and_children():
    s = "Air raids on two rebel-held districts of the city on Tuesday killed 19 civilians, including three children, activists said."
    c = find_casualties(s, offset=1000)
    assert c.text == "killed 19 civilians, including three children"
    assert (c.best, c.low, c.high, c.civilians, c.children) == (19, 19, 19, 19, 3)
    assert s[c.start - 1000:c.end - 1000] == c.text


@pytest.mark.parametrize("sentence, civilians, children", [
    ("Five people, including two children, were killed in the strike.", None, 2),
    ("An airstrike killed at least 30 people, among them 12 children.", None, 12),
    ("Two children died in the fire.", 2, 2),
    ("At least 12 villagers were killed.", 12, None),
    ("Gunmen killed 14 soldiers.", None, None),
])
def test_civilians_and_children(sentence, civilians, children):
    c = find_casualties(sentence)
    assert (c.civilians, c.children) == (civilians, children)


@pytest.mark.parametrize("sentence, best, injured", [
    ("19 people were injured in the blast.", None, 19),
    ("The strike killed four people and wounded 25.", 4, 25),
    ("One person was killed and six others injured.", 1, 6),
    ("The clashes left two dead and five injured.", 2, 5),
    ("Gunmen killed a policeman and injured four others.", 1, 4),
])
def test_injuries_never_count_as_deaths(sentence, best, injured):
    c = find_casualties(sentence)
    assert (c.best, c.injured) == (best, injured)


@pytest.mark.parametrize("sentence", ["", "The ministers met in Geneva on Tuesday.", "Police used tear gas."])
def test_sentences_without_casualties(sentence):
    assert find_casualties(sentence) is None


def test_a_datelines_year_is_not_a_toll():
    c = find_casualties("MOGADISHU, July 16, 2024 - Nine civilians were killed on Tuesday when a minibus hit a mine.")
    assert (c.best, c.civilians) == (9, 9)
