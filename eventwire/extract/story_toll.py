"""The toll a story gives for its incident, read from all of its sentences.

A local report tells its dead in pieces: the headline "Teen dies after shooting", the lead "two
people were shot, one fatally", a later paragraph "Ana Ruiz, 23, was pronounced dead at the
hospital", and at the end "the gunman then turned the gun on himself". The main event's own
sentence holds one piece. Each sentence's toll counts the victims it names; the story's toll is the
largest such count: a sentence that counts the dead counts them all, the others name one of them
again. Victims named in full as dead ("Ana Ruiz, 23, was pronounced dead", "Tom Hart died later")
are counted once each across the story: their number is the toll when it outnumbers every count
(a report that names its three dead one paragraph apart, but counts only two of them together). (Adding an attacker's own death told apart, "... then turned the gun on himself", to the
largest count was tried and lost on the fit split: stories that count the dead mostly count him.)

Measured on the shooting reports of `../shared/train/gva` (eval/gva.py, fit split, 400 reports),
together with the local-news casualty phrases of casualties/phrases.py: the main event's dead matches the
Gun Violence Archive's killed count in 0.80 of reports (0.69 before; one dead: 0.56 -> 0.81).

The story is what comes before the event's sentence (headline, lead) and what carries it on after
(resolve/dates/story_days.py story_after: up to an aside, "Separately, ...", or a sentence set at another time,
"On Monday, soldiers ..."). Left out besides: a running count ("this year", casualty_cumulative
pattern), a sentence dated, by a date of its own, further than `THRESHOLDS.other_day_days` from the
event's day (an earlier killing told as background), and a count of "other" victims ("troops later
shot dead five other attackers": another act). A figure told as the toll ("police put the death toll
at 31") is the story's own summary: the lowest such figure wins over any count (ACLED: the lowest
figure when sources conflict).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from ..lexicon import regex, word_set
from ..model import Casualties, Event
from .casualties import counts_others, find_casualties, told_as_toll


@dataclass(frozen=True)
class Thresholds:
    """Every number the story's toll is read by, named once."""

    other_day_days: int = 31  # a sentence dated over a month from the event's day tells another one (background)
    later_sentences: int = 30  # a toll told past the event's story is looked for in the page's first sentences only


THRESHOLDS = Thresholds()


def story_toll(ev: Event, sentences: Sequence[tuple[int, str]], published: str | None, *,
               aside: re.Pattern[str]) -> Casualties | None:
    """The largest toll the story's sentences (start offset, text) give for `ev`'s incident; None
    when no sentence tells a toll."""
    from ..resolve.dates import event_story, find_dates

    day = _day(ev.date.start if ev.date else None) or _day(published)
    before = [(start, text) for start, text in sentences if start <= ev.evidence.start]
    after = [(start, text) for start, text, _ in event_story(ev, sentences, published, aside=aside)]
    best: Casualties | None = None
    summary: Casualties | None = None
    named: list[tuple[set[str], Casualties]] = []
    for start, text in before + after:
        if aside.match(text.lstrip()) or _other_day(find_dates(text, published), day):
            continue
        _add_named(named, text, start)
        found = find_casualties(text, offset=start, story=True)
        if found is None or found.best is None or counts_others(found):
            continue
        if told_as_toll(found) and (summary is None or found.best < summary.best):
            summary = found
        if best is None or found.best > best.best:
            best = found
    if summary is None and named and (best is None or len(named) > best.best):
        last = named[-1][1]  # the victims named one by one outnumber every count the story gives
        return Casualties(text=last.text, best=len(named), low=len(named), high=len(named), start=last.start,
                          end=last.end)
    if summary is None and best is None:
        return _later_toll(ev, sentences, after, published, aside)
    return summary or best


def _later_toll(ev: Event, sentences: Sequence[tuple[int, str]], story: list[tuple[int, str]],
                published: str | None, aside: re.Pattern[str]) -> Casualties | None:
    """A story that tells no death near its event may tell it further down: local news gives the
    arrest or the charge first and, paragraphs later, "the victim was pronounced dead at the scene",
    past the sentence set at another time ("On Nov. 14, police obtained a warrant") that ends the
    event's own story. The first toll told after it, up to an aside, leaving out counts of other
    victims and any sentence with a date of its own other than the event's day ("On Monday, soldiers
    killed nine fighters": another incident's toll)."""
    from ..resolve.dates import find_dates

    after = max([ev.evidence.start] + [start for start, _ in story])
    own = ev.date.start if ev.date else None
    for start, text in sentences[:THRESHOLDS.later_sentences]:
        if start <= after:
            continue
        if aside.match(text.lstrip()):
            break
        if any(when.start != own for when in find_dates(text, published)):
            continue
        found = find_casualties(text, offset=start, story=True)
        if found is not None and found.best is not None and not counts_others(found):
            return found
    return None


_NAMED_DEAD = regex("story_named_dead")
_NAME = regex("story_victim_name")
_NOT_NAMES = word_set("not_victim_names")


def _add_named(named: list[tuple[set[str], Casualties]], text: str, start: int) -> None:
    """Adds the victims `text` names in full as dead to `named` (their name words, their telling), each
    once: a name whose words are all those of one already told ("Officer Ruiz" after "Ana Ruiz") is
    the same victim; "Tom Hart" and "Ann Hart" are two."""
    for m in _NAMED_DEAD.finditer(text):
        names = m.group("names")
        for name in _NAME.finditer(names):
            if re.search(r"\bof\s*$", names[:name.start()]):
                continue  # "Ana Ruiz, 23, of Elmwood": her town
            words = [w.lower().strip('."') for w in name.group(0).split()]
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            key = set(words)
            if len(key) < 2 or any(key <= old or old <= key for old, _ in named):
                continue  # a first or last name alone ("Kendall", "Mom") may be anyone: a full name counts
            named.append((key, Casualties(text=m.group(0), best=1, low=1, high=1, start=start + m.start(),
                                          end=start + m.end())))


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _other_day(dates, day: dt.date | None) -> bool:
    """A date of the sentence's own lies `other_day_days` or more from the event's day."""
    if day is None:
        return False
    for when in dates:
        start = _day(when.start)
        if when.precision in ("day", "range", "week", "month") and start is not None:
            end = _day(when.end) or start
            if (day - end).days >= THRESHOLDS.other_day_days or (start - day).days >= THRESHOLDS.other_day_days:
                return True
        elif when.precision == "year" and start is not None and start.year != day.year:
            return True
    return False
