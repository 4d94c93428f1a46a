"""What every export shares: cells no spreadsheet runs as a formula, the output opened as
text (a path) or used as it is (an open stream), ISO days read leniently."""
from __future__ import annotations

import contextlib
import datetime
import pathlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from ..model import StoredEvent

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula, on one line; numbers pass as they are.
    Article text is untrusted: a cell starting like a formula gets a leading "'"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, str):
        return value
    text = value.replace("\x00", "").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if text.lstrip(" ")[:1] in _FORMULA_START or text[:1] in _FORMULA_START:
        text = "'" + text
    return text


@contextlib.contextmanager
def open_text(out: str | pathlib.Path | IO) -> Iterator[IO[str]]:
    if isinstance(out, (str, pathlib.Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out


def iso_day(value: str | None) -> datetime.date | None:
    """The day of an ISO date or timestamp ("2016-08-16", "2016-08-16T10:00"), else None."""
    try:
        return datetime.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class EventDays:
    """When an event happened as the exports read it: its own dates (`own`), or, when it has
    none it can stand by, its article's publication day."""

    start: datetime.date
    end: datetime.date
    own: bool
    precision: str | None  # the event's date precision when own

    @property
    def days(self) -> int:
        return abs((self.end - self.start).days)


def event_days(event: StoredEvent) -> EventDays | None:
    """The event's days, or None when it has neither its own date nor a publication day."""
    date = event.date
    if date is not None and date.start and date.precision != "unresolved":
        start, end = iso_day(date.start), iso_day(date.end or date.start)
        return None if start is None or end is None else EventDays(start, end, True, str(date.precision))
    published = iso_day(event.document_published)
    return None if published is None else EventDays(published, published, False, None)
