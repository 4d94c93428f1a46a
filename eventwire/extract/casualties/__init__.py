"""Fatality (and injury) counts in one sentence, coded the conservative ACLED way.

Only numbers tied to a death phrase count: "19 civilians were killed", "killing two",
"the death toll rose to 40", "the bodies of 5 people". Numbers of anything else (times,
districts, years, ages, protesters) never do, nor do threats ("threatened to kill 100"),
hypotheticals ("could have been killed") or running war totals ("since 2011").

Conventions (documented choices; see numbers.VAGUE for the word table):
- exact number n: best = low = high = n.
- "at least / more than / over n": best = low = n, high None (ACLED keeps the stated figure).
- "up to / nearly / almost / fewer than n": best = high = n, low None.
- "about / around / some n": best = n, low = high = None.
- ranges "between 10 and 15", "10-15", "two or three": best = low (ACLED: lowest figure).
- vague words: "dozens" 12, "tens" 10, "scores" 20, "hundreds" 100, "thousands" 1000 (ACLED
  codebook); "several", "many", "a number of", "an unknown number of" 3 (ACLED's current
  practice for plural but unspecified deaths, as its coders' notes show); "a few" 3;
  "a couple of" 2. best = low = that figure, high None.
- a singular victim ("a soldier was killed", "killing a civilian", "he was shot dead") = 1; listed
  ones one each ("a mother and son were found fatally shot" = 2); a killer among his victims
  ("killed three people and himself" = 4).
- local news tells its dead in charges too: "two counts of first-degree murder" = 2 (not
  "attempted murder"), "a triple homicide" = 3, "the two homicides" = 2 (a bare "44 homicides" is
  a city's tally); "accused of killing three" is a killing done, not a hypothetical.
- the attacker's own death told beside his victims counts too: "he died of a self-inflicted gunshot
  wound after killing A and B" = 3, "left him and his two daughters dead" = 3; victims told "along
  with" those a verb counts are added ("three were killed, along with her niece and a friend" = 5);
  "a suspect wanted in five killings" = 5.
- "no one was killed" / "no deaths" = 0.
- several death mentions in one sentence: a list ("three soldiers and two civilians were
  killed") is summed; a toll ("the death toll rose to 40") wins over other mentions;
  otherwise mentions of different groups are summed and repeated figures for the same group
  take the lowest (conservative); two readings of the same words (a list read from "left him and
  two others dead" and "two others dead") are one telling: the list, which counts every item.
- a city's roundup of several shootings ("four were killed in shootings across the city", "in
  weekend shootings") is a running tally, no incident's toll.
- civilians: set when the victims are named as civilians (civilians, villagers, children,
  women, worshippers...), or an "including N civilians" clause says so; children likewise.
- injuries ("19 people were injured", "wounding 12") go to `injured` only; a sentence with
  injuries and no deaths returns Casualties with best None.
- the dead of both sides count ("killing 15 fighters while losing three of their own" = 18);
  deaths in accidents or of illness do not (ACLED counts political violence only).
- across sentences (carry_story_tolls): a lethal event without a toll of its own takes the one
  its story gives later; a lower toll from another source replaces its own (lowest figure).

The package, one job a module: numbers.py reads figures ("at least 12", "dozens"); phrases.py
finds a sentence's death and injury phrases; count.py sums them into the sentence's Casualties
(`find_casualties`); tolls.py merges tolls across tellings and carries the story's toll.
"""
from __future__ import annotations

from .count import find_casualties
from .tolls import carry_story_tolls, counts_others, merge_tolls, told_as_toll

__all__ = ["carry_story_tolls", "counts_others", "find_casualties", "merge_tolls", "told_as_toll"]
