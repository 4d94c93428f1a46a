"""Geoparsing accuracy: span F1 of place mentions and distance of their coordinates.

Measure (shared/eval/README.md, "Geo"): a predicted place matches a gold toponym when their
character spans overlap (one-to-one, in text order); span precision/recall/F1 over all
predictions and all gold toponyms that carry coordinates; for matched pairs, the share whose
predicted point is within 161 km (100 miles) of the gold point — a matched place left
unresolved (latitude None) counts as a miss — and the median error in km.

Gold toponyms without coordinates (common nouns such as "town", homonyms, non-toponyms,
demonyms, language names) are not places to find; a prediction on them is a false positive.

    PYTHONPATH=eval python -m eventwire_eval.scoring.geo ../shared/eval/geo-gwn   # measures the eventwire pipeline
"""
from __future__ import annotations

import argparse
import json
import statistics
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from eventwire.geo import haversine_km
from eventwire.model import Place

WITHIN_KM = 161.0


def gold_toponyms(row: dict) -> list[dict]:
    """The gold toponyms that count: those with coordinates."""
    return [t for t in row.get("toponyms", [])
            if t.get("lat") is not None and t.get("lon") is not None and not t.get("non_locational")]


def _match(preds: list[Place], golds: list[dict]) -> list[tuple[Place, dict]]:
    """One-to-one overlap matching, largest overlap first."""
    pairs = []
    for pi, p in enumerate(preds):
        for gi, g in enumerate(golds):
            overlap = min(p.end, g["end"]) - max(p.start, g["start"])
            if overlap > 0:
                pairs.append((overlap, pi, gi))
    used_p, used_g, out = set(), set(), []
    for _, pi, gi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        out.append((preds[pi], golds[gi]))
    return out


def evaluate_geo(docs: Iterable[dict], gold: Iterable[dict],
                 predict: Callable[[str], list[Place]]) -> dict:
    """Span P/R/F1 and geocoding accuracy of `predict` over documents with gold toponyms.

    docs: rows with "id" and "text"; gold: rows with "id" and "toponyms"."""
    gold_by_id = {row["id"]: row for row in gold}
    n_pred = n_gold = n_match = n_within = n_resolved = 0
    errors: list[float] = []
    gold_types, found_types = Counter(), Counter()
    for doc in docs:
        row = gold_by_id.get(doc["id"])
        if row is None:
            continue
        golds = gold_toponyms(row)
        preds = list(predict(doc["text"]))
        n_pred += len(preds)
        n_gold += len(golds)
        gold_types.update(g.get("type") for g in golds)
        for p, g in _match(preds, golds):
            n_match += 1
            found_types[g.get("type")] += 1
            if p.latitude is None or p.longitude is None:
                continue
            n_resolved += 1
            km = haversine_km(p.latitude, p.longitude, g["lat"], g["lon"])
            errors.append(km)
            n_within += km <= WITHIN_KM
    precision = n_match / n_pred if n_pred else 0.0
    recall = n_match / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "predicted": n_pred, "gold": n_gold, "matched": n_match,
        "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
        "resolved_share": round(n_resolved / n_match, 4) if n_match else 0.0,
        "within_161km": round(n_within / n_match, 4) if n_match else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else None,
        "recall_by_type": {t: round(found_types[t] / n, 3) for t, n in gold_types.most_common()},
    }


def pipeline_predict() -> Callable[[str], list[Place]]:
    """spaCy + gazetteer ruler + joint resolution: every GPE/LOC entity is a place mention."""
    from eventwire import nlp
    from eventwire.geo.places import resolve_places

    model = nlp.load()

    def predict(text: str) -> list[Place]:
        doc = model(text)
        mentions = [(e.text, e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
        return resolve_places(mentions, text)

    return predict


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire_eval.scoring.geo")
    parser.add_argument("folder", type=Path, help="folder with docs.jsonl and gold.jsonl")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    docs = _read_jsonl(args.folder / "docs.jsonl")[: args.limit]
    gold = _read_jsonl(args.folder / "gold.jsonl")
    result = evaluate_geo(docs, gold, pipeline_predict())
    print(json.dumps(result, indent=2))  # CLI entry point
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
