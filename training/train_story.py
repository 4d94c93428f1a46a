"""Fit the story's day and place choices (eventwire/extract/story_day.py, story_place.py) on the
shooting reports of ../shared/train/gva, `fit` split only (eval/gva.py's split: same hash).

    PYTHONPATH=. python training/train_story.py collect [--cache FILE] [--limit N] [--skip N] [--shard I/N]
    PYTHONPATH=. python training/train_story.py fit [--cache FILE ...] [--write]

`collect` runs the pipeline over the fit split (or a fixed sample of it; --shard runs a part, so
that parts can run side by side) and keeps the output documents with their sentence starts in
FILE (default /tmp/story-cache.jsonl, outside the repository: it holds the training texts).
Reports are placed with the outlet table built without their fold's incidents (the folds of
the cross-validation), so no report's own incident places its outlet. `fit` computes every
document's candidate days and places, labels them (a day is right when it is the incident's
date; a place when within KM of the incident's point), fits a logistic regression per choice,
cross-validates it by incident (the share of reports whose surest candidate is right, beside
the share where some candidate is), and with --write saves eventwire/data/models/story_day.json
and story_place.json. The main event's own date and place are not features: the choice reads
the page, whatever the event extraction made of it.

The committed models: the first 2400 reports of the fit split in its fixed order (--limit
2400), collected in three parts (reports 1-1200 by an earlier run of the same pipeline, before
the outlet table was context for place resolution; 1201-2400 by `collect --limit 2400 --skip
1200 --shard 0/2` and `1/2`), ~95 CPU-minutes; `fit --write` on the three files takes ~2 min.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from gva_data import DATA, KM, read_jsonl, split_of, stable_hash  # noqa: E402

MODELS = ROOT / "eventwire" / "data" / "models"
MIN_COUNT = 5  # a cue word seen in fewer training documents than this is left out
FOLDS = 5


def fold_of(incident: str) -> int:
    return stable_hash("story-fold:" + incident) % FOLDS


def fold_outlets(fold: int) -> dict:
    """The outlet table (geo/outlets.py) as built without the incidents of `fold`: a report's
    own incident never places its outlet, in collection and in the features alike."""
    from eventwire.geo.outlets import outlet_of
    from build_outlets import reports_by_outlet, summarize

    out = {}
    for site, reports in reports_by_outlet(DATA).items():
        entry = summarize([r for r in reports if fold_of(r.incident) != fold])
        if entry:
            out[site] = outlet_of(entry)
    return out


def collect(cache: Path, limit: int | None, shard: int = 0, shards: int = 1, skip: int = 0) -> None:
    from eventwire.clean import clean
    from eventwire.geo import outlets
    from eventwire.model import InputDoc, to_dict
    from eventwire.nlp import load
    from eventwire import pipeline

    gold = {g["id"]: g for g in read_jsonl(DATA / "gold.jsonl")}
    rows = [r for r in read_jsonl(DATA / "docs.jsonl")
            if r["id"] in gold and split_of(str(gold[r["id"]]["incident"])) == "fit"]
    rows.sort(key=lambda r: stable_hash("gva-order:" + r["id"]))
    rows = (rows[:limit] if limit else rows)[skip:][shard::shards]
    nlp = load()
    t0 = time.time()
    with cache.open("w", encoding="utf-8") as fh:
        for fold in range(FOLDS):
            table = fold_outlets(fold)
            outlets._table = lambda: table  # this fold's reports are placed without their own incidents
            part = [r for r in rows if fold_of(str(gold[r["id"]]["incident"])) == fold]
            texts = [clean(r["text"]) for r in part]
            for r, cleaned, sdoc in zip(part, texts, nlp.pipe([c.text for c in texts], batch_size=16)):
                inp = InputDoc(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                               url=r.get("url"), source=r.get("source"))
                try:
                    doc = pipeline._assemble(inp, cleaned, sdoc, "en")
                except Exception as exc:  # a failed document is left out of the training data
                    print(f"{r['id']}: {exc}", file=sys.stderr)
                    continue
                out = to_dict(doc)
                out["_sents"] = [s.start_char for s in sdoc.sents]
                fh.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"collected {len(rows)} documents in {time.time() - t0:.0f} s -> {cache}")


def _examples(caches: list[Path]) -> list[tuple[str, str, list[dict], list[bool]]]:
    """(incident, kind, candidate features, right?) per document and choice."""
    from eventwire.extract.story import dateline_place
    from eventwire.extract.story_day import day_candidates
    from eventwire.extract.story_place import place_candidates
    from eventwire.geo import haversine_km
    from eventwire.geo.outlets import site_of
    from eventwire.model import Document

    gold = {g["id"]: g for g in read_jsonl(DATA / "gold.jsonl")}
    tables = [fold_outlets(k) for k in range(FOLDS)]
    out = []
    for row in (r for path in caches for r in read_jsonl(path)):
        g = gold[row["id"]]
        starts = row.pop("_sents")
        doc = Document.from_dict(row)
        sentences = [(s, doc.text[s:e]) for s, e in zip(starts, starts[1:] + [len(doc.text)])]
        days = day_candidates(doc, sentences)
        out.append((str(g["incident"]), "day", [c.features for c in days], [c.key == g["date"] for c in days]))
        lat, lon = (g.get("place") or {}).get("latitude"), (g.get("place") or {}).get("longitude")
        if lat is None or lon is None:
            continue
        outlet = tables[fold_of(str(g["incident"]))].get(site_of(doc.source, doc.url) or "")
        home = (outlet.country, outlet.admin1) if outlet else None
        places = place_candidates(doc, sentences, dateline_place(doc.text, home), outlet)
        out.append((str(g["incident"]), "place", [c.features for c in places],
                    [haversine_km(lat, lon, c.value.latitude, c.value.longitude) <= KM for c in places]))
    return out


def _vocabulary(docs: list[list[dict]]) -> set[str]:
    """Cue names seen in at least MIN_COUNT documents (named cues always)."""
    seen: dict[str, int] = {}
    for cands in docs:
        for name in {k for f in cands for k in f}:
            seen[name] = seen.get(name, 0) + 1
    return {k for k, n in seen.items() if n >= MIN_COUNT or ":" not in k}


def _fit(docs: list[list[dict]], labels: list[list[bool]], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(docs)
    rows = [{k: v for k, v in f.items() if k in vocab} for cands in docs for f in cands]
    y = [int(x) for ls in labels for x in ls]
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit(x, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), lr.coef_[0]) if abs(w) >= 1e-4}
    return float(lr.intercept_[0]), weights


def _cross_validate(examples, c: float) -> tuple[float, int, list[tuple[float, bool]]]:
    """Share of documents whose surest candidate is right, folds by incident; out-of-fold
    (probability of the surest, right?) per document."""
    from eventwire.extract.story_model import LinearModel

    fold = [fold_of(inc) for inc, _, _, _ in examples]
    right, picks = 0, []
    for k in range(FOLDS):
        train = [(f, y) for (inc, _, f, y), fo in zip(examples, fold) if fo != k and any(y)]
        model = LinearModel(*_fit([f for f, _ in train], [y for _, y in train], c))
        for (inc, _, feats, ys), fo in zip(examples, fold):
            if fo != k or not feats:
                continue
            probs = [model.probability(f) for f in feats]
            best = max(range(len(feats)), key=lambda i: probs[i])
            right += ys[best]
            picks.append((probs[best], ys[best]))
    return right / len(examples), len(examples), picks


def fit(caches: list[Path], write: bool) -> None:
    examples = _examples(caches)
    for kind in ("day", "place"):
        ex = [e for e in examples if e[1] == kind]
        oracle = sum(any(y) for _, _, _, y in ex) / len(ex)
        print(f"{kind}: {len(ex)} reports, some candidate right {oracle:.3f}")
        best = None
        for c in (0.03, 0.1, 0.3, 1.0):
            share, n, picks = _cross_validate(ex, c)
            print(f"  C={c}: surest right {share:.3f} (cross-validated by incident)")
            if best is None or share > best[0]:
                best = (share, c)
        if write:
            intercept, weights = _fit([f for _, _, f, y in ex if any(y)], [y for _, _, _, y in ex if any(y)], best[1])
            model = {"about": f"eventwire story {kind} choice: logistic regression over the cues of "
                              f"eventwire/extract/story_{kind}.py, fitted by training/train_story.py",
                     "trained_on": {"reports": len(ex), "data": "../shared/train/gva, fit split (GVA reports)"},
                     "C": best[1], "cv": {"surest_right": round(best[0], 4), "some_right": round(oracle, 4)},
                     "intercept": round(intercept, 5),
                     "weights": {k: round(w, 5) for k, w in sorted(weights.items())}}
            path = MODELS / f"story_{kind}.json"
            path.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"  wrote {path.relative_to(ROOT)} ({len(weights)} weights, C={best[1]})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["collect", "fit"])
    ap.add_argument("--cache", type=Path, nargs="+", default=[Path("/tmp/story-cache.jsonl")],
                    help="collect: the file to write; fit: the files to read")
    ap.add_argument("--limit", type=int, default=None, help="a fixed sample of N reports of the fit split")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N reports of the sample")
    ap.add_argument("--shard", type=str, default="0/1", help="I/N: collect every N-th report from the I-th")
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args(argv)
    if args.step == "collect":
        shard, shards = (int(x) for x in args.shard.split("/"))
        collect(args.cache[0], args.limit, shard, shards, args.skip)
    else:
        fit(args.cache, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
