"""GeoWebNews (shared/eval/README.md, "Geo"): span-overlap F1 of place mentions, share within
161 km among matched, median km (scoring/geo.py)."""
from __future__ import annotations

import re

from eventwire.model import Document, Place, to_dict

from ..data import load_set, to_inputs
from ..scoring.geo import evaluate_geo
from . import Context

NAME = "geo-gwn"
ORDER = 30
SOURCE = "shared"
HEADLINE = ("f1", "within_161km")
QUOTABLE = True  # GPL-3, cited


def run(ctx: Context) -> dict:
    rows, gold = load_set(ctx.folder, ctx.limit)
    docs = list(ctx.predict(to_inputs(rows)))
    by_text = {row["text"]: original_places(doc, row["text"]) for row, doc in zip(rows, docs)}
    result = evaluate_geo(rows, gold.values(), lambda text: by_text[text])
    return {"n": len(rows), **result}


def original_places(doc: Document, original: str) -> list[Place]:
    """Places with offsets into the input text (the pipeline's point into the cleaned text)."""
    if doc.text == original:
        return list(doc.places)
    out = []
    for p in doc.places:
        shift = sum(r.end - r.start for r in doc.removed if r.start <= p.start)
        guess = p.start + shift
        if original[guess:guess + len(p.text)] != p.text:
            hits = [m.start() for m in re.finditer(re.escape(p.text), original)] if p.text else []
            if not hits:
                continue
            guess = min(hits, key=lambda h: abs(h - guess))
        out.append(Place(**{**to_dict(p), "start": guess, "end": guess + len(p.text)}))
    return out


def describe(r: dict) -> list[str]:
    return [f"precision {r.get('precision')}, recall {r.get('recall')}, "
            f"median error {r.get('median_km')} km, resolved share {r.get('resolved_share')}."]
