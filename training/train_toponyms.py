"""Fit the span model of the gazetteer ruler (eventwire/geo/placeness.py) on GeoVirus.

GeoVirus (../shared/train/geovirus: 229 Wikinews articles, 2,170 toponyms with character
offsets) is the training set; no evaluation set is read. Every capitalised span the gazetteer
knows (the ruler's own candidates, whatever the NER said) is an example, a place when it
overlaps a gold toponym. Cross-validation is by article (5 folds): the classifier's AUC, then
the whole geoparser (ruler + resolution) on the held-out articles for a grid of the two
thresholds, so the thresholds written to data/geo_thresholds.yaml are the cross-validated ones.

    python training/train_toponyms.py [--geovirus DIR] [--docbin FILE] [--write]

--docbin: a spaCy DocBin of the articles parsed without the gazetteer ruler (saves the parse).
--write: fit on all articles and write data/models/toponym_spans.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.geo import placeness  # noqa: E402
from eventwire.geo.ruler import GazetteerRuler  # noqa: E402
from eventwire.geo.spans import capitalised, names_in_doc, ner_tokens, ngram_ok  # noqa: E402

GRID_PLACE = (0.3, 0.4, 0.5, 0.6)
GRID_DROP = (0.0, 0.05, 0.1, 0.2)


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def parse(rows: list[dict], docbin: Path | None) -> list:
    from eventwire import nlp

    model = nlp.load(places=False)
    if docbin is not None:
        from spacy.tokens import DocBin

        return list(DocBin().from_disk(docbin).get_docs(model.vocab))
    return list(model.pipe([r["text"] for r in rows], batch_size=16))


def examples(doc, gold: list[dict], ruler: GazetteerRuler):
    """(features, label) of every candidate span of one article."""
    tok_ent, names = ner_tokens(doc, set()), names_in_doc(doc)
    spans = [(g["start"], g["end"]) for g in gold]
    for i in range(len(doc)):
        if not capitalised(doc[i]):
            continue
        for n in range(1, min(ruler.max_len, len(doc) - i) + 1):
            span = doc[i:i + n]
            if not ngram_ok(span):
                continue
            got = ruler.candidates_of(doc, span)
            if got is None:
                continue
            s, e = span.start_char, span.end_char
            label = any(min(e, ge) > max(s, gs) for gs, ge in spans)
            yield ruler.features(doc, span, got[1], tok_ent, names), int(label)


def fit(x: np.ndarray, y: np.ndarray, c: float) -> placeness.SpanModel:
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    mean[0], scale[0] = 0.0, 1.0  # the bias column stays 1
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    lr.fit((x - mean) / scale, y)
    return placeness.SpanModel(tuple(lr.coef_[0].tolist()), tuple(mean.tolist()), tuple(scale.tolist()))


def geoparse(docs, texts, span_model, thresholds) -> list[list]:
    from eventwire.geo.places import resolve_places

    ruler = GazetteerRuler(span_model=span_model, thresholds=thresholds)
    out = []
    for doc, text in zip(docs, texts):
        d = ruler(doc.copy())
        mentions = [(e.text, e.start_char, e.end_char) for e in d.ents
                    if e.label_ in ("GPE", "LOC", "FAC") and any(ch.isupper() for ch in e.text)]
        out.append(resolve_places(mentions, text))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--geovirus", type=Path, default=ROOT.parent / "shared" / "train" / "geovirus")
    ap.add_argument("--docbin", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)

    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    rows = read_jsonl(args.geovirus / "docs.jsonl")
    gold = {g["id"]: g["toponyms"] for g in read_jsonl(args.geovirus / "gold.jsonl")}
    docs = parse(rows, args.docbin)
    ruler = GazetteerRuler(use_model=False)
    xs, ys, groups = [], [], []
    for k, (row, doc) in enumerate(zip(rows, docs)):
        for x, y in examples(doc, gold.get(row["id"], []), ruler):
            xs.append(x)
            ys.append(y)
            groups.append(k)
    x, y, groups = np.array(xs), np.array(ys), np.array(groups)
    print(f"{len(rows)} articles, {len(y)} candidate spans, {int(y.sum())} places", file=sys.stderr)

    scores = np.zeros(len(y))
    folds = list(GroupKFold(n_splits=args.folds).split(x, y, groups))
    grid = {(p, d): [] for p in GRID_PLACE for d in GRID_DROP if d <= p}
    gold_rows = [{"id": r["id"], "toponyms": gold.get(r["id"], [])} for r in rows]
    for train, test in folds:
        model = fit(x[train], y[train], args.c)
        scores[test] = [model.probability(list(v)) for v in x[test]]
        held = sorted(set(groups[test]))
        for key in grid:
            preds = geoparse([docs[i] for i in held], [rows[i]["text"] for i in held], model, key)
            by_id = {rows[i]["id"]: p for i, p in zip(held, preds)}
            grid[key].append(_counts([rows[i] for i in held], gold_rows, by_id))
    print(f"span model AUC (article-wise CV): {roc_auc_score(y, scores):.4f}", file=sys.stderr)
    best = None
    for key, parts in grid.items():
        m = _merge(parts)
        print(f"place>={key[0]} drop<{key[1]}: P {m['precision']:.4f} R {m['recall']:.4f} F1 {m['f1']:.4f} "
              f"161km {m['within']:.4f}", file=sys.stderr)
        if best is None or m["f1"] > best[1]["f1"]:
            best = (key, m)
    print(f"best thresholds {best[0]}: F1 {best[1]['f1']:.4f}, within 161 km {best[1]['within']:.4f}", file=sys.stderr)
    if args.write:
        model = fit(x, y, args.c)
        out = ROOT / "eventwire" / "data" / "models" / "toponym_spans.json"
        out.write_text(json.dumps({
            "about": "Span model of the gazetteer ruler (eventwire/geo/placeness.py): logistic regression over "
                     "standardised features, fitted on GeoVirus by training/train_toponyms.py.",
            "features": list(placeness.FEATURES), "weights": [round(w, 5) for w in model.weights],
            "mean": [round(v, 6) for v in model.mean], "scale": [round(v, 6) for v in model.scale],
            "cv": {"auc": round(float(roc_auc_score(y, scores)), 4), "thresholds": list(best[0]),
                   "f1": round(best[1]["f1"], 4), "within_161km": round(best[1]["within"], 4)},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


def _counts(rows: list[dict], gold_rows: list[dict], by_id: dict) -> dict:
    """Span and 161 km counts as the geo evaluation measures them: a prediction matches a gold
    toponym with coordinates when their spans overlap, one to one, largest overlap first."""
    from eventwire.geo.distance import haversine_km

    gold = {g["id"]: [t for t in g["toponyms"] if t.get("lat") is not None] for g in gold_rows}
    pred = n_gold = match = within = 0
    for row in rows:
        preds, golds = by_id[row["id"]], gold.get(row["id"], [])
        pred += len(preds)
        n_gold += len(golds)
        pairs = sorted(((min(p.end, g["end"]) - max(p.start, g["start"]), i, j)
                        for i, p in enumerate(preds) for j, g in enumerate(golds)), reverse=True)
        used_p, used_g = set(), set()
        for overlap, i, j in pairs:
            if overlap <= 0 or i in used_p or j in used_g:
                continue
            used_p.add(i)
            used_g.add(j)
            match += 1
            p, g = preds[i], golds[j]
            within += p.latitude is not None and haversine_km(p.latitude, p.longitude, g["lat"], g["lon"]) <= 161.0
    return {"pred": pred, "gold": n_gold, "match": match, "within": within}


def _merge(parts: list[dict]) -> dict:
    pred = sum(p["pred"] for p in parts)
    gold = sum(p["gold"] for p in parts)
    match = sum(p["match"] for p in parts)
    within = sum(p["within"] for p in parts)
    precision, recall = match / max(pred, 1), match / max(gold, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    return {"precision": precision, "recall": recall, "f1": f1, "within": within / max(match, 1)}


if __name__ == "__main__":
    raise SystemExit(main())
