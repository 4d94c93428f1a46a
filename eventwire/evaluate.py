"""Accuracy on the public evaluation sets (../shared/eval), measured as its README says.

    eventwire eval all --write docs/ACCURACY.md      (= `make eval`)
    eventwire eval case2021 --limit 40

Measures (shared/eval/README.md):
  * acled: the document's most confident event; event_type and sub_event_type macro-F1 over the
    gold classes; fatalities exact (no event or null = 0); location within 25 km of the gold
    point; date.start == event_date.
  * case2021: most confident event's sub_event_type mapped to the CASE label; weighted F1 over
    the 25 seen classes (rows whose gold is one of them); the five unseen classes apart.
  * geo-gwn: span-overlap F1, share within 161 km among matched, median km (eventwire.geo_eval).
  * seed: the must/should items of shared/tools/check_seed.py.

The eval data is read here only to measure; nothing in it feeds rules or models.
Floors (eval/floors.json) only move up: `check_floors` lists every figure below its floor.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterable

from .model import Document, Event, Evidence, InputDoc, Place, marked_main, to_dict
from .geo import haversine_km

SETS = ("acled", "case2021", "geo-gwn", "seed")
NO_EVENT = "NONE"
LOCATION_KM = 25.0
ROOT = Path(__file__).resolve().parents[1]
FLOORS_FILE = ROOT / "eval" / "floors.json"

Predictor = Callable[[list[InputDoc]], Iterable[Document]]


# ---------------------------------------------------------------- predictors

def pipeline_predictor(*, batch_size: int = 32) -> Predictor:
    """The end-to-end system: eventwire.pipeline.process (batched through nlp.pipe)."""
    from .pipeline import process

    def predict(inputs: list[InputDoc]) -> list[Document]:
        return list(process(inputs, batch_size=batch_size))

    return predict


def per_document(extract: Callable[..., Document]) -> Predictor:
    """Adapt a one-document function `extract(text, published=...)` to a Predictor."""

    def predict(inputs: list[InputDoc]) -> list[Document]:
        return [extract(i.text, published=i.published) for i in inputs]

    return predict


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, for measuring the classifier without the spaCy pipeline."""
    spans, start = [], 0
    for m in _SENT_SPLIT.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def classifier_predictor(*, whole_text: bool = False) -> Predictor:
    """The sentence classifier alone: one event per sentence it calls an event.

    whole_text=True classifies each document as one input instead of sentence by sentence."""
    from .extract.classify import classify

    def predict(inputs: list[InputDoc]) -> list[Document]:
        spans = [[(0, len(i.text))] if whole_text else split_sentences(i.text) for i in inputs]
        flat = [i.text[s:e] for i, sp in zip(inputs, spans) for s, e in sp]
        preds = iter(classify(flat))
        docs = []
        for inp, sp in zip(inputs, spans):
            events = []
            for s, e in sp:
                p = next(preds)
                if p.is_event:
                    events.append(Event(
                        id=f"{inp.id}:{s}", event_type=p.event_type, sub_event_type=p.sub_event_type,
                        plover_type="", plover_mode=None, cameo_root=None, actor1=None, actor2=None,
                        location=None, date=None, fatalities=None, civilian_targeting=False,
                        attribution=None, hedged=False, evidence=Evidence(inp.text[s:e], s, e),
                        confidence=p.probability))
            docs.append(Document(id=inp.id, title=inp.title, published=inp.published, text=inp.text,
                                 events=events))
        return docs

    return predict


# ---------------------------------------------------------------- metrics

