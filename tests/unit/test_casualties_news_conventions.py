"""find_casualties on the ways full news stories tell a toll (ACLED: the dead of the event, all sides)."""
import pytest

from eventwire.extract.casualties import find_casualties


@pytest.mark.parametrize("sentence, best", [
    # both sides' dead are the event's toll
    ("Rebels overran the outpost, killing nine soldiers while losing two of their own.", 11),
    ("The army said it killed 30 insurgents and lost four soldiers in the battle.", 34),
    ("Troops repelled the attack, losing five men.", 5),
    # violence that kills only with "to death" after its victims
    ("A mob stoned a woman to death near the mosque.", 1),
    ("Villagers beat two suspected thieves to death on Sunday.", 2),
    ("Residents lynched a suspected kidnapper in the square.", 1),
    ("Angry traders lynched three men accused of theft.", 3),
    # victims told with a relative clause
    ("Three militants who tried to scale the wall were shot dead by guards.", 3),
    ("Six attackers who stormed the hotel were later killed by police.", 6),
    # a modifier noun is not the victim: the head is
    ("The strike killed three district officials.", 3),
    ("Bandits killed two cattle herders.", 2),
    # one more victim after the first, maybe after the first one's name
    ("Gunmen killed a soldier and a civilian at the checkpoint.", 2),
    ("Gunmen shot dead a village chief, Omar Musa, and his wife at their home.", 2),
    ("The attackers killed him and a bodyguard before fleeing.", 2),
    ("Police shot dead two men after an accident.", 2),
    # a number after "killed" is its object: the subject killed, it did not die
    ("Clashes between two armed groups have killed at least 21 people near Tibu.", 21),
    ("Two soldiers killed at least five militants in the raid.", 5),
    # "two of his lieutenants", "the killing of the council member", "2-3 militants" (ACLED: the lowest)
    ("Troops killed one rebel commander and two of his lieutenants during the raid.", 3),
    ("Gunmen opened fire on the car, which resulted in the killing of the local council member.", 1),
    ("The murder of a journalist in the city shocked residents.", 1),
    ("On Monday, 2-3 militants were shot dead near the bridge.", 2),
    ("Rockets hit 2-3 km from the base, killing 4 people.", 4),
    # hurt first, dead later; "one of his sons"
    ("A guard was wounded in the attack and later died in hospital.", 1),
    ("The man was shot and died on the way to hospital.", 1),
    ("Gunmen killed a trader and one of his sons near the market.", 2),
])
def test_counts(sentence, best):
    got = find_casualties(sentence)
    assert got is not None and got.best == best
    assert got.text == sentence[got.start:got.end]


@pytest.mark.parametrize("sentence", [
    "Two men who said their relatives were killed spoke to reporters.",
    "The company lost two trucks in the ambush.",
    # not political violence (ACLED)
    "Workers blocked the road after a colleague died in a workplace accident.",
    "Students protested after a classmate was killed in a road accident.",
    "Three miners died of illness in the camp.",
    "Residents protested after a woman died due to a cardiac attack.",
    "Police condemned the killing of the protesters.",
    "A soldier was injured and his unit withdrew.",
    # a running total, not one event's toll
    "At least 15 journalists have been killed since the war began.",
    "At least 20 people have been killed since the unrest erupted in May.",
])
def test_no_event_toll(sentence):
    got = find_casualties(sentence)
    assert got is None or got.best is None
