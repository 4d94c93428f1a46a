"""The news-article scorer (eventwire_eval.scoring.news) on hand-built documents, the gold set's
shape, and one run of the real pipeline over tests/data/news."""
import datetime as dt
import json

import pytest

from eventwire_eval.data import read_jsonl
from eventwire_eval.scoring import news as news_eval
from eventwire.model import (Actor, Attribution, Casualties, Document, Error, Event, Evidence, InputDoc,
                             Place, When)
from repo_paths import DATA, ROOT

NEWS = DATA / "news"
TAXONOMY = ROOT / "eventwire" / "data" / "taxonomy.json"

HEADLINE = "Shelling kills five in Kharkiv\n\n"
LEDE = "Russian shells hit a market in Kharkiv on Tuesday, killing five people, police said."
LATER = "On Friday, protesters marched in Kyiv."
TEXT = HEADLINE + LEDE + " " + LATER


def actor(name, kind, text=None):
    return Actor(text=text or name, name=name, country=None, kind=kind, start=0, end=0)


def event(sentence, *, etype="Explosions/Remote violence", sub="Shelling/artillery/missile attack",
          conf=0.9, lat=49.98, lon=36.25, start="2024-05-21", best=5, a1=None, a2=None,
          civ=True, att="police said", text=TEXT):
    pos = text.find(sentence)
    return Event(id=f"ev_{abs(hash((sentence, etype, conf)))}", event_type=etype, sub_event_type=sub,
                 plover_type="ASSAULT", plover_mode=None, cameo_root=None,
                 actor1=a1 if a1 is not None else actor("Russia", "military"), actor2=a2,
                 location=None if lat is None else Place("Kharkiv", "Kharkiv", "UKR", None, lat, lon, None,
                                                         "city", 0, 0),
                 date=When(start or "", start, start, "day" if start else "unresolved"),
                 fatalities=None if best is None else Casualties("", best, best, best),
                 civilian_targeting=civ,
                 attribution=None if att is None else Attribution(att, att.split()[0]),
                 hedged=False, evidence=Evidence(sentence, max(pos, 0), max(pos, 0) + len(sentence)),
                 confidence=conf)


def gold_event(evidence, **over):
    g = {"evidence_contains": evidence, "event_type": "Explosions/Remote violence",
         "sub_event_type": "Shelling/artillery/missile attack",
         "actor1": {"name_any": ["Russia", "Russian forces"], "kind_any": ["military", "state"]},
         "actor2": None,
         "location": {"name": "Kharkiv", "latitude": 49.98177, "longitude": 36.25475, "km": 25},
         "date": {"start": "2024-05-21", "end": "2024-05-21", "precision": "day"},
         "fatalities": {"best": 5}, "civilian_targeting": True, "attribution_contains": "police"}
    g.update(over)
    return g


def doc(events, doc_id="d1", text=TEXT, error=None):
    return Document(id=doc_id, title=None, published="2024-05-22", text=text, events=events, error=error)


# ---------------------------------------------------------------- field checks

@pytest.mark.parametrize("lat,lon,km,ok", [
    (49.98, 36.25, 25, True),     # Kharkiv itself
    (49.71, 37.62, 25, False),    # Kupiansk, ~100 km away
    (49.71, 37.62, 120, True),    # ... within a province-sized radius
    (None, None, 25, False),      # unresolved place is a miss
])
def test_location_within_km(lat, lon, km, ok):
    g = {"latitude": 49.98177, "longitude": 36.25475, "km": km}
    assert news_eval.location_ok(event(LEDE, lat=lat, lon=lon), g) is ok


@pytest.mark.parametrize("pred,gold,ok", [
    ("2024-05-21", "2024-05-21", True),
    ("2024-05-22", "2024-05-21", False),   # publication date instead of the event's day
    (None, None, True),                    # unresolved both sides
    ("2024-05-21", None, False),           # a date invented where gold says unresolved
])
def test_date_start_exact(pred, gold, ok):
    assert news_eval.date_ok(event(LEDE, start=pred), {"start": gold}) is ok