def per_class(gold: list[str], pred: list[str], labels: Iterable[str]) -> dict[str, dict]:
    """precision/recall/F1/support for each label (labels absent from both get zeros)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out = {}
    for lab in labels:
        prec = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        rec = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                    "support": tp[lab] + fn[lab]}
    return out


def macro_f1(table: dict[str, dict]) -> float:
    return round(sum(r["f1"] for r in table.values()) / len(table), 4) if table else 0.0


def weighted_f1(table: dict[str, dict]) -> float:
    total = sum(r["support"] for r in table.values())
    return round(sum(r["f1"] * r["support"] for r in table.values()) / total, 4) if total else 0.0


def worst_classes(table: dict[str, dict], gold: list[str], pred: list[str], rows: list[dict],
                  *, n: int = 5) -> list[dict]:
    """The n gold classes with the lowest F1 (ties: the bigger class first), one error each."""
    ranked = sorted((c for c, r in table.items() if r["support"]), key=lambda c: (table[c]["f1"], -table[c]["support"]))
    out = []
    for c in ranked[:n]:
        example = next(({"id": r["id"], "text": _short(r["text"]), "predicted": p}
                        for g, p, r in zip(gold, pred, rows) if g == c and p != c), None)
        confused = Counter(p for g, p in zip(gold, pred) if g == c and p != c).most_common(2)
        out.append({"class": c, **table[c], "confused_with": confused, "example": example})
    return out


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def top_event(doc: Document) -> Event | None:
    """The document's main event; without one marked, its most confident event (first one on ties)."""
    best = marked_main(doc.events)
    if best is not None:
        return best
    for ev in doc.events:
        if best is None or (ev.confidence or 0.0) > (best.confidence or 0.0):
            best = ev
    return best


# ---------------------------------------------------------------- sets

def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _inputs(rows: list[dict]) -> list[InputDoc]:
    return [InputDoc(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                     url=r.get("url"), source=r.get("source")) for r in rows]


def _load(folder: Path, limit: int | None) -> tuple[list[dict], dict[str, dict]]:
    rows = _read_jsonl(folder / "docs.jsonl")[:limit]
    gold = {g["id"]: g for g in _read_jsonl(folder / "gold.jsonl")}
    return [r for r in rows if r["id"] in gold], gold


def eval_acled(folder: Path, predict: Predictor, *, limit: int | None = None) -> dict:
    rows, gold = _load(folder, limit)
    docs = list(predict(_inputs(rows)))
    g_et, p_et, g_sub, p_sub = [], [], [], []
    fat_ok = loc_ok = date_ok = no_event = failed = 0
    for row, doc in zip(rows, docs):
        g = gold[row["id"]]
        ev = top_event(doc)
        failed += doc.error is not None
        no_event += ev is None
        g_et.append(g["event_type"])
        g_sub.append(g["sub_event_type"])
        p_et.append((ev and ev.event_type) or NO_EVENT)
        p_sub.append((ev and ev.sub_event_type) or NO_EVENT)
        best = (ev.fatalities.best if ev and ev.fatalities else None) or 0
        fat_ok += best == int(g.get("fatalities") or 0)
        loc = ev.location if ev else None
        if loc and loc.latitude is not None and g.get("latitude") is not None:
            loc_ok += haversine_km(loc.latitude, loc.longitude, g["latitude"], g["longitude"]) <= LOCATION_KM
        date_ok += bool(ev and ev.date and ev.date.start == g.get("event_date"))
    n = len(rows)
    et_table = per_class(g_et, p_et, sorted(set(g_et)))
    sub_table = per_class(g_sub, p_sub, sorted(set(g_sub)))
    return {
        "n": n,
        "event_type_macro_f1": macro_f1(et_table),
        "sub_event_type_macro_f1": macro_f1(sub_table),
        "sub_event_type_weighted_f1": weighted_f1(sub_table),
        "fatalities_exact": _share(fat_ok, n),
        "location_25km": _share(loc_ok, n),
        "date_exact": _share(date_ok, n),
        "no_event_share": _share(no_event, n),
        "failed_docs": failed,
        "per_class_event_type": et_table,
        "per_class": sub_table,
        "worst": worst_classes(sub_table, g_sub, p_sub, rows),
    }


