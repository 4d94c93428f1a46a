"""Where and when an event happened: the place and the date picked among its sentence's, and the
setting a sentence without its own takes from its paragraph (`_inherit_setting`)."""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Span

from ...geo.data import LEVEL_WORDS
from ...geo.hints import in_region_list
from ...lexicon import regex
from ...model import Event, Place, When
from ...resolve.dates import sets_the_scene
from ..offsets import ByStart, Cover, Paragraphs
from .thresholds import T
from .triggers import Hit


# Where a march or a convoy was heading is not where it happened: "blocked the highway towards
# Chiclayo", "the roads leading to Tena". (A place of departure is: ACLED codes "departed from
# Kingman" and "evacuated from Mariupol" there.)
_HEADING_TO = regex("heading_to_before", re.I)


def _elsewhere(p: Place, text: str) -> bool:
    return bool(_HEADING_TO.search(text[max(0, p.start - T.heading_window):p.start]))


# finest first: a town says more about where than its province, a province more than its country
_PRECISION_RANK = {"point": 0, "city": 0, "admin2": 1, "admin1": 2, "country": 3}


def _pick_place(hit: Hit, sent: Span, places: list[Place], excluded: Cover, text: str) -> Place | None:
    inside = [p for p in places if sent.start_char <= p.start and p.end <= sent.end_char
              and p.latitude is not None and not excluded.holds(p.start, p.end)]
    if not inside:
        return None
    t = hit.span.start_char
    # of two names as fine, the place itself beats a region listed for it: "in Myo Haung
    # village (Palaw township, Myeik district)" happened in Myo Haung, even placed at Palaw;
    # "in Tlapacoyan, Veracruz" in Tlapacoyan
    return min(inside, key=lambda p: (_elsewhere(p, text), _PRECISION_RANK.get(p.precision or "country", 3),
                                      in_region_list(text, p.start, p.end) or _apposed(p, inside, text),
                                      abs(p.start - t)))


def _apposed(p: Place, places: list[Place], text: str) -> bool:
    """The name follows another place of the sentence, as fine or finer, after a comma, as its
    region does: "Tlapacoyan, Veracruz", "Shostka district, Sumy"."""
    rank = _PRECISION_RANK.get(p.precision or "country", 3)
    for q in places:
        if q.end <= p.start <= q.end + T.apposition_gap and _PRECISION_RANK.get(q.precision or "country", 3) <= rank:
            words = text[q.end:p.start].replace(",", " , ").split()
            if words and words[-1] == "," and all(w in LEVEL_WORDS for w in words[:-1]):
                return True
    return False


def _pick_date(hit: Hit, dates: list[When], sent: Span) -> When | None:
    if not dates:
        return None
    t = hit.span.start_char
    text = sent.text  # once: Span.text joins the sentence's tokens on each call
    # a day put first ("On 4 May 2022, ...") is the sentence's time, nearer dates are its details'
    return min(dates, key=lambda d: (d.start is None and d.precision != "unresolved",
                                     not (d.precision in {"day", "range", "week"}
                                          and sets_the_scene(d, text, sent.start_char)),
                                     abs((d.span_start or 0) - t)))


_FINE = {"point", "city", "admin2", "admin1"}


def _paragraph_place(paragraphs: Paragraphs, places: ByStart[Place], before: int) -> Place | None:
    """The finest resolved place named earlier in the paragraph that holds offset `before`
    (the earliest of equals): the scene a sentence without a place of its own carries on, even
    when the sentence that named it reported no event ("In X village (Y district), ...")."""
    para = paragraphs.start_before(before)
    seen = [p for p in places.within(para, before) if p.latitude is not None and p.precision in _FINE]
    return min(seen, key=lambda p: (_PRECISION_RANK[p.precision], p.start)) if seen else None


def _inherit_setting(events: list[Event], text: str, places: Sequence[Place] = ()) -> None:
    """A sentence that carries a paragraph's story on ("Police fired tear gas to disperse them.")
    happened when and where the paragraph's dated, placed sentence says. The date and place keep
    their own text and span, so their evidence is still the words they came from."""
    when: When | None = None
    where: Place | None = None
    by_type: dict[str, tuple[When | None, Place | None]] = {}
    last_end = 0
    paragraphs, by_start = Paragraphs(text), ByStart(places)
    for ev in events:
        if "\n\n" in text[last_end:ev.evidence.start]:
            # A new paragraph starts a new setting, except for more of the same kind of event:
            # "The gun battle lasted four hours" still happened when and where the lead said.
            when, where = by_type.get(ev.event_type or "", (None, None)) if ev.event_type else (None, None)
        if ev.date is not None and ev.date.precision in {"day", "week", "range"}:
            when = ev.date
        elif ev.date is None and when is not None:
            ev.date = when
        if ev.location is not None and ev.location.precision not in {"country", "region", "continent"}:
            where = ev.location
        elif ev.location is None:
            ev.location = where or _paragraph_place(paragraphs, by_start, ev.evidence.start)
        if ev.event_type:
            # the first day and the first place told for the kind, though a headline told neither
            first_when, first_where = by_type.get(ev.event_type, (None, None))
            by_type[ev.event_type] = (
                first_when or (ev.date if ev.date and ev.date.precision in {"day", "week", "range"} else None),
                first_where or (ev.location if ev.location and ev.location.precision not in {"country", "region", "continent"} else None))
        last_end = ev.evidence.end
