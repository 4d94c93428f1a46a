"""Choose how the event classifier types events, by cross-validating the pipeline on the notes.

    PYTHONPATH=. python training/cv_typing.py [--shared ../shared] [--cache /tmp/typing-cache] [--write]

The pipeline decides an event's type with the classifier's reading of its sentence and the
trigger word's (eventwire/extract/events/subtype.py); the settings of that choice
(classify.Typing: the thresholds and the share of the sentence's neighbours in its reading) are read off here, never
off ../shared/eval. The ACLED notes of ../shared/train/acled and the team's news examples are
split as train_classifier.py --cv splits them (5 folds, stratified, seed 0); each fold's
classifier is fitted on the other folds, and the whole pipeline is run over the fold's notes
with it, for every point tried (ROUNDS). Scored as `eventwire eval acled`
scores: the document's main event, event-type and sub-event-type macro-F1 over the gold
classes, and the share of notes left without an event. Every note reports an event, so the
notes cannot tell what a setting costs on pages that report none: the GeoVirus pages of
../shared/train/geovirus (Wikinews, virus outbreaks) of the half no classifier learns from
(train_classifier.geovirus_half) are run too, with the first fold's classifier. The point chosen has the best sum of the two F1 less the
share of GeoVirus pages given a typed event (a page without conflict given an event counts
against, as a note typed wrong does; of equals, the first tried); --write stores it and the
table in training/typing_cv.json, which train_classifier.py copies into the model file.

The parsed notes and the fold models are kept in --cache (outside the repository: they hold
the training texts).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

import train_classifier as tc  # noqa: E402
from eventwire.extract import classify as C  # noqa: E402

NEWS = ROOT / "training" / "news_examples.jsonl"
OUT = ROOT / "training" / "typing_cv.json"
FOLD_TYPING = {"types": 0.25, "across": 0.25, "alone": 0.45}  # a fold model's own; each point replaces it
# Rounds, each from the best point so far. START is the point the earlier searches chose (their
# table is in typing_cv.json's earlier_grids: context 0, .3, .5, .7; across .25 to .65; types .15,
# .25, .35; alone .3 to .65), re-searched when the neighbours' reading became the mean of the
# sentences' vectors instead of the embedding of their joined text.
# `none` (a trigger sentence the classifier reads as no event is none) starts at never.
START = {"types": 0.25, "across": 0.35, "alone": 0.35, "context": 0.7, "none": 1.01}
ROUNDS = [("context", (0.5, 0.85)), ("none", (0.9, 0.8, 0.65, 0.5, 0.4, 0.3, 0.0))]


def fold_models(cache: Path, shared: Path) -> tuple[list, list[dict], dict[str, dict]]:
    """(fold models, the notes of each fold as documents, gold by id), fitted once and cached."""
    docs = [json.loads(line) for line in (shared / "train" / "acled" / "docs.jsonl").open(encoding="utf-8")]
    gold = {g["id"]: g for g in map(json.loads, (shared / "train" / "acled" / "gold.jsonl").open(encoding="utf-8"))}
    # the notes in load_notes' order (docs.jsonl order, rows with gold), as the folds split them
    notes = [d for d in docs if d["id"] in gold]
    _, news_labels = tc.load_news(NEWS)
    folds = tc.joint_folds([gold[d["id"]]["sub_event_type"] for d in notes], news_labels)
    params = dict(tc.DEFAULTS)
    # refit when they change
    key = hashlib.sha256(json.dumps([params, FOLD_TYPING, "quiet"], sort_keys=True).encode()).hexdigest()[:8]
    rows = None
    models = []
    for k, (note_tr, _, news_tr, _) in enumerate(folds):
        path = cache / f"fold{k}-{key}.npz"
        if not path.exists():
            rows = rows or tc.load_rows(shared, NEWS, params, cache)
            train = rows[0].take(note_tr).plus(rows[1].take(news_tr)).plus(rows[2])
            np.savez_compressed(path, **tc.fit_arrays(train, params, dict(FOLD_TYPING), {}))
        models.append(Remembering(**vars(C.load_model(path))))
    held_out = [[notes[i] for i in note_te] for _, note_te, _, _ in folds]
    return models, held_out, gold


@dataclass(frozen=True)
class Remembering(C.LinearModel):
    """A fold model that reads a text once: the grid's points differ in how its readings are
    used, not in the readings."""

    seen: dict = field(default_factory=dict)

    def predict_proba(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        # a neighbours' reading comes with its vectors (the mean of its sentences'): kept apart
        keys = [(t, vectors is not None) for t in texts]
        missing = [i for i, k in enumerate(keys) if k not in self.seen]
        if missing:
            vecs = None if vectors is None else vectors[missing]
            self.seen.update(zip([keys[i] for i in missing],
                                 C.LinearModel.predict_proba(self, [texts[i] for i in missing], vecs)))
        return np.array([self.seen[k] for k in keys])


def cached_parses(cache: Path):
    """eventwire.pipeline._parse, remembering the parses of the notes in `cache`."""
    import eventwire.pipeline as P
    from spacy.tokens import DocBin

    from eventwire.nlp import load

    path = cache / "parses.pkl"
    known: dict = {}
    if path.exists():
        data, texts = pickle.loads(path.read_bytes())
        known = dict(zip(texts, DocBin().from_bytes(data).get_docs(load().vocab)))
    parse = P._parse

    def _parse(nlp, texts):
        missing = [t for t in texts if t not in known]
        known.update(zip(missing, parse(nlp, missing)))
        return [known[t] for t in texts]

    def save():
        bin_ = DocBin()
        texts = list(known)
        for t in texts:
            bin_.add(known[t])
        path.write_bytes(pickle.dumps((bin_.to_bytes(), texts)))

    P._parse = _parse
    return save


def negatives(shared: Path) -> list[dict]:
    """The GeoVirus pages (Wikinews, virus outbreaks) of the half the classifier never learns
    from (train_classifier.geovirus_half): no conflict event in any of them."""
    path = shared / "train" / "geovirus" / "docs.jsonl"
    pages = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [p for p in pages if tc.geovirus_half(p["id"]) == "measure"]


def eventful_share(model, pages: list[dict], typing: C.Typing) -> float:
    """The share of `pages` given a typed event (the notes hold none without one: how often the
    setting makes events of pages that report none is measured here)."""
    from eventwire.model import InputDoc
    from eventwire.pipeline import process

    C._packaged_model = lambda m=replace(model, typing=typing): m
    inputs = [InputDoc(id=d["id"], text=d["text"], published=d.get("published")) for d in pages]
    return round(sum(any(e.event_type for e in doc.events) for doc in process(inputs, batch_size=16)) / len(pages), 4)


def run_point(models, held_out, gold, typing: C.Typing) -> dict:
    """The pipeline over every fold's notes with that fold's classifier and `typing`."""
    from sklearn.metrics import f1_score

    from eventwire import main_event
    from eventwire.model import InputDoc
    from eventwire.pipeline import process

    g_t, p_t, g_s, p_s = [], [], [], []
    for model, docs in zip(models, held_out):
        fold_model = replace(model, typing=typing)
        C._packaged_model = lambda m=fold_model: m  # classify() and the typing read the packaged model
        inputs = [InputDoc(id=d["id"], text=d["text"], published=d.get("published")) for d in docs]
        for doc in process(inputs, batch_size=32):
            ev = main_event(doc)
            g = gold[doc.id]
            g_t.append(g["event_type"])
            g_s.append(g["sub_event_type"])
            p_t.append((ev and ev.event_type) or "NONE")
            p_s.append((ev and ev.sub_event_type) or "NONE")
    return {
        "event_type_macro_f1": round(float(f1_score(g_t, p_t, labels=sorted(set(g_t)), average="macro")), 4),
        "sub_event_type_macro_f1": round(float(f1_score(g_s, p_s, labels=sorted(set(g_s)), average="macro")), 4),
        "no_event_share": round(Counter(p_t)["NONE"] / len(p_t), 4),
    }


def earlier_grids(about_last: str, reuse: bool) -> list[dict]:
    """The tables of the searches before, the last one with what it differed in (--about-last);
    a run that reuses the last table goes on with its search, which is no earlier one."""
    if not OUT.exists():
        return []
    old = json.loads(OUT.read_text("utf-8"))
    last = [] if reuse else [{"about": about_last, "chosen": old["chosen"], "grid": old["cv"]["grid"]}]
    return old["cv"].get("earlier_grids", []) + last


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/typing-cache"))
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--reuse", action="store_true", help="take the points of the last table as measured")
    ap.add_argument("--about-last", default="", help="with --write: what the last table's search differed in")
    a = ap.parse_args(argv)
    a.cache.mkdir(parents=True, exist_ok=True)
    models, held_out, gold = fold_models(a.cache, a.shared)
    save = cached_parses(a.cache)
    pages = negatives(a.shared)
    table = []
    known = {}  # --reuse: the points of the last table, measured with the same code and data
    if a.reuse and OUT.exists():
        for r in json.loads(OUT.read_text("utf-8"))["cv"]["grid"]:
            known[json.dumps({k: r[k] for k in START}, sort_keys=True)] = r

    def point(settings: dict) -> dict:
        key = json.dumps(settings, sort_keys=True)
        if key in known:
            table.append(known[key])
            print("known", json.dumps(table[-1]), flush=True)
            return table[-1]
        typing = C.Typing(**settings)
        scores = run_point(models, held_out, gold, typing)
        scores["geovirus_pages_with_events"] = eventful_share(models[0], pages, typing)
        table.append({**settings, **scores})
        print(json.dumps(table[-1]), flush=True)
        save()
        return table[-1]

    def score(r: dict) -> float:
        # a page without conflict given an event counts against, as a note typed wrong does
        return r["event_type_macro_f1"] + r["sub_event_type_macro_f1"] - r["geovirus_pages_with_events"]

    best = point(START)
    for name, values in ROUNDS:
        for v in values:
            if v != best[name]:
                r = point({**{k: best[k] for k in START}, name: v})
                best = r if score(r) > score(best) else best  # of equals, the first
    chosen = {k: best[k] for k in START}
    print("chosen", chosen)
    if a.write:
        out = {"chosen": chosen, "cv": {"folds": tc.FOLDS, "notes": sum(map(len, held_out)),
                                        "classifier_params": tc.DEFAULTS, "chosen_scores": best, "grid": table,
                                        "earlier_grids": earlier_grids(a.about_last, a.reuse)}}
        OUT.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
