"""What to select from the store: one `Filters` record, built from the command line's options
(cli_checks.filters), read by the store's queries and handed on by the exports.

    store.events(Filters(type="Battles", country="SYR", since="2016-08"))
"""
from __future__ import annotations

import dataclasses
import datetime
import math
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Filters:
    """Every field is optional; the given ones must all match.

    type: an ACLED event type or, failing that, a PLOVER type ("Battles", "ASSAULT"), any case;
    sub_type: an ACLED sub-event type; country: ISO 3166-1 alpha-3 of the location; actor: a
    canonical name or mention text (either side), any case, '*' as wildcard; since/until:
    YYYY[-MM[-DD]] (a date object too), overlap-matching, a partial date covering its whole
    period, an undated event taking its article's publication date; near: (lat, lon, km);
    min_quality: the page-quality score (0-1) of the event's document, at least (an incident:
    any of its sources'); text: a case-insensitive piece of the evidence sentence (an
    incident: of any member event's); document_id: the events of one document (the incidents
    it is part of).
    """

    type: str | None = None
    sub_type: str | None = None
    country: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    near: tuple[float, float, float] | None = None
    min_quality: float | None = None
    text: str | None = None
    document_id: str | None = None

    def __post_init__(self) -> None:
        # A bad value fails here, where the record is made, not in the middle of an export.
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None:
                day_bound(value, upper=False)
                object.__setattr__(self, name, _day_text(value))
        if self.near is not None:
            lat, lon, km = (float(x) for x in self.near)
            if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0 and math.isfinite(km)):
                raise ValueError(f"near=(lat, lon, km) out of range: {self.near!r}")
            object.__setattr__(self, "near", (lat, lon, km))
        if self.min_quality is not None:
            q = float(self.min_quality)
            if not 0 <= q <= 1:
                raise ValueError(f"min_quality {self.min_quality!r} is outside 0..1")
            object.__setattr__(self, "min_quality", q)

    def given(self) -> dict[str, Any]:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self) if getattr(self, f.name) is not None}


def _day_text(value: Any) -> str:
    if isinstance(value, datetime.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, datetime.date) else str(value).strip()


def day_bound(value: Any, *, upper: bool) -> str:
    """A `since`/`until` value as a comparable ISO string; partial dates cover their period.

    "2016" as `until` must include 2016-12-31, so it becomes "2016-99-99" (string order).
    """
    text = _day_text(value)
    parts = [int(p) for p in text.split("-")] if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) else []
    if parts:
        try:
            datetime.date(*(parts + [1, 1])[:3])
        except ValueError:  # "2016-13", "2024-02-30": the right shape, but no day of the calendar
            parts = []
    if not parts:
        raise ValueError(f"not a YYYY[-MM[-DD]] date: {value!r}")
    pad = "-99-99" if upper else "-00-00"
    return text + pad[len(text) - 4:]
