"""The categorical values of the records, as str-valued enums.

A member is its string (`EventType("Battles") == "Battles"`, `json.dumps` writes "Battles"),
so JSON output and comparisons with plain strings do not change; what the enum adds is one
place that names every value. ACLED's event and sub-event types and the PLOVER types come
from data/taxonomy.json (defined once there); the other value sets are the contract's
(docs/EVENT-RECORD.md).

Records keep a value no enum knows as the plain string it was (a newer eventwire may add a
type; a stored document must still read), see `member`.
"""
from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from .lexicon import taxonomy


def _enum(name: str, values: list[str]) -> type[StrEnum]:
    """A StrEnum built from data values: "Explosions/Remote violence" -> EXPLOSIONS_REMOTE_VIOLENCE."""
    members = {re.sub(r"\W+", "_", v).strip("_").upper(): v for v in values}
    return StrEnum(name, members, module=__name__)  # module: members pickle across worker processes


_TAXONOMY = taxonomy()

EventType = _enum("EventType", list(_TAXONOMY.event_types))
SubEventType = _enum("SubEventType", [s for subs in _TAXONOMY.event_types.values() for s in subs])
PloverType = _enum("PloverType", sorted({s.plover for s in _TAXONOMY.sub_event_types.values()}
                                        | set(_TAXONOMY.plover_cameo) | {"OTHER"}))


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
    RANGE = "range"
    UNRESOLVED = "unresolved"


class PlacePrecision(StrEnum):
    """From finest to coarsest; region (a named part of a country or a group of countries)
    and continent are coarser than the contract's original five."""

    POINT = "point"
    CITY = "city"
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    REGION = "region"
    COUNTRY = "country"
    CONTINENT = "continent"


class ActorKind(StrEnum):
    STATE = "state"
    MILITARY = "military"
    POLICE = "police"
    REBEL = "rebel"
    MILITIA = "militia"
    CIVILIANS = "civilians"
    PROTESTERS = "protesters"
    NGO = "ngo"
    MEDIA = "media"
    INTERNATIONAL = "international"
    OTHER = "other"


class RemovedReason(StrEnum):
    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    DUPLICATE = "duplicate"


class FlagKind(StrEnum):
    """Page-quality flags; the first three repeat what clean removed (RemovedReason)."""

    BOILERPLATE = "boilerplate"
    CAPTION = "caption"
    DUPLICATE = "duplicate"
    NEAR_DUPLICATE = "near_duplicate"
    NAME_VARIANT = "name_variant"
    CONTRADICTION = "contradiction"
    UNRESOLVED_ATTRIBUTION = "unresolved_attribution"


class Corroboration(StrEnum):
    SINGLE_SOURCE = "single_source"
    CORROBORATED = "corroborated"
    ACKNOWLEDGED = "acknowledged"


def member(enum: type[StrEnum], value: Any) -> Any:
    """`value` as a member of `enum` when it names one; else unchanged (None, or a string no
    member has)."""
    if isinstance(value, str) and not isinstance(value, enum):
        return enum._value2member_map_.get(value, value)
    return value
