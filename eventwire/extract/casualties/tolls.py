"""An event's toll across tellings: which figure is told as the toll, which counts other victims,
how two tellings of one toll merge, and the toll an event takes from the sentences that carry
its story on (carry_story_tolls)."""
from __future__ import annotations

import re
from typing import Sequence

from eventwire.lexicon import regex
from eventwire.model import Casualties, Event
from eventwire.resolve.dates import event_story

from .count import find_casualties

_TOLL_WORD = regex("toll_words", re.I)
_OTHERS = regex("toll_other_victims", re.I)


def told_as_toll(found: Casualties) -> bool:
    """The figure is told as the toll ("police put the death toll at 31"): the story's own summary."""
    return bool(_TOLL_WORD.search(found.text or ""))


def merge_tolls(own: Casualties | None, other: Casualties | None) -> Casualties | None:
    """One event's toll from two tellings: a figure told as the toll is the story's summary and wins
    over a count (the lowest of two such figures: ACLED's lowest figure when sources conflict);
    otherwise the larger count (one sentence names a victim, another counts them all). An explicit
    "no one was killed" stays; a count of other victims never raises it."""
    if other is None or other.best is None:
        return own if own is not None else other
    if own is None or own.best is None:
        return other
    if counts_others(other) or own.best == 0:
        return own
    if told_as_toll(own) != told_as_toll(other):
        return own if told_as_toll(own) else other
    if told_as_toll(own):
        return other if other.best < own.best else own
    return other if own.best < other.best else own


def counts_others(found: Casualties) -> bool:
    """The toll counts victims other than an event's own: "troops later shot dead five other attackers"."""
    return bool(_OTHERS.search(found.text or ""))


_PRONOUN_VICTIM = regex("toll_pronoun_victim", re.I)


def carry_story_tolls(events: Sequence[Event], sentences: Sequence[tuple[int, str]], published: str | None,
                      *, aside: re.Pattern[str]) -> None:
    """ACLED codes an event's toll from the whole report, not only from the sentence that names the
    event: "Rebels took the town on Tuesday. [...] He said four civilians were killed in the fighting."
    Each lethal event in `events` looks at the sentences (start offset, text) that carry its story
    on, and keeps the toll found there with that sentence's evidence span (see _better_toll). A
    sentence with a detail dated otherwise ("they arrived late on Saturday") is not the event's."""
    for ev in events:
        for start, text, other in event_story(ev, sentences, published, aside=aside):
            found = None if other else find_casualties(text, offset=start)
            if found is not None and found.best is not None:
                ev.fatalities = _better_toll(ev.fatalities, found)


def _better_toll(own: Casualties | None, found: Casualties) -> Casualties:
    """An event without a toll takes the story's; one with a toll keeps it, unless the story gives a
    lower toll for the incident (ACLED: the lowest figure when sources conflict) or names its one
    victim again among more ("killing her and a campaign volunteer")."""
    if own is None or own.best is None:
        return found
    if found.best < own.best and told_as_toll(found):
        return found
    if own.best == 1 and found.best > 1 and _PRONOUN_VICTIM.search(found.text):
        return found
    return own
