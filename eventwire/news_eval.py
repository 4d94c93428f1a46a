"""Field accuracy on full news articles: the team-written set in tests/data/news.

Three measures (tests/data/news/README.md describes the gold format):

- main event: the document's most confident event that has an ACLED event_type, against the
  gold's first event (the one the headline is about): event type, sub-event type, location
  within the gold's km, date.start exact, fatalities.best exact (no casualties = 0), and whether
  its sentence reports that event (the gold's evidence, an `also_in` restatement, or the headline).
- all gold events: recall (an output event whose evidence sentence contains the gold's
  `evidence_contains`) and, for the matched pairs, agreement field by field.
- precision proxy: the share of output events with an ACLED type whose sentence reports one of
  the document's gold events (as above); `duplicates` counts those that only report a gold event
  an earlier output event already reported (one incident coded twice). Gold lists at most four
  events per article, so this undercounts true precision; read it as a trend, not an absolute.

A gold field that is null (or absent) is not scored, except where null is a value of its own:
a null date start (unresolved) wants no start, null fatalities want 0, null actor2 is skipped.

    python -m eventwire.news_eval tests/data/news/docs.jsonl tests/data/news/gold.jsonl [--details]
"""
from __future__ import annotations

import argparse
import json
import math
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from .model import Actor, Document, Event, InputDoc, marked_main

Predictor = Callable[[list[InputDoc]], Iterable[Document]]

MAIN_FIELDS = ("event_type", "sub_event_type", "location", "date", "fatalities", "evidence")
EVENT_FIELDS = ("event_type", "sub_event_type", "location", "date", "fatalities", "civilian_targeting",
                "actor1_name", "actor1_kind", "actor2_name", "actor2_kind", "attribution")


# ---------------------------------------------------------------- reading

