"""The casualties of one sentence: its death and injury phrases (phrases.py) summed the
conservative ACLED way into one Casualties record, with civilians and children among them."""
from __future__ import annotations

import re

from eventwire.lexicon import alternation, word_set
from eventwire.model import Casualties

from .numbers import add_known, quantity
from .phrases import FLOORS, WINDOWS, Mention, extend_list, head_word, people, phrase_rx, prepend_list, sentence_mentions, stem_word

_CIVILIAN = re.compile(alternation("civilian_victim_nouns"), re.I)
_CHILD = re.compile(alternation("child_victim_nouns"), re.I)
_SUBSET_CIVILIANS = word_set("subset_civilian_nouns")


def _group_counts(group: list[Mention]) -> tuple[int | None, int | None]:
    civ = kids = 0
    civ_seen = kid_seen = False
    for m in group:
        h = head_word(m.noun)
        if h and _CIVILIAN.fullmatch(h):
            civ += m.best
            civ_seen = True
        if h and _CHILD.fullmatch(h):
            kids += m.best
            kid_seen = True
    return (civ if civ_seen else None), (kids if kid_seen else None)


def _same_words(a: list[Mention], b: list[Mention]) -> bool:
    """Two readings share words: "left him and two others dead" read as a list after "left him" and as
    "two others dead" tells the same two others, not other victims."""
    return any(x.start < y.end and y.start < x.end for x in a for y in b)


def find_casualties(sentence: str, *, offset: int = 0, story: bool = False) -> Casualties | None:
    """Deaths (ACLED conventions), civilians, children and injured in one sentence; None if none said.
    `story`: the sentence is read for its story's toll, with the floors only a story tells (STORY_FLOORS)."""
    if not sentence or not phrase_rx()["gate"].search(sentence):
        return None
    if phrase_rx()["cumulative"].search(sentence):
        return None
    deaths, injuries = sentence_mentions(sentence, story=story)
    injured = injuries[0].best if injuries else None
    # "the gunman was among the dead", "a murder-suicide": a least toll, never added to a count
    floors = [m for m in deaths if m.kind in FLOORS]
    deaths = [m for m in deaths if m.kind not in FLOORS] or floors[:1]
    floor = max((m.best for m in floors), default=0)
    if not deaths:
        none = phrase_rx()["none"].search(sentence)
        if none and not phrase_rx()["injury_stems"].search(none.group(0)):
            return Casualties(text=none.group(0), best=0, low=0, high=0, injured=injured,
                              start=none.start() + offset, end=none.end() + offset)
        if injured is None:
            return None
        first = injuries[0]
        return Casualties(text=first.text, best=None, low=None, high=None, injured=injured,
                          start=first.start + offset, end=first.end + offset)

    groups: list[list[Mention]] = []
    for m in deaths:
        grp = prepend_list(sentence, m, deaths) + extend_list(sentence, m)
        groups.append(sorted(grp, key=lambda x: x.start))
    # a toll is the sentence's own summary figure
    tolls = [g for g in groups if g[0].kind == "toll" or any(x.kind == "toll" for x in g)]
    if tolls:
        groups = tolls[:1]

    chosen: list[list[Mention]] = []
    for g in groups:
        heads = {stem_word(x.noun) for x in g}
        clash = next((c for c in chosen if {stem_word(x.noun) for x in c} & heads
                      or not all(head_word(x.noun) for x in c + g)), None)
        if clash is None:
            chosen.append(g)
        elif _same_words(g, clash):  # one phrase read twice, once as a list: the list counts every item
            if sum(x.best for x in g) > sum(x.best for x in clash):
                chosen[chosen.index(clash)] = g
        elif sum(x.best for x in g) < sum(x.best for x in clash):  # same victims told twice: lowest
            chosen[chosen.index(clash)] = g

    best = sum(x.best for g in chosen for x in g)
    if best < floor:
        chosen = [[max(floors, key=lambda x: x.best)]]
        best = floor
    low: int | None = 0
    high: int | None = 0
    civilians: int | None = None
    children: int | None = None
    for g in chosen:
        for x in g:
            low, high = add_known(low, x.low), add_known(high, x.high)
        c, k = _group_counts(g)
        civilians = c if civilians is None else (civilians + c if c is not None else civilians)
        children = k if children is None else (children + k if k is not None else children)

    start = min(x.start for g in chosen for x in g)
    end = max(x.end for g in chosen for x in g)
    sub = phrase_rx()["subset"].search(sentence, start, min(len(sentence), end + WINDOWS.subset))
    if sub and people(sub.group("noun")):
        q = quantity(sub.group("num"))
        h = head_word(sub.group("noun"))
        if q is not None and q[0] <= best:
            if _CHILD.fullmatch(h or "-"):
                children = q[0] if children is None else max(children, q[0])
                end = max(end, sub.end("noun"))
            elif h in _SUBSET_CIVILIANS:
                civilians = q[0] if civilians is None else max(civilians, q[0])
                end = max(end, sub.end("noun"))
            elif sub.group("noun").strip():
                end = max(end, sub.end("noun"))
    return Casualties(text=sentence[start:end], best=best, low=low, high=high, civilians=civilians,
                      children=children, injured=injured, start=start + offset, end=end + offset)
