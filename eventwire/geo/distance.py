"""Great-circle distance, shared by place resolution, queries, merging and evaluation."""
from __future__ import annotations

import math

EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None) -> float | None:
    """Distance in km between two points; None when a point is missing (SQL NULL in, NULL out)."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))