@pytest.mark.parametrize("best,gold,ok", [(5, {"best": 5}, True), (None, None, True), (0, None, True),
                                          (None, {"best": 12}, False), (27, {"best": 19}, False)])
def test_fatalities_null_is_zero(best, gold, ok):
    checks = news_eval.field_checks(event(LEDE, best=best), gold_event(LEDE, fatalities=gold))
    assert checks["fatalities"] is ok


@pytest.mark.parametrize("name,text,names,ok", [
    ("Russia", "Russian forces", ["Russia"], True),
    (None, "Russian forces", ["Russian forces"], True),             # text used when no canonical name
    ("Islamic State", "Islamic State", ["IS"], False),              # word boundaries: IS is not in "islamic"
    ("Sudanese Armed Forces", "SAF", ["Sudanese army", "SAF"], True),
    ("Civilians", "residents", ["Fano"], False),
])
def test_actor_name_match(name, text, names, ok):
    assert news_eval.actor_name_ok(actor(name, "military", text), {"name_any": names}) is ok


def test_field_checks_skip_null_gold_fields():
    g = gold_event(LEDE, actor1=None, civilian_targeting=None, attribution_contains=None, location=None)
    checks = news_eval.field_checks(event(LEDE), g)
    assert set(checks) == {"event_type", "sub_event_type", "date", "fatalities"}


@pytest.mark.parametrize("wanted,att,ok", [("police", "police said", True), (["charity", "MSF"], "MSF said", True),
                                           ("army", "police said", False), ("police", None, False)])
def test_attribution_contains(wanted, att, ok):
    assert news_eval.attribution_ok(event(LEDE, att=att), wanted) is ok


# ---------------------------------------------------------------- matching

def test_match_events_one_to_one_prefers_typed_and_agreeing_type():
    untyped = event(LEDE, etype=None, sub=None, conf=0.99)
    other_type = event(LEDE, etype="Battles", sub="Armed clash", conf=0.95)
    right = event(LEDE, conf=0.5)
    g1, g2 = gold_event("killing five people"), gold_event("Russian shells hit", event_type="Battles")
    pairs = news_eval.match_events([untyped, other_type, right], [g1, g2])
    assert pairs[0][1] is right and pairs[1][1] is other_type


def test_match_events_missing_gold_gets_none():
    pairs = news_eval.match_events([event(LEDE)], [gold_event("a sentence nobody wrote")])
    assert pairs[0][1] is None


def test_reports_accepts_headline_and_restatements():
    head = event("Shelling kills five in Kharkiv")
    g = gold_event("killing five people", also_in=["protesters marched"])
    hl = news_eval.headline_end(TEXT)
    assert news_eval.reports(head, g, headline=hl)
    assert not news_eval.reports(head, g)
    assert news_eval.reports(event(LATER), g)


# ---------------------------------------------------------------- score

def test_score_counts_recall_fields_and_precision():
    gold = [{"id": "d1", "events": [gold_event("killing five people"),
                                    gold_event("protesters marched", event_type="Protests",
                                               sub_event_type="Peaceful protest", fatalities=None,
                                               date={"start": "2024-05-17"}, actor1=None,
                                               civilian_targeting=False, attribution_contains=None)]}]
    outputs = [doc([
        event(LEDE, conf=0.9),                                                   # main, all fields right
        event("Shelling kills five in Kharkiv", conf=0.7),                       # headline: a duplicate
        event(LATER, etype="Riots", sub="Violent demonstration", best=None, start="2024-05-22",
              civ=False, conf=0.5),                                              # found, wrong type + date
        event("killing five people", etype=None, sub=None, conf=0.3),            # untyped: not counted
    ])]
    r = news_eval.score(outputs, gold, details=True)
    assert r["main"]["event_type"] == 1.0 and r["main"]["date"] == 1.0 and r["main"]["evidence"] == 1.0
    assert r["events"]["recall"] == 1.0
    assert r["events"]["fields"]["event_type"] == {"n": 2, "agree": 1, "share": 0.5}
    assert r["events"]["fields"]["date"]["agree"] == 1
    assert r["precision_proxy"]["typed_output"] == 3
    assert r["precision_proxy"]["share"] == 1.0
    assert r["precision_proxy"]["duplicates"] == 1
    fields = {(m["scope"], m["field"]) for m in r["mismatches"]}
    assert ("event", "event_type") in fields and ("event", "date") in fields