def eval_case(folder: Path, predict: Predictor, *, limit: int | None = None) -> dict:
    rows, gold = _load(folder, limit)
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    to_case = {v["acled_sub_event_type"]: k for k, v in labels.items() if v["acled_sub_event_type"]}
    seen = sorted(to_case.values())
    docs = list(predict(_inputs(rows)))
    g_seen, p_seen, seen_rows = [], [], []
    unseen_pred: dict[str, Counter] = defaultdict(Counter)
    for row, doc in zip(rows, docs):
        ev = top_event(doc)
        pred = to_case.get(ev.sub_event_type, NO_EVENT) if ev and ev.sub_event_type else NO_EVENT
        label = gold[row["id"]]["label"]
        if label in seen:
            g_seen.append(label)
            p_seen.append(pred)
            seen_rows.append(row)
        else:
            unseen_pred[label][pred] += 1
    table = per_class(g_seen, p_seen, seen)
    n_unseen = sum(sum(c.values()) for c in unseen_pred.values())
    return {
        "n": len(rows),
        "n_seen": len(g_seen),
        "weighted_f1": weighted_f1(table),
        "macro_f1": macro_f1({k: v for k, v in table.items() if v["support"]}),
        "accuracy": _share(sum(g == p for g, p in zip(g_seen, p_seen)), len(g_seen)),
        "unseen": {
            "n": n_unseen,
            "no_event_share": _share(sum(c[NO_EVENT] for c in unseen_pred.values()), n_unseen),
            "predicted": {k: dict(c.most_common(3)) for k, c in sorted(unseen_pred.items())},
        },
        "per_class": table,
        "worst": worst_classes(table, g_seen, p_seen, seen_rows),
    }


def _original_places(doc: Document, original: str) -> list[Place]:
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


def eval_geo(folder: Path, predict: Predictor, *, limit: int | None = None) -> dict:
    from .geo_eval import evaluate_geo

    rows, gold = _load(folder, limit)
    docs = list(predict(_inputs(rows)))
    by_text = {row["text"]: _original_places(doc, row["text"]) for row, doc in zip(rows, docs)}
    result = evaluate_geo(rows, gold.values(), lambda text: by_text[text])
    return {"n": len(rows), **result}


def eval_seed(folder: Path, predict: Predictor, *, checker: Path) -> dict:
    """The seed article through check_seed.score, with and without its published date."""
    spec = importlib.util.spec_from_file_location("check_seed", checker)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    rows = _read_jsonl(folder / "docs.jsonl")[:1]
    dated = _inputs(rows)
    undated = [InputDoc(**{**to_dict(dated[0]), "published": None})]
    doc, nodate = (to_dict(d) for d in list(predict(dated + undated)))
    results = mod.score(doc, gold, nodate)
    musts = [ok for must, ok, *_ in results if must]
    shoulds = [ok for must, ok, *_ in results if not must]
    return {
        "n": 1,
        "must_passed": sum(musts), "must_total": len(musts),
        "should_passed": sum(shoulds), "should_total": len(shoulds),
        "must_share": _share(sum(musts), len(musts)),
        "failures": [f"{'must' if must else 'should'} {label}: {why}" for must, ok, label, why in results if not ok],
    }


