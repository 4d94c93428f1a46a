"""Features and labels for the reportable-event model (training/train_reportable.py `fit`): the
cached documents' mentions get the cues of eventwire/extract/reportable.py, and a label by the
rule in train_reportable.py's docstring (a mention of the document's gold event or not)."""
from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

from gva_data import KM, read_jsonl as _read
from reportable_collect import EXAMPLES, SETS, SHARED


DATE_SLACK = 1
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def featurize(cache: Path) -> dict[str, list[dict]]:
    """Per set, documents with their mentions' features, groups and fields (no text)."""
    import pickle

    from spacy.tokens import DocBin

    import eventwire.extract.reportable as rep
    from eventwire.nlp import load as load_nlp

    vocab = load_nlp().vocab
    out: dict[str, list[dict]] = {}
    for name in SETS + ("examples",):
        with (cache / f"{name}.pkl").open("rb") as fh:
            recs = pickle.load(fh)
        docs = list(DocBin().from_disk(cache / f"{name}.spacy").get_docs(vocab))
        _read_sentences(recs, docs)
        out[name] = []
        for rec, doc in zip(recs, docs):
            events = rec["events"]
            groups = rep.group(events, rep.headline_end(doc.text))
            feats = rep.features(events, doc, rec["published"], groups)
            gid = {i: k for k, g in enumerate(groups) for i in g}
            out[name].append({"id": rec["id"], "text": doc.text if name == "examples" else None, "events": [
                _event_row(ev, f, gid[i]) for i, (ev, f) in enumerate(zip(events, feats))]})
    return out


def _read_sentences(recs: list[dict], docs: list) -> None:
    """The classifier's readings of the mentions' sentences, as the pipeline leaves them on the
    Doc (the DocBin does not keep extension values)."""
    from eventwire.extract.classify import classify

    keys = [(k, s) for k, rec in enumerate(recs) for s in sorted({ev.evidence.start for ev in rec["events"]})]
    text = {(k, ev.evidence.start): ev.evidence.sentence.strip() for k, rec in enumerate(recs) for ev in rec["events"]}
    preds = classify([text[key] for key in keys])
    for doc in docs:
        doc._.event_readings = {}
    for (k, start), pred in zip(keys, preds):
        docs[k]._.event_readings[start] = pred


def _event_row(ev, feats: dict, group: int) -> dict:
    loc, d = ev.location, ev.date
    return {"f": feats, "group": group, "type": ev.event_type, "sub": ev.sub_event_type,
            "lat": loc.latitude if loc else None, "lon": loc.longitude if loc else None,
            "coarse": bool(loc and loc.precision in {"country", "admin1"}),
            "date": d.start if d else None, "date_end": d.end if d else None,
            "dead": ev.fatalities.best if ev.fatalities else None, "start": ev.evidence.start,
            "confidence": ev.confidence}


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _near(e: dict, lat, lon) -> bool:
    """No clash of places: the mention's place is unknown or only a country or province (whether
    a sentence reports an event is a question about the text, not about our geocoder), or it is
    within KM of the gold point."""
    return e["lat"] is None or e["coarse"] or lat is None or _km(e["lat"], e["lon"], lat, lon) <= KM


def _day_ok(e: dict, day: str | None) -> bool:
    if not e["date"] or not day:
        return True
    d = dt.date.fromisoformat(day)
    lo = dt.date.fromisoformat(e["date"][:10]) - dt.timedelta(days=DATE_SLACK)
    hi = dt.date.fromisoformat((e["date_end"] or e["date"])[:10]) + dt.timedelta(days=DATE_SLACK)
    return lo <= d <= hi


def label(name: str, e: dict, g: dict | None) -> int:
    if name == "examples":
        return int(e["y_example"])
    if name == "geovirus" or g is None:
        return 0
    if name == "acled":
        return int(e["type"] == g["event_type"] and _near(e, g.get("latitude"), g.get("longitude"))
                   and _day_ok(e, g.get("event_date")))
    place = g.get("place") or {}
    return int(e["type"] in VIOLENT and _near(e, place.get("latitude"), place.get("longitude"))
               and _day_ok(e, g.get("date")))


def gold_of(name: str) -> dict[str, dict]:
    if name == "examples":
        return {r["id"]: r for r in _read(EXAMPLES)}
    if name == "geovirus":
        return {}
    return {g["id"]: g for g in _read(SHARED / name / "gold.jsonl")}


def load(cache: Path) -> list[dict]:
    """Documents with labelled mentions: {set, id, key, events: [..., y]}."""
    docs = []
    for name, recs in featurize(cache).items():
        gold = gold_of(name)
        for rec in recs:
            g = gold.get(rec["id"])
            if name == "gva" and (g is None or (g.get("place") or {}).get("latitude") is None):
                continue
            for e in rec["events"]:
                if name == "examples":  # the label of the sentence the mention came from
                    ends = [rec["text"].find(t) + len(t) for t, _ in g["sentences"]]
                    e["y_example"] = next((y for end, (_, y) in zip(ends, g["sentences"]) if e["start"] < end), 0)
                e["y"] = label(name, e, g)
            key = f"gva:{g['incident']}" if name == "gva" else f"{name}:{rec['id']}"
            docs.append({"set": name, "id": rec["id"], "key": key, "events": rec["events"]})
    return docs
