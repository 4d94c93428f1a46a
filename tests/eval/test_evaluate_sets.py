"""The harness on tiny hand-made sets in a temporary shared/ folder, with fake predictors."""
import json

import pytest

from eventwire_eval import evaluate, run_cli
from eventwire.model import Casualties, Document, Event, Evidence, Place, When


def _write(folder, docs, gold, extra=None):
    folder.mkdir(parents=True)
    (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold))
    for name, data in (extra or {}).items():
        (folder / name).write_text(json.dumps(data))


def _event(sub, et, *, conf=0.9, lat=None, lon=None, date=None, deaths=None):
    loc = Place("x", "x", None, None, lat, lon, None, "city", 0, 1) if lat is not None else None
    return Event(id=sub, event_type=et, sub_event_type=sub, plover_type="", plover_mode=None,
                 cameo_root=None, actor1=None, actor2=None, location=loc,
                 date=When("d", date, date, "day") if date else None,
                 fatalities=Casualties("k", deaths, deaths, deaths) if deaths is not None else None,
                 civilian_targeting=False, attribution=None, hedged=False,
                 evidence=Evidence("s", 0, 1), confidence=conf)


def _fixed(answers):
    """A predictor that returns prepared events per document id."""
    def predict(inputs):
        return [Document(id=i.id, title=None, published=i.published, text=i.text,
                         events=answers.get(i.id, [])) for i in inputs]
    return predict


@pytest.fixture
def shared(tmp_path):
    _write(tmp_path / "eval" / "acled",
           [{"id": "A1", "text": "note one", "published": "2022-01-08"},
            {"id": "A2", "text": "note two", "published": "2022-01-09"},
            {"id": "A3", "text": "note three", "published": "2022-01-10"}],
           [{"id": "A1", "event_type": "Protests", "sub_event_type": "Peaceful protest", "fatalities": 0,
             "latitude": 10.0, "longitude": 10.0, "event_date": "2022-01-01"},
            {"id": "A2", "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 3,
             "latitude": 0.0, "longitude": 0.0, "event_date": "2022-01-02"},
            {"id": "A3", "event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 0,
             "latitude": 0.0, "longitude": 0.0, "event_date": "2022-01-03"}])
    _write(tmp_path / "eval" / "case2021",
           [{"id": "C1", "text": "a"}, {"id": "C2", "text": "b"}, {"id": "C3", "text": "c"}],
           [{"id": "C1", "label": "GRENADE"}, {"id": "C2", "label": "ARREST"}, {"id": "C3", "label": "DIPLO"}],
           {"labels.json": {
               "GRENADE": {"acled_sub_event_type": "Grenade", "acled_event_type": "Explosions/Remote violence"},
               "ARREST": {"acled_sub_event_type": "Arrests", "acled_event_type": "Strategic developments"},
               "DIPLO": {"acled_sub_event_type": None, "acled_event_type": None}}})
    return tmp_path


def test_acled_measures(shared):
    predict = _fixed({
        "A1": [_event("Peaceful protest", "Protests", lat=10.1, lon=10.0, date="2022-01-01")],
        "A2": [_event("Attack", "Violence against civilians", conf=0.4, deaths=3),
               _event("Armed clash", "Battles", conf=0.8, lat=5.0, lon=5.0, deaths=3, date="2022-01-02")],
    })
    r = evaluate("acled", shared, predict=predict)
    assert r["n"] == 3
    assert r["event_type_macro_f1"] == pytest.approx((1.0 + 2 / 3) / 2, abs=1e-3)
    assert r["fatalities_exact"] == 1.0  # A3: no event counts as 0 deaths, gold 0
    assert r["location_25km"] == pytest.approx(1 / 3, abs=1e-3)  # A2's point is ~780 km off
    assert r["date_exact"] == pytest.approx(2 / 3, abs=1e-3)
    assert r["no_event_share"] == pytest.approx(1 / 3, abs=1e-3)
    assert r["worst"][0]["class"] == "Armed clash"


def test_acled_limit_takes_the_first_rows(shared):
    r = evaluate("acled", shared, limit=1, predict=_fixed({}))
    assert r["n"] == 1 and r["limit"] == 1


def test_case_maps_sub_types_and_reports_unseen_apart(shared):
    predict = _fixed({"C1": [_event("Grenade", "Explosions/Remote violence")],
                      "C2": [_event("Grenade", "Explosions/Remote violence")]})
    r = evaluate("case2021", shared, predict=predict)
    assert r["n_seen"] == 2
    # GRENADE: P=0.5 R=1 F1=0.667 (support 1); ARREST: F1 0 (support 1)
    assert r["weighted_f1"] == pytest.approx(0.3333, abs=1e-3)
    assert r["unseen"] == {"n": 1, "no_event_share": 1.0, "predicted": {"DIPLO": {"NONE": 1}}}


def test_unknown_set_is_refused(shared):
    (shared / "eval" / "nope").mkdir()
    with pytest.raises(ValueError):
        evaluate("nope", shared, predict=_fixed({}))


def test_missing_set_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate("acled", tmp_path, predict=_fixed({}))


def test_geo_offsets_are_mapped_back_to_the_input(tmp_path):
    from eventwire.model import Removed

    text = "Share\nFighting in Aleppo."
    _write(tmp_path / "eval" / "geo-gwn", [{"id": "G1", "text": text}],
           [{"id": "G1", "toponyms": [{"name": "Aleppo", "start": 18, "end": 24, "type": "Literal",
                                       "non_locational": False, "lat": 36.2, "lon": 37.16}]}])

    def predict(inputs):
        cleaned = "Fighting in Aleppo."
        place = Place("Aleppo", "Aleppo", "SYR", None, 36.21, 37.15, 1, "city", 12, 18)
        return [Document(id="G1", title=None, published=None, text=cleaned, places=[place],
                         removed=[Removed("Share\n", "boilerplate", 0, 6)])]

    r = evaluate("geo-gwn", tmp_path, predict=predict)
    assert r["matched"] == 1 and r["f1"] == 1.0 and r["within_161km"] == 1.0


def test_cli_without_eval_data_skips_the_public_sets(tmp_path):
    said = []
    assert run_cli("acled", shared=str(tmp_path), echo=said.append) == 0
    assert "public sets skipped" in said[0] and len(said) == 1


def test_cli_writes_the_markdown_report(shared, tmp_path):
    out = tmp_path / "ACCURACY.md"
    said = []
    code = run_cli("case2021", shared=str(shared), limit=2, write=str(out), echo=said.append,
                   predict=_fixed({"C1": [_event("Grenade", "Explosions/Remote violence")]}))
    assert code == 0  # partial runs are not held to the floors
    assert said[0].startswith("case2021: weighted_f1=")
    assert "eventwire eval case2021 --limit 2" in out.read_text()


def test_cli_refuses_an_unknown_set(tmp_path):
    said = []
    assert run_cli("nope", shared=str(tmp_path), echo=said.append) == 2
    assert "no set 'nope'" in said[0] and "acled" in said[0]


def test_every_set_is_found_in_report_order():
    from eventwire_eval.sets import registry

    assert list(registry()) == ["acled", "case2021", "geo-gwn", "real-news", "seed", "quality", "incidents", "news"]
    for module in registry().values():
        assert module.SOURCE in {"shared", "team"} and module.HEADLINE and callable(module.run)
