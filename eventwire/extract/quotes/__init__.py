"""Quotes and reported speech, each with its speaker resolved where the text allows it.

Works on the cleaned text and its sentence spans only (no parse), so it can run on any
document. The cascade, per sentence:

1. find attribution phrases: "X said", "said X" after a comma or closing quote,
   "according to X", "X told reporters";
2. take the subject span of each and resolve it to a speaker: an actor overlapping the
   span; a person name; a pronoun ("he said") resolved to the one person named in the
   preceding sentence (None when there is none or more than one); a bare definite
   description ("the watchdog said") resolved only when something it can refer to was
   introduced earlier (None otherwise);
3. pair the sentence's quoted passages (“…”, "…", ‘…’) of four words or more with that
   attribution, or, when there are none, make the reported clause itself the quote.

A quote whose attribution could not be resolved keeps `attribution` set and `speaker=None`;
the quality stage reports those as `unresolved_attribution`.

The modules: attributions.py (step 1), speakers.py (step 2), persons.py (person names, for
both), common.py (sizes, pronouns, span arithmetic); the cascade itself is `find_quotes` here.
"""
from __future__ import annotations

import re

from ...model import Actor, Quote
from .attributions import find_attributions
from .common import LIMITS, PERSON_PRONOUNS, count_words, overlaps
from .persons import guess_persons, person_shaped
from .speakers import Said, person_description, resolve_speaker

_QUOTE_RE = re.compile(r"“([^”]{1,1500}?)”|(?<![\w])\"([^\"\n]{1,1500}?)\"|‘([^’]{1,1500}?)’(?!\w)")


def find_quotes(text: str, sentences: list[tuple[int, int]], actors: list[Actor], *,
                persons: list[tuple[int, int]] | None = None) -> list[Quote]:
    """Quoted passages and reported speech with their speakers.

    `persons`: optional PERSON entity spans (e.g. from spaCy); without them, person names are
    found by title ("President X") and name-shape heuristics.
    """
    actors = sorted(actors, key=lambda a: a.start)
    person_spans = guess_persons(text, actors, given=persons)
    passages = [(m.start(m.lastindex), m.end(m.lastindex)) for m in _QUOTE_RE.finditer(text)
                if m.lastindex]
    quotes: list[Quote] = []
    last_speaker: tuple[int, Actor | None] | None = None  # (sentence index, speaker)
    history: list[Said] = []  # every attribution so far, for "he said"
    for si, (s, e) in enumerate(sentences):
        inside = [p for p in passages if p[0] < e and s < p[1]]
        attrs = find_attributions(text, s, e, passages)
        long_passages = [p for p in inside if count_words(text[p[0]:p[1]]) >= LIMITS.quote_min_words]
        if not attrs:
            # A quote paragraph continued in the next sentence keeps its speaker.
            for p in long_passages:
                if p[0] < s or p[1] > e + 1:  # handled in the sentence where it ends
                    continue
                spk = None
                if last_speaker and last_speaker[0] == si - 1 and last_speaker[1] is not None:
                    spk = last_speaker[1]
                elif si > 0 and text[sentences[si - 1][0]:sentences[si - 1][1]].rstrip().endswith(":"):
                    spk = last_speaker[1] if last_speaker else None
                if spk is not None:
                    quotes.append(Quote(spk, text[p[0]:p[1]], p[0], p[1], None))
                    last_speaker = (si, spk)
            continue
        for a in attrs:
            prev = last_speaker[1] if last_speaker and last_speaker[0] >= si - 1 else None
            speaker = resolve_speaker(text, a, si, sentences, actors, person_spans, passages, prev, history)
            low = text[a.subject[0]:a.subject[1]].strip().lower()
            is_person = speaker is not None and (
                low in PERSON_PRONOUNS or person_shaped(speaker.text) or
                person_description(low) or
                any(p[0] < a.subject[1] and a.subject[0] < p[1] for p in person_spans))
            history.append(Said(a.subject[0], a.subject[1], speaker, is_person))
            phrase = text[a.phrase[0]:a.phrase[1]]
            mine = [p for p in long_passages if not (p[1] <= a.phrase[0] and a.phrase[0] - p[1] > LIMITS.quote_reach)
                    and not (a.phrase[0] <= p[0] < a.phrase[1])]
            if len(attrs) > 1:
                mine = [p for p in mine if overlaps(p, a.content) or _adjacent(text, p, a.phrase)]
            if mine:
                for p in mine:
                    quotes.append(Quote(speaker, text[p[0]:p[1]], p[0], p[1], phrase))
            else:
                cs, ce = a.content
                if ce - cs > LIMITS.reported_min_chars and count_words(text[cs:ce]) >= LIMITS.reported_min_words:
                    quotes.append(Quote(speaker, text[cs:ce], cs, ce, phrase))
            last_speaker = (si, speaker)
    quotes.sort(key=lambda q: q.start)
    return _dedupe(quotes)


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        if out and out[-1].start == q.start and out[-1].end == q.end:
            continue
        out.append(q)
    return out


def _adjacent(text: str, p: tuple[int, int], phrase: tuple[int, int]) -> bool:
    gap = text[p[1]:phrase[0]] if p[1] <= phrase[0] else text[phrase[1]:p[0]]
    return len(gap) <= LIMITS.adjacent_gap