def test_score_document_without_events_fails_main_and_recall():
    gold = [{"id": "d1", "events": [gold_event("killing five people")]},
            {"id": "d2", "events": [gold_event("killing five people")]}]
    r = news_eval.score([doc([]), doc([], doc_id="zz")], gold)
    assert r["missing_output"] == 1
    assert r["main"]["n"] == 1 and r["main"]["found"] == 0.0 and r["main"]["event_type"] == 0.0
    assert r["events"]["recall"] == 0.0 and r["precision_proxy"]["share"] is None


def test_score_counts_failed_documents():
    gold = [{"id": "d1", "events": [gold_event("killing five people")]}]
    r = news_eval.score([doc([], error=Error("E001", "empty"))], gold)
    assert r["failed"] == 1


def test_evaluate_news_with_custom_predict(tmp_path):
    docs_path, gold_path = tmp_path / "docs.jsonl", tmp_path / "gold.jsonl"
    docs_path.write_text(json.dumps({"id": "d1", "text": TEXT, "published": "2024-05-22"}) + "\n")
    gold_path.write_text(json.dumps({"id": "d1", "events": [gold_event("killing five people")]}) + "\n")
    seen = []

    def predict(inputs):
        seen.extend(inputs)
        return [doc([event(LEDE)], doc_id=i.id, text=i.text) for i in inputs]

    r = news_eval.evaluate_news(docs_path, gold_path, predict=predict)
    assert isinstance(seen[0], InputDoc) and seen[0].published == "2024-05-22"
    assert r["events"]["recall"] == 1.0 and r["main"]["fatalities"] == 1.0


# ---------------------------------------------------------------- the gold set itself

def _rows(name):
    return read_jsonl(NEWS / name)


def test_news_gold_is_wellformed():
    docs = {r["id"]: r for r in _rows("docs.jsonl")}
    gold = _rows("gold.jsonl")
    tax = json.loads(TAXONOMY.read_text(encoding="utf-8"))["event_types"]
    assert len(docs) >= 30 and [g["id"] for g in gold] == list(docs)
    assert sum(1 for d in docs.values() if d["published"] is None) >= 3
    assert {e["event_type"] for g in gold for e in g["events"]} == set(tax)
    for g in gold:
        text = docs[g["id"]]["text"]
        assert text.split("\n", 1)[0] == docs[g["id"]]["title"]
        assert 150 <= len(text.split()) <= 400, g["id"]
        assert 1 <= len(g["events"]) <= 4
        for e in g["events"]:
            for s in [e["evidence_contains"], *e.get("also_in", [])]:
                assert text.count(s) == 1, (g["id"], s)
            assert e["sub_event_type"] in tax[e["event_type"]]
            start = e["date"]["start"]
            if start is None:
                assert e["date"]["precision"] == "unresolved"
            else:
                dt.date.fromisoformat(start)
            if e["location"]:
                assert -90 <= e["location"]["latitude"] <= 90 and e["location"]["km"] in (25, 60)


def test_news_eval_runs_on_real_pipeline():
    r = news_eval.evaluate_news(NEWS / "docs.jsonl", NEWS / "gold.jsonl")
    assert r["documents"] == len(_rows("docs.jsonl")) and r["missing_output"] == 0
    for key in ("event_type", "sub_event_type", "location", "date", "fatalities"):
        assert 0.0 <= r["main"][key] <= 1.0
    assert r["events"]["gold"] >= 30 and r["events"]["recall"] is not None
    assert r["precision_proxy"]["typed_output"] > 0
