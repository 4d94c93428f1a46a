"""Fit the toponym resolver's weights (eventwire/geo/ranking.py) on GeoVirus.

GeoVirus (../shared/train/geovirus: 229 Wikinews articles, 2,170 toponyms with coordinates)
is the training set; no evaluation set is read. The mentions are the geoparser's own (spaCy +
gazetteer ruler); each mention that overlaps a gold toponym and has candidates both within
and beyond 161 km of the gold point is one choice among its candidates. A conditional logit
(softmax over a mention's candidates, L2-penalised) is fitted over ranking.FEATURES, the
features read in the resolver's last round with the current weights, then refitted once with
the features its own choices give. Cross-validation is by article (5 folds): the share of
matched mentions within 161 km, hand weights against fitted ones, on the held-out articles.

    python training/train_resolver.py [--geovirus DIR] [--docbin FILE] [--write]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eventwire.geo import ranking  # noqa: E402
from eventwire.geo.distance import haversine_km  # noqa: E402
from eventwire.geo.places import resolve_places  # noqa: E402
from eventwire.geo.ruler import GazetteerRuler  # noqa: E402

WITHIN_KM = 161.0
# A candidate counts as meant when within 161 km of the gold point and no more than this
# farther than the nearest candidate: a town and its district's centre are both "within
# 161 km", but the town is the point (ACLED's measure is 25 km).
NEAREST_SLACK_KM = 20.0
# The penalty pulls the weights toward the hand weights (the prior), not toward zero.
L2 = 1.0
# The weights fitted by default: the evidence the hand weights lack (distance to the
# document's other places, towns of unknown size). Fitting all of them on GeoVirus, global
# wire news, trades local readings for population ("Washington" the state, not the city).
FREE = ("unknown_pop", "near_100km", "near_500km")


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def mentions_of(rows: list[dict], docbin: Path | None) -> list[list[tuple[str, int, int]]]:
    from eventwire import nlp

    model = nlp.load(places=False)
    if docbin is not None:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(docbin).get_docs(model.vocab))
    else:
        docs = list(model.pipe([r["text"] for r in rows], batch_size=16))
    ruler = GazetteerRuler()
    out = []
    for doc in docs:
        d = ruler(doc)
        out.append([(e.text, e.start_char, e.end_char) for e in d.ents
                    if e.label_ in ("GPE", "LOC", "FAC") and any(ch.isupper() for ch in e.text)])
    return out


def _gold_for(start: int, end: int, golds: list[dict]) -> dict | None:
    best = max(golds, key=lambda g: min(end, g["end"]) - max(start, g["start"]), default=None)
    if best is None or min(end, best["end"]) - max(start, best["start"]) <= 0:
        return None
    return best


def choices(rows, gold, mentions, idx, w) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features of a mention's candidates, which are within 161 km) for every informative mention."""
    out = []
    for i in idx:
        trace: list = []
        resolve_places(mentions[i], rows[i]["text"], weights=w, trace=trace)
        for start, end, cands in trace:
            g = _gold_for(start, end, gold[rows[i]["id"]])
            if g is None or len(cands) < 2:
                continue
            km = np.array([haversine_km(c.lat, c.lon, g["lat"], g["lon"]) for c, _ in cands])
            ok = (km <= WITHIN_KM) & (km <= km.min() + NEAREST_SLACK_KM)
            if ok.any() and not ok.all():
                out.append((np.array([x for _, x in cands]), ok))
    return out


def fit(data: list[tuple[np.ndarray, np.ndarray]], start: tuple[float, ...],
        free: frozenset[str] | None = None) -> tuple[float, ...]:
    """Weights maximising the likelihood of the meant candidates; only the features in `free`
    move (all when None), the others keep `start`."""
    from scipy.optimize import minimize

    prior = np.array(start, dtype=float)
    bounds = [(None, None) if free is None or f in free else (v, v) for f, v in zip(ranking.FEATURES, start)]

    def loss(w):
        total, grad = L2 * (w - prior) @ (w - prior), 2 * L2 * (w - prior)
        for x, ok in data:
            s = x @ w
            s = s - s.max()
            p = np.exp(s)
            p /= p.sum()
            q = p * ok / max((p * ok).sum(), 1e-300)
            total -= np.log(max((p * ok).sum(), 1e-300))
            grad -= x.T @ (q - p)
        return total, grad

    res = minimize(loss, prior.copy(), jac=True, method="L-BFGS-B", bounds=bounds)
    return tuple(float(v) for v in res.x)


def within(rows, gold, mentions, idx, w) -> tuple[int, int, int]:
    """(matched mentions within 161 km, within 25 km, matched mentions) on the articles idx."""
    hit = near = n = 0
    for i in idx:
        for p in resolve_places(mentions[i], rows[i]["text"], weights=w):
            g = _gold_for(p.start, p.end, gold[rows[i]["id"]])
            if g is None:
                continue
            n += 1
            km = haversine_km(p.latitude, p.longitude, g["lat"], g["lon"]) if p.latitude is not None else 1e9
            hit += km <= WITHIN_KM
            near += km <= 25.0
    return hit, near, n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--geovirus", type=Path, default=ROOT.parent / "shared" / "train" / "geovirus")
    ap.add_argument("--docbin", type=Path, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--free", default=",".join(FREE), help="features whose weights are fitted ('all': every one)")
    args = ap.parse_args(argv)
    free = None if args.free == "all" else frozenset(args.free.split(","))
    from sklearn.model_selection import GroupKFold

    rows = read_jsonl(args.geovirus / "docs.jsonl")
    gold = {g["id"]: g["toponyms"] for g in read_jsonl(args.geovirus / "gold.jsonl")}
    mentions = mentions_of(rows, args.docbin)
    hand = ranking.hand_weights()
    idx = np.arange(len(rows))
    totals = {"hand": [0, 0, 0], "fitted": [0, 0, 0]}
    for train, test in GroupKFold(n_splits=args.folds).split(idx, groups=idx):
        w = fit(choices(rows, gold, mentions, train, hand), hand, free)
        w = fit(choices(rows, gold, mentions, train, w), hand, free)
        for name, weights in (("hand", hand), ("fitted", w)):
            for k, v in enumerate(within(rows, gold, mentions, test, weights)):
                totals[name][k] += v
    for name, (h, near, n) in totals.items():
        print(f"{name} weights: within 161 km {h / n:.4f}, within 25 km {near / n:.4f} of {n} matched "
              "(article-wise CV)", file=sys.stderr)
    if args.write:
        w = fit(choices(rows, gold, mentions, idx, hand), hand, free)
        w = fit(choices(rows, gold, mentions, idx, w), hand, free)
        out = ranking.MODEL_FILE
        out.write_text(json.dumps({
            "about": "Toponym resolver weights (eventwire/geo/ranking.py): conditional logit over each mention's "
                     "candidates, fitted on GeoVirus by training/train_resolver.py.",
            "features": list(ranking.FEATURES), "weights": [round(v, 4) for v in w],
            "fitted": sorted(free) if free is not None else "all",
            "cv": {k: {"within_161km": round(h / n, 4), "within_25km": round(near / n, 4)}
                   for k, (h, near, n) in totals.items()},
        }, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
