"""Checks of what users type on the command line: each bad value fails before any work starts
(and before any database is created), with what was wrong and what is wanted."""
from __future__ import annotations

import math
import os
import re
from pathlib import Path

import click

from .countries import countries as known_countries
from .filters import Filters, day_bound

_URL = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2016, 2016-08 or 2016-08-16)"
_HALF_EARTH_KM = 20_038  # no two points on Earth are further apart


def db_path(value: str) -> str:
    """An SQLite file path or a postgresql:// URL; another kind of URL is refused with what is
    supported."""
    m = _URL.match(value)
    if m:
        scheme = m.group(1).lower()
        if scheme in ("postgresql", "postgres"):
            return value
        raise click.BadParameter(f"{scheme}:// databases are not supported: give the path of an SQLite file "
                                 "(e.g. --db eventwire.db) or a postgresql:// URL", param_hint="--db")
    if os.path.isdir(value):
        raise click.BadParameter(f"{value} is a folder: give the path of an SQLite file", param_hint="--db")
    return value


def published(value: str | None) -> str | None:
    """--published: any readable date, as YYYY-MM-DD."""
    from .ingest.dates import read_date

    if value is None:
        return None
    day = read_date(value)
    if day is None:
        raise click.BadParameter(f"{value!r} is not a date that can be read: give YYYY-MM-DD "
                                 "(or a written date such as '17 December 2016')", param_hint="--published")
    return day


def day(value: str | None, option: str) -> str | None:
    """--since/--until: a real calendar year, month or day."""
    if value is None:
        return None
    try:
        day_bound(value, upper=False)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use {_DATE_FORMS}", param_hint=option) from None
    return value.strip()


def period(since: str | None, until: str | None) -> None:
    if since and until and day_bound(since, upper=False) > day_bound(until, upper=True):
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since/--until")


def near(value: str | None) -> tuple[float, float, float] | None:
    """--near LAT,LON,KM with each part in its range."""
    if value is None:
        return None
    want = "--near wants LAT,LON,KM in decimal degrees and kilometres, e.g. 48.11,37.26,50"
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter(f"{value!r}: {want}", param_hint="--near") from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise click.BadParameter(f"{value!r}: {want}", param_hint="--near")
    if not -90 <= lat <= 90:
        raise click.BadParameter(f"latitude {lat:g} is outside -90..90 ({want})", param_hint="--near")
    if not -180 <= lon <= 180:
        raise click.BadParameter(f"longitude {lon:g} is outside -180..180 ({want})", param_hint="--near")
    if not 0 < km <= _HALF_EARTH_KM:
        raise click.BadParameter(f"radius {km:g} km is outside 0..{_HALF_EARTH_KM} ({want})", param_hint="--near")
    return lat, lon, km


def country(value: str | None) -> str | None:
    """--country: an ISO 3166-1 alpha-3 code; a name or a two-letter code gets the right code as a hint."""
    if value is None:
        return None
    code = value.strip().upper()
    countries = known_countries()
    if code in countries:
        return code
    wanted = value.strip().lower()
    match = next((c for c in countries.values() if wanted in (c["name"].lower(), c["iso"].lower())), None)
    hint = f"; {match['name']} is {match['iso3']}" if match else " such as KEN, SYR or UKR"
    raise click.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-3 country code{hint}", param_hint="--country")


def _types() -> tuple[dict[str, str], dict[str, str]]:
    """(event types, sub-event types), lower-case -> as written: ACLED's, and the PLOVER types.
    From the records' enums, not the extractor: a check must not load spaCy (the web server
    checks every request's --type)."""
    from .categories import EventType, PloverType, SubEventType

    types = {t.lower(): str(t) for t in EventType}
    types.update({p.lower(): str(p) for p in PloverType if p != "OTHER"})
    return types, {s.lower(): str(s) for s in SubEventType}


def event_type(value: str | None, option: str) -> str | None:
    """--type (an ACLED event type or a PLOVER type) or --sub-type (an ACLED sub-event type)."""
    if value is None:
        return None
    types, subs = _types()
    known = types if option == "--type" else subs
    if value.strip().lower() in known:
        return value.strip()
    what = "an ACLED event type or a PLOVER type" if option == "--type" else "an ACLED sub-event type"
    listed = ", ".join(sorted(set(known.values())))
    raise click.BadParameter(f"{value!r} is not {what}; one of: {listed}", param_hint=option)


def min_quality(value: float | str | None) -> float | None:
    """--min-quality: a page-quality score in 0..1."""
    if value is None or value == "":
        return None
    try:
        score = float(value)
    except (TypeError, ValueError):
        score = math.nan
    if not 0 <= score <= 1:  # also refuses nan
        raise click.BadParameter(f"{value!r} is not a quality score: give a number from 0 to 1 (e.g. 0.5)",
                                 param_hint="--min-quality")
    return score


def filters(type_: str | None = None, sub_type: str | None = None, country_: str | None = None,
            actor: str | None = None, since: str | None = None, until: str | None = None,
            near_: str | None = None, min_quality_: float | str | None = None,
            text: str | None = None) -> Filters:
    """The `Filters` record of what a user typed (CLI options, web API parameters), each value
    checked: a bad one raises click.BadParameter with a hint. Empty values are no filter."""
    since, until = day(since or None, "--since"), day(until or None, "--until")
    period(since, until)
    return Filters(type=event_type(type_ or None, "--type"), sub_type=event_type(sub_type or None, "--sub-type"),
                   country=country(country_ or None), actor=(actor or "").strip() or None,
                   since=since, until=until, near=near(near_ or None),
                   min_quality=min_quality(min_quality_), text=(text or "").strip() or None)


def output_path(value: str, db: str) -> str:
    """-o: '-' or a file in an existing folder that is not the database itself."""
    if value == "-":
        return value
    target = Path(value)
    if target.is_dir():
        raise click.BadParameter(f"{value} is a folder: give a file name", param_hint="-o")
    if not target.resolve().parent.is_dir():
        raise click.BadParameter(f"the folder of {value} does not exist: create it first", param_hint="-o")
    if _URL.match(db):  # a database server: no file of its own to overwrite
        return value
    own = {Path(db).resolve(), *(Path(db + suffix).resolve() for suffix in ("-wal", "-shm", "-journal"))}
    if target.resolve() in own:
        raise click.BadParameter(f"{value} is the database itself (--db {db}): write the export elsewhere",
                                 param_hint="-o")
    return value


def cluster(value: str | None, workers: int | None) -> str | None:
    """--cluster: local:N or a Dask scheduler's address; not with --workers (the cluster has its own)."""
    if value is None:
        return None
    if workers is not None:
        raise click.UsageError("give --workers or --cluster, not both (local:N is N workers on Dask)")
    try:
        from .cluster import address
    except ImportError as exc:
        raise click.BadParameter(f"needs dask and distributed ({exc.name} is not installed): run `make install`",
                                 param_hint="--cluster") from None
    try:
        return address(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--cluster") from None
