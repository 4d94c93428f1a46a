"""The event a document is about: its main event.

The reportable-event model marks it (`"main": true`, the most confident record); raw mentions
(extract(..., mentions=True)) carry no mark, and extract ranks their confidence by salience
(headline and lead up, asides and the past down), so the main event is the most confident one.
Its users differ only in which events may compete, which the keywords choose; this is the one
definition.
"""
from __future__ import annotations

from typing import Literal

from .model import Document, Event, marked_main

Among = Literal["all", "typed", "typed_first"]


def main_event(doc: Document, *, among: Among = "all", background_days: int | None = None) -> Event | None:
    """The event marked main when it competes, else the most confident event (the first in text
    order on ties), or None when none competes.

    among: "all" events (the ACLED and CASE measures: "the document's most confident event");
    "typed", only those with an ACLED event_type (None when there is none); "typed_first", the
    typed ones when there are any, else all.
    background_days: also leave out events that ended more than this many days before
    publication ("based in eastern Congo since the 1990s"), unless nothing else is left.
    """
    events = doc.events
    if among == "typed":
        events = [e for e in events if e.event_type]
    elif among == "typed_first":
        events = [e for e in events if e.event_type] or events
    elif among != "all":
        raise ValueError(f"among={among!r}: one of all, typed, typed_first")
    if background_days is not None:
        from .resolve.dates import days_before_published

        current = [e for e in events if (days_before_published(e.date, doc.published) or 0) <= background_days]
        events = current or events
    return marked_main(events) or max(events, key=lambda e: e.confidence or 0.0, default=None)