def _share(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def evaluate(set_name: str, shared_dir: Path, *, limit: int | None = None,
             predict: Predictor | None = None) -> dict:
    """Score `predict` (default: the end-to-end pipeline) on one evaluation set."""
    shared_dir = Path(shared_dir)
    folder = shared_dir / "eval" / set_name
    if not folder.is_dir():
        raise FileNotFoundError(f"no evaluation set at {folder}")
    predict = predict or pipeline_predictor()
    t0 = time.perf_counter()
    if set_name == "acled":
        out = eval_acled(folder, predict, limit=limit)
    elif set_name == "case2021":
        out = eval_case(folder, predict, limit=limit)
    elif set_name == "geo-gwn":
        out = eval_geo(folder, predict, limit=limit)
    elif set_name == "seed":
        out = eval_seed(folder, predict, checker=shared_dir / "tools" / "check_seed.py")
    else:
        raise ValueError(f"unknown evaluation set {set_name!r}; one of {SETS}")
    return {"set": set_name, "limit": limit, **out, "seconds": round(time.perf_counter() - t0, 1)}


# ---------------------------------------------------------------- floors

HEADLINE = {
    "acled": ("event_type_macro_f1", "sub_event_type_macro_f1", "fatalities_exact", "location_25km", "date_exact"),
    "case2021": ("weighted_f1",),
    "geo-gwn": ("f1", "within_161km"),
    "seed": ("must_passed", "should_passed"),
    "quality": ("auc_tuned", "auc_heldout"),
    "incidents": ("bcubed_f1", "heldout_bcubed_f1", "heldout_pairwise_precision", "heldout_pairwise_recall"),
    "news": ("main_event_type", "main_sub_event_type", "main_location", "main_date", "main_fatalities",
             "event_recall"),
}
# Team-written sets that ship in tests/data (no ../shared needed).
TEAM_SETS = ("quality", "incidents", "news")


def eval_team(set_name: str) -> dict:
    """Page-quality AUC (the corpus the rules were written against, and one written blind) and
    incident clustering (pairwise and B-cubed) on the team's own labelled articles."""
    t0 = time.perf_counter()
    data = ROOT / "tests" / "data"
    if set_name == "quality":
        from .quality_eval import assess_labelled, flag_report, quality_auc

        out = {"n": sum(1 for _ in (data / "quality").rglob("*.txt")) + sum(1 for _ in (data / "quality_heldout").rglob("*.txt")),
               "auc_tuned": round(quality_auc(data / "quality"), 4),
               "auc_heldout": round(quality_auc(data / "quality_heldout"), 4),
               "flags_heldout": flag_report(assess_labelled(data / "quality_heldout"))}
    elif set_name == "incidents":
        from .merge_eval import evaluate as merge_evaluate

        out = {"n": 0}
        # `incidents` was used while building the merge stage; `incidents_heldout` was written blind.
        for folder, tag in (("incidents", ""), ("incidents_heldout", "heldout_")):
            r = merge_evaluate(data / folder / "docs.jsonl", data / folder / "gold.json")
            out["n"] += r["documents"]
            out.update({f"{tag}{m}_{k}": round(r[m][k], 4) for m in ("bcubed", "pairwise") for k in ("precision", "recall", "f1")})
            out.update({f"{tag}incidents_gold": r["incidents_gold"], f"{tag}incidents_predicted": r["incidents_predicted"],
                        f"{tag}syndicated_groups_together": r["syndicated_groups_together"]})
    elif set_name == "news":
        from .news_eval import evaluate_news

        r = evaluate_news(data / "news" / "docs.jsonl", data / "news" / "gold.jsonl")
        out = {"n": r["documents"], **{f"main_{k}": v for k, v in r["main"].items() if k not in ("n", "found")},
               "event_recall": r["events"]["recall"], "fields": r["events"]["fields"],
               "precision_proxy": r["precision_proxy"]["share"]}
    else:
        raise ValueError(f"no team set {set_name!r}")
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def load_floors(kind: str = "full", path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """kind: "full" (make eval), "smoke" (the first rows, make test), "classifier_full",
    "classifier_smoke" (the classifier alone)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data[kind]["floors"]


def smoke_limits(kind: str = "smoke", path: Path = FLOORS_FILE) -> dict[str, int | None]:
    """Rows per set for a smoke kind ("smoke" or "classifier_smoke")."""
    return json.loads(Path(path).read_text(encoding="utf-8"))[kind]["limit"]


def check_floors(results: dict[str, dict], floors: dict[str, dict[str, float]]) -> list[str]:
    """One message per figure below its floor (sets absent from results are not checked)."""
    failures = []
    for set_name, metrics in floors.items():
        if set_name not in results:
            continue
        for key, floor in metrics.items():
            value = results[set_name].get(key)
            if value is None or value < floor:
                failures.append(f"{set_name}.{key} = {value} is below its floor {floor}")
    return failures


def raise_floors(floors: dict[str, dict[str, float]], results: dict[str, dict],
                 *, margin: float = 0.01) -> dict[str, dict[str, float]]:
    """Floors moved up to (result - margin) where the system now does better; never down."""
    out = {s: dict(m) for s, m in floors.items()}
    for set_name, metrics in out.items():
        for key, floor in metrics.items():
            value = results.get(set_name, {}).get(key)
            if isinstance(value, (int, float)):
                metrics[key] = max(floor, round(value - margin, 3) if isinstance(value, float) else value)
    return out


# ---------------------------------------------------------------- report

def to_markdown(results: dict[str, dict], *, command: str, when: str | None = None) -> str:
    when = when or dt.date.today().isoformat()
    lines = [
        "# Accuracy",
        "",
        f"Measured {when} with `{command}` on the public sets in `../shared/eval` "
        "(measures as in its README) and the team's own labelled sets in `tests/data`; "
        "generated by `eventwire/evaluate.py`.",
        "",
        "| set | documents | figure | value |",
        "|---|---|---|---|",
    ]
    for set_name, r in results.items():
        for key in HEADLINE.get(set_name, ()):
            lines.append(f"| {set_name} | {r.get('n')} | {key} | {r.get(key)} |")
    for set_name, r in results.items():
        lines += ["", f"## {set_name}", ""]
        if set_name == "case2021":
            u = r["unseen"]
            lines.append(f"Seen-class rows: {r['n_seen']}; accuracy {r['accuracy']}, macro-F1 {r['macro_f1']}. "
                         f"Unseen classes: {u['n']} rows, {u['no_event_share']} given no event.")
        if set_name == "acled":
            lines.append(f"No event found for {r['no_event_share']} of the notes; "
                         f"sub_event_type weighted F1 {r['sub_event_type_weighted_f1']}.")
        if set_name == "geo-gwn":
            lines.append(f"precision {r.get('precision')}, recall {r.get('recall')}, "
                         f"median error {r.get('median_km')} km, resolved share {r.get('resolved_share')}.")
        if set_name == "seed":
            lines.append(f"must {r['must_passed']}/{r['must_total']}, should {r['should_passed']}/{r['should_total']}.")
            lines += [f"- {f}" for f in r.get("failures", [])]
        if set_name == "quality":
            lines.append("Team-written pages (tests/data): `quality` was used while the rules were written; "
                         "`quality_heldout` was written blind and is the honest figure. Held-out flags "
                         "(found / missed on stitched pages / raised on clean pages):")
            lines += ["", "| flag | found | missed | on clean |", "|---|---|---|---|"]
            lines += [f"| {k} | {v.get('found')} | {v.get('missed')} | {v.get('on_clean')} |"
                      for k, v in sorted(r["flags_heldout"].items())]
        if set_name == "incidents":
            for tag, what in (("", "development set (used while building the merge stage)"),
                              ("heldout_", "held-out set (written blind)")):
                lines.append(f"- {what}: {r[tag + 'incidents_gold']} incidents ({r[tag + 'incidents_predicted']} "
                             f"predicted); B-cubed P {r[tag + 'bcubed_precision']} R {r[tag + 'bcubed_recall']} "
                             f"F1 {r[tag + 'bcubed_f1']}; pairwise P {r[tag + 'pairwise_precision']} "
                             f"R {r[tag + 'pairwise_recall']} F1 {r[tag + 'pairwise_f1']}; syndicated copies "
                             f"kept together: {r[tag + 'syndicated_groups_together']}.")
        if set_name == "news":
            lines.append("Team-written full news articles (tests/data/news, 32 articles, 70 events; see its README). "
                         "A development set: it was read while the extraction rules were written, so these "
                         "figures are optimistic for unseen news. The main event is the most confident typed one, "
                         "scored against the headline's event; "
                         f"every gold event's fields once found (recall {r['event_recall']}; share of typed output "
                         f"events that report a gold event {r['precision_proxy']}):")
            lines += ["", "| field | agree | n | share |", "|---|---|---|---|"]
            lines += [f"| {k} | {v['agree']} | {v['n']} | {v['share']} |" for k, v in r["fields"].items()]
        if r.get("per_class"):
            lines += ["", "| class | P | R | F1 | support |", "|---|---|---|---|---|"]
            for c, m in sorted(r["per_class"].items(), key=lambda kv: -kv[1]["support"]):
                lines.append(f"| {c} | {m['precision']} | {m['recall']} | {m['f1']} | {m['support']} |")
        if r.get("worst"):
            lines += ["", "Worst classes (one error each):", ""]
            for w in r["worst"]:
                ex = w.get("example") or {}
                lines.append(f"- **{w['class']}** F1 {w['f1']} (n={w['support']}), confused with "
                             f"{', '.join(f'{c} ×{k}' for c, k in w['confused_with']) or '-'}"
                             + (f"; e.g. `{ex['id']}` → {ex['predicted']}" if ex else "")
                             + (f": “{_md_safe(ex['text'])}”" if ex.get("text") and set_name in QUOTABLE else ""))
        lines.append(f"\n({r.get('seconds')} s)")
    return "\n".join(lines) + "\n"


# Sets whose licence lets us quote a row in our docs (GPL-3, cited); CASE 2021 ships without one.
QUOTABLE = {"acled", "geo-gwn"}


def _md_safe(text: str) -> str:
    """Article text is hostile: no markdown or HTML from it reaches the rendered page."""
    return re.sub(r"([\\`*_{}\[\]<>|#])", r"\\\1", " ".join(str(text).split()))


def write_markdown(results: dict[str, dict], path: Path, *, command: str) -> None:
    Path(path).write_text(to_markdown(results, command=command), encoding="utf-8")


def default_shared() -> Path:
    return ROOT.parent / "shared"


def run_cli(set_name: str, *, shared: str | None = None, limit: int | None = None,
            write: str | None = None, echo: Callable[[str], None] | None = None,
            predict: Predictor | None = None) -> int:
    """`eventwire eval`: the exit code (1 when a figure is below its floor)."""
    import click

    echo = echo or click.echo
    shared_dir = Path(shared) if shared else default_shared()
    names = SETS + TEAM_SETS if set_name == "all" else (set_name,)
    if any(n in SETS for n in names) and not (shared_dir / "eval").is_dir():
        echo(f"eval: no evaluation data at {shared_dir / 'eval'}; public sets skipped (team sets still run)")
        names = tuple(n for n in names if n in TEAM_SETS)
    predict = predict or pipeline_predictor()
    results = {}
    for name in names:
        results[name] = eval_team(name) if name in TEAM_SETS else evaluate(name, shared_dir, limit=limit, predict=predict)
        echo(f"{name}: " + ", ".join(f"{k}={results[name].get(k)}" for k in HEADLINE[name])
             + f" ({results[name]['n']} docs, {results[name]['seconds']} s)")
    if write:
        cmd = f"eventwire eval {set_name}" + (f" --limit {limit}" if limit else "") + f" --write {write}"
        write_markdown(results, Path(write), command=cmd)
    # Floors for a partial run would compare unlike with like: only full runs are checked.
    failures = check_floors(results, load_floors("full")) if limit is None and FLOORS_FILE.exists() else []
    for f in failures:
        echo(f"FLOOR {f}")
    return 1 if failures else 0
