"""How well a candidate sits where the text's own admin hierarchy places its mention: by
distance to the hinted places and by the names of its own admin1/admin2."""
from __future__ import annotations

from .data import REGION_NOISE, RESOLUTION as T
from .distance import haversine_km
from .lookup import Candidate, normalize
from .mentions import Hint, Mention


def _km(a: Candidate, b: Candidate) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def admin_key(name: str | None) -> str:
    """A region's name without its level words ("Donetsk Oblast" -> "donetsk")."""
    if not name:
        return ""
    key = REGION_NOISE.sub(" ", normalize(name))
    return " ".join(key.split())


def _agree(c: Candidate, h: Candidate) -> float:
    """How well candidate c sits inside hint place h: 1 = inside or beside it, 0 = elsewhere."""
    if c.country and h.country and c.country != h.country:
        return 0.0
    if h.kind == "country":
        return 0.6 if c.country == h.country else 0.0
    if h.kind == "continent":
        return 0.0
    km = _km(c, h)
    if h.kind == "admin2" and c.admin2 and admin_key(c.admin2) == admin_key(h.name):
        return 1.0
    if h.kind == "admin1" and c.admin1:
        if admin_key(c.admin1) == admin_key(h.admin1 or h.name):
            return 1.0
        # named differently: another region, unless close to this one's centre (the same
        # region spelt another way: "Kharkiv" and "Kharkivs'ka Oblast'")
        return 0.9 if km <= T.same_region_km else 0.5 if km <= T.near_km["admin1"] else 0.2
    near = T.near_km.get(h.kind, T.near_km["city"])
    if km <= near:
        return 1.0
    if km <= 2 * near:
        return 0.6
    return 0.2 if c.country == h.country else 0.0


def identity(c: Candidate) -> tuple:
    return (c.name, c.lat, c.lon, c.kind)


def hint_score(c: Candidate, hints: list[Hint]) -> float:
    """Best agreement with the nearest hint that has candidates, later hints as tie-breakers."""
    total, weight = 0.0, 1.0
    me = identity(c)
    for cands, _, _ in hints:
        if any(identity(h) == me for h in cands):
            continue  # "Goma (Goma, Nord-Kivu)": a name does not place itself
        total += weight * max((_agree(c, h) for h in cands), default=0.0)
        weight *= T.hint_decay
    return total


def _named(c: Candidate, m: Mention) -> float:
    """Agreement of the candidate's own admin2/admin1 names with the names the text places the
    mention in, weighted like hint_score (nearest name 1, the next 0.3...): "(Rutshuru, Nord
    Kivu)" tells apart two villages of one name in Nord Kivu by their districts."""
    if not m.names or c.kind != "city":
        return 0.0
    own = {admin_key(a) for a in (c.admin1, c.admin2) if a} - {""}
    if not own:
        return 0.0
    total, weight = 0.0, 1.0
    for name, role in m.names:
        if role == "place":
            continue
        total += weight * (admin_key(name) in own)
        weight *= T.hint_decay
    return total


def placed(c: Candidate, m: Mention) -> float:
    """How well the text's own admin hierarchy places candidate c (0..1+)."""
    return max(hint_score(c, m.hints), _named(c, m))
