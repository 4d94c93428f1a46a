"""Query parameters of the web API, checked by the CLI's own checks (eventwire.cli_checks):
a bad value is a 400 answer that names the parameter and says what is wanted."""
from __future__ import annotations

import math
from typing import Annotated

import click
from fastapi import Query

from .. import cli_checks as check
from ..filters import Filters

_SHORT = 200  # no filter value needs more; longer is refused before any work


class BadFilter(Exception):
    """A query parameter that the checks refused; answered with 400."""

    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param
        self.message = message


def _name(hint: str | None) -> str:
    """The API's name for a CLI option named in a check's message: --sub-type -> sub_type."""
    return "/".join(h.strip().lstrip("-").replace("-", "_") for h in (hint or "filter").split("/"))


def filters(
    type: Annotated[str | None, Query(max_length=_SHORT, description="ACLED event type or PLOVER type")] = None,
    sub_type: Annotated[str | None, Query(max_length=_SHORT, description="ACLED sub-event type")] = None,
    country: Annotated[str | None, Query(max_length=_SHORT, description="ISO 3166-1 alpha-3 code, e.g. SYR")] = None,
    actor: Annotated[str | None, Query(max_length=_SHORT,
                                       description="actor name (either side), case-insensitive; * as wildcard")] = None,
    since: Annotated[str | None, Query(max_length=_SHORT, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(max_length=_SHORT, description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    near: Annotated[str | None, Query(max_length=_SHORT, description="LAT,LON,KM")] = None,
    min_quality: Annotated[str | None, Query(max_length=_SHORT,
                                             description="minimum page-quality score, 0..1")] = None,
    q: Annotated[str | None, Query(max_length=_SHORT, description="text in the evidence sentence")] = None,
) -> Filters:
    """The store's filters, the CLI's `Filters` record (FastAPI dependency)."""
    try:
        return check.filters(type, sub_type, country, actor, since, until, near, min_quality, q)
    except click.BadParameter as exc:
        raise BadFilter(_name(exc.param_hint if isinstance(exc.param_hint, str) else None),
                        exc.message) from None


def bbox(
    bbox: Annotated[str | None, Query(max_length=_SHORT,
                                      description="the map's view SOUTH,WEST,NORTH,EAST in degrees")] = None,
) -> tuple[float, float, float, float] | None:
    """The map's bounding box; west > east crosses the antimeridian."""
    if not bbox:
        return None
    want = "bbox wants SOUTH,WEST,NORTH,EAST in decimal degrees, e.g. 30,30,40,45"
    try:
        south, west, north, east = (float(x) for x in bbox.split(","))
    except ValueError:
        raise BadFilter("bbox", f"{bbox!r}: {want}") from None
    if not all(math.isfinite(x) for x in (south, west, north, east)):
        raise BadFilter("bbox", f"{bbox!r}: {want}")
    if not (-90 <= south <= north <= 90):
        raise BadFilter("bbox", f"{bbox!r}: latitudes must be in -90..90 with SOUTH <= NORTH ({want})")
    # A view wider than the world (Leaflet at low zoom) is the whole world.
    if east - west >= 360:
        west, east = -180.0, 180.0
    west, east = _wrap(west), _wrap(east)
    return south, west, north, east


def _wrap(lon: float) -> float:
    """A longitude of a panned map (beyond ±180) on the globe."""
    if -180 <= lon <= 180:
        return lon
    return (lon + 180) % 360 - 180


Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="rows to skip (stable order)")]
