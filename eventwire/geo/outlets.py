"""Where a local news outlet is: the country and first-level region (a US state) it reports
on, and the town it reports on most.

A local station or paper reports its own market: a "Columbia" in the Columbia (Tennessee)
Daily Herald is not South Carolina's capital, an "Englewood" on a Chicago station is the
Chicago neighbourhood, not the Colorado town. The table data/outlets.json gives each outlet
(site name, as in `source` or the URL's host) the region its reports were placed in and its
town, built by training/build_outlets.py from the shooting reports of ../shared/train/gva (fit
split). The region is context for place resolution; the town one more candidate for the
story's place (extract/story_place.py), never a place the text names.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..datafiles import DATA_DIR

OUTLETS_FILE = DATA_DIR / "outlets.json"


@dataclass(frozen=True)
class Outlet:
    country: str  # ISO3
    admin1: str | None  # None for an outlet on a state line
    town: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    local_share: float = 0.0  # the share of its reports within 50 km of its town


def outlet_of(entry: dict) -> Outlet:
    """An outlet from its entry in data/outlets.json."""
    return Outlet(entry["country"], entry.get("admin1"), entry.get("town"), entry.get("latitude"),
                  entry.get("longitude"), float(entry.get("local_share", 0.0)))


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, Outlet]:
    if not OUTLETS_FILE.exists():
        return {}
    data = json.loads(OUTLETS_FILE.read_text(encoding="utf-8"))
    return {site: outlet_of(o) for site, o in data["outlets"].items()}


def site_of(source: str | None, url: str | None = None) -> str | None:
    """The outlet's site name: the source given, else the URL's host, lowercased, without "www."."""
    host = (source or "").strip().lower()
    if (not host or " " in host) and url:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def outlet_of_page(source: str | None, url: str | None = None) -> Outlet | None:
    """The outlet of a page, when the table knows it."""
    site = site_of(source, url)
    return _table().get(site) if site else None


def home_region(source: str | None, url: str | None = None) -> tuple[str, str | None] | None:
    """(ISO3 country, first-level region or None) the outlet reports on, when the table knows it."""
    o = outlet_of_page(source, url)
    return (o.country, o.admin1) if o else None