def read_jsonl(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_inputs(rows: Iterable[dict]) -> list[InputDoc]:
    return [InputDoc(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                     url=r.get("url"), source=r.get("source")) for r in rows]


def pipeline_predict(inputs: list[InputDoc]) -> list[Document]:
    from .pipeline import process

    return list(process(inputs))


# ---------------------------------------------------------------- field checks

def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def evidence_matches(event: Event, needle: str) -> bool:
    return bool(needle) and _norm(needle) in _norm(event.evidence.sentence if event.evidence else "")


def headline_end(text: str) -> int:
    """Offset where the first non-empty line (the headline) ends."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def reports(event: Event, gold: dict, *, headline: int | None = None) -> bool:
    """The event's sentence reports this gold event: its evidence string, one of the sentences
    that restate it (`also_in`), or, when `headline` (its end offset) is given, the headline."""
    if evidence_matches(event, gold.get("evidence_contains", "")):
        return True
    if any(evidence_matches(event, extra) for extra in _as_list(gold.get("also_in"))):
        return True
    return headline is not None and event.evidence is not None and event.evidence.start < headline


def location_ok(event: Event, gold_loc: dict) -> bool:
    place = event.location
    if place is None or place.latitude is None or place.longitude is None:
        return False
    km = haversine_km(place.latitude, place.longitude, gold_loc["latitude"], gold_loc["longitude"])
    return km <= float(gold_loc.get("km", 25))


def date_ok(event: Event, gold_date: dict) -> bool:
    start = event.date.start if event.date is not None else None
    return start == gold_date.get("start")


def fatalities_of(event: Event) -> int:
    return (event.fatalities.best or 0) if event.fatalities is not None else 0


def gold_fatalities(gold: dict) -> int:
    fat = gold.get("fatalities")
    return int(fat.get("best") or 0) if fat else 0


def actor_name_ok(actor: Actor | None, spec: dict) -> bool:
    """The actor's canonical name (or, failing that, its text) equals or contains one of the
    gold names, or is contained in one: "Malian army" matches gold "Mali"/"Malian army"."""
    if actor is None:
        return False
    names = [_norm(n) for n in _as_list(spec.get("name_any")) if n]
    for got in (_norm(actor.name), _norm(actor.text)):
        if got and any(n == got or _contains_word(got, n) or _contains_word(n, got) for n in names):
            return True
    return False


def _contains_word(hay: str, needle: str) -> bool:
    """`needle` occurs in `hay` on word boundaries (so "is" does not match "islamic")."""
    start = hay.find(needle)
    while start >= 0:
        end = start + len(needle)
        if (start == 0 or not hay[start - 1].isalnum()) and (end == len(hay) or not hay[end].isalnum()):
            return True
        start = hay.find(needle, start + 1)
    return False


def actor_kind_ok(actor: Actor | None, spec: dict) -> bool:
    kinds = {k.casefold() for k in _as_list(spec.get("kind_any"))}
    return actor is not None and (actor.kind or "").casefold() in kinds


def attribution_ok(event: Event, wanted) -> bool:
    att = event.attribution
    if att is None:
        return False
    got = _norm(f"{att.text} | {att.source}")
    return any(_norm(w) in got for w in _as_list(wanted))


def field_checks(event: Event, gold: dict) -> dict[str, bool]:
    """Each scoreable field of one matched (output, gold) pair: True when they agree."""
    out = {"event_type": event.event_type == gold.get("event_type"),
           "sub_event_type": event.sub_event_type == gold.get("sub_event_type")}
    if gold.get("location"):
        out["location"] = location_ok(event, gold["location"])
    if gold.get("date"):
        out["date"] = date_ok(event, gold["date"])
    out["fatalities"] = fatalities_of(event) == gold_fatalities(gold)
    if gold.get("civilian_targeting") is not None:
        out["civilian_targeting"] = bool(event.civilian_targeting) == bool(gold["civilian_targeting"])
    for role in ("actor1", "actor2"):
        spec = gold.get(role)
        if spec:
            actor = getattr(event, role)
            if spec.get("name_any"):
                out[f"{role}_name"] = actor_name_ok(actor, spec)
            if spec.get("kind_any"):
                out[f"{role}_kind"] = actor_kind_ok(actor, spec)
    if gold.get("attribution_contains"):
        out["attribution"] = attribution_ok(event, gold["attribution_contains"])
    return out


# ---------------------------------------------------------------- matching

def typed_events(doc: Document) -> list[Event]:
    return [e for e in doc.events if e.event_type]


def main_event(doc: Document) -> Event | None:
    """The event marked main; without one, the most confident event with an ACLED type (the first
    one on ties)."""
    best = marked_main(doc.events)
    if best is not None and best.event_type:
        return best
    best = None
    for ev in typed_events(doc):
        if best is None or (ev.confidence or 0.0) > (best.confidence or 0.0):
            best = ev
    return best


def match_events(events: list[Event], golds: list[dict]) -> list[tuple[dict, Event | None]]:
    """Each gold event with the output event that reports it, or None; one output event per gold.

    Among the output events whose evidence sentence holds the gold's evidence string, typed
    events come first, then the one whose type agrees (a sentence can report two events), then
    the most confident."""
    used: set[int] = set()
    out = []
    for gold in golds:
        cands = [(i, e) for i, e in enumerate(events)
                 if i not in used and evidence_matches(e, gold.get("evidence_contains", ""))]
        cands.sort(key=lambda ie: (ie[1].event_type is None, ie[1].event_type != gold.get("event_type"),
                                   -(ie[1].confidence or 0.0), ie[0]))
        if cands:
            used.add(cands[0][0])
            out.append((gold, cands[0][1]))
        else:
            out.append((gold, None))
    return out


def _main_checks(top: Event | None, gold: dict, headline: int) -> dict[str, bool]:
    """The main-event fields; a document with no typed event fails every field gold scores."""
    if top is not None:
        checks = {f: ok for f, ok in field_checks(top, gold).items() if f in MAIN_FIELDS}
        checks["evidence"] = reports(top, gold, headline=headline)
        return checks
    scored = {"event_type", "sub_event_type", "fatalities", "evidence"}
    scored |= {f for f in ("location", "date") if gold.get(f)}
    return {f: False for f in MAIN_FIELDS if f in scored}


# ---------------------------------------------------------------- scoring

def _share(k: int, n: int) -> float | None:
    return round(k / n, 3) if n else None


def _field_table(counts: dict[str, list[int]], fields: Iterable[str]) -> dict[str, dict]:
    return {f: {"n": counts[f][1], "agree": counts[f][0], "share": _share(*counts[f])}
            for f in fields if counts[f][1]}


def _brief(value) -> object:
    if isinstance(value, Actor):
        return {"name": value.name, "kind": value.kind, "text": value.text}
    return value


def _pred_value(event: Event | None, field: str):
    if event is None:
        return None
    if field == "location":
        p = event.location
        return None if p is None else {"name": p.name, "lat": p.latitude, "lon": p.longitude}
    if field == "date":
        return None if event.date is None else {"text": event.date.text, "start": event.date.start,
                                                "precision": event.date.precision}
    if field == "fatalities":
        return fatalities_of(event)
    if field.startswith("actor"):
        return _brief(getattr(event, field.split("_")[0]))
    if field == "attribution":
        return None if event.attribution is None else event.attribution.text
    if field == "evidence":
        return event.evidence.sentence if event.evidence else None
    return getattr(event, field, None)


def _gold_value(gold: dict, field: str):
    if field == "fatalities":
        return gold_fatalities(gold)
    if field.startswith("actor"):
        return gold.get(field.split("_")[0])
    if field == "attribution":
        return gold.get("attribution_contains")
    if field == "evidence":
        return gold.get("evidence_contains")
    return gold.get(field)


def score(docs: list[Document], gold_rows: list[dict], *, details: bool = False) -> dict:
    """The figures for output documents against gold rows (matched by id)."""
    by_id = {d.id: d for d in docs}
    main_counts: dict[str, list[int]] = {f: [0, 0] for f in MAIN_FIELDS}
    ev_counts: dict[str, list[int]] = {f: [0, 0] for f in EVENT_FIELDS}
    n_gold = n_matched = n_typed = n_typed_match = n_missing = n_failed = n_main_found = 0
    n_duplicates = 0
    by_type: Counter[str] = Counter()
    found_by_type: Counter[str] = Counter()
    mismatches: list[dict] = []

    def miss(doc_id: str, scope: str, field: str, gold: dict, event: Event | None) -> None:
        if details:
            mismatches.append({"doc": doc_id, "scope": scope, "field": field,
                               "gold": _gold_value(gold, field), "pred": _pred_value(event, field),
                               "evidence": gold.get("evidence_contains")})

    for row in gold_rows:
        golds = row.get("events") or []
        doc = by_id.get(row["id"])
        if doc is None:
            n_missing += 1
            continue
        if doc.error is not None:
            n_failed += 1
        # (a) main event
        if golds:
            g0 = golds[0]
            top = main_event(doc)
            n_main_found += top is not None
            for f, ok in _main_checks(top, g0, headline_end(doc.text)).items():
                main_counts[f][1] += 1
                main_counts[f][0] += ok
                if not ok:
                    miss(row["id"], "main", f, g0, top)
        # (b) all gold events
        for gold, event in match_events(doc.events, golds):
            n_gold += 1
            by_type[gold.get("event_type")] += 1
            if event is None:
                if details:
                    mismatches.append({"doc": row["id"], "scope": "event", "field": "recall",
                                       "gold": gold.get("evidence_contains"), "pred": None,
                                       "evidence": gold.get("evidence_contains")})
                continue
            n_matched += 1
            found_by_type[gold.get("event_type")] += 1
            for f, ok in field_checks(event, gold).items():
                ev_counts[f][1] += 1
                ev_counts[f][0] += ok
                if not ok:
                    miss(row["id"], "event", f, gold, event)
        # (c) precision proxy
        hl = headline_end(doc.text)
        claimed: set[int] = set()
        for ev in typed_events(doc):
            n_typed += 1
            hits = [i for i, g in enumerate(golds) if reports(ev, g, headline=hl if i == 0 else None)]
            hit = bool(hits)
            n_typed_match += hit
            if hit and not set(hits) - claimed:
                n_duplicates += 1
            claimed.update(hits)
            if details and not hit:
                mismatches.append({"doc": row["id"], "scope": "precision", "field": "unmatched_output",
                                   "gold": None, "pred": {"type": ev.event_type, "sub": ev.sub_event_type,
                                                          "sentence": ev.evidence.sentence[:160]},
                                   "evidence": None})

    n_docs = sum(1 for r in gold_rows if r.get("events")) - n_missing
    result = {
        "documents": len(gold_rows),
        "missing_output": n_missing,
        "failed": n_failed,
        "main": {"n": n_docs, "found": _share(n_main_found, n_docs),
                 **{f: _share(*main_counts[f]) for f in MAIN_FIELDS}},
        "events": {"gold": n_gold, "matched": n_matched, "recall": _share(n_matched, n_gold),
                   "recall_by_type": {t: _share(found_by_type[t], by_type[t]) for t in sorted(by_type)},
                   "fields": _field_table(ev_counts, EVENT_FIELDS)},
        "precision_proxy": {"typed_output": n_typed, "matching_gold": n_typed_match,
                            "share": _share(n_typed_match, n_typed),
                            "duplicates": n_duplicates,
                            "share_without_duplicates": _share(n_typed_match - n_duplicates, n_typed)},
    }
    if details:
        result["mismatches"] = mismatches
    return result


def evaluate_news(docs_path: str | Path, gold_path: str | Path, predict: Predictor | None = None,
                  *, details: bool = False) -> dict:
    """Run `predict` (default: the eventwire pipeline) over the articles and score them."""
    rows = read_jsonl(docs_path)
    gold_rows = read_jsonl(gold_path)
    docs = list((predict or pipeline_predict)(to_inputs(rows)))
    return score(docs, gold_rows, details=details)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eventwire.news_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("docs")
    ap.add_argument("gold")
    ap.add_argument("--details", action="store_true", help="list every disagreement")
    args = ap.parse_args(argv)
    result = evaluate_news(args.docs, args.gold, details=args.details)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
