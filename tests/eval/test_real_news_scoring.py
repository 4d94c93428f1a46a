"""The real-news measures on hand-made documents: what counts as found, recalled and precise."""
from eventwire_eval.scoring.real_news import read_gold, score

GOLD = {
    "a": {"id": "a", "events": [
        {"main": True, "background": False, "event_type": "Protests", "sub_event_type": "Peaceful protest",
         "date": "2018-04-05", "lat": 35.47, "lon": -97.52, "fatalities": None},
        {"main": False, "background": True, "event_type": "Strategic developments", "sub_event_type": "Arrests",
         "date": "2015-07-09", "lat": 35.0, "lon": 105.0, "fatalities": None}]},
    "b": {"id": "b", "events": []},
}


def event(kind, lat, lon, *, day=None, main=False, sub=None, dead=None, conf=0.5):
    return {"event_type": kind, "sub_event_type": sub, "main": main, "confidence": conf,
            "location": {"latitude": lat, "longitude": lon}, "date": {"start": day},
            "fatalities": {"best": dead} if dead is not None else None}


def test_main_found_within_50_km_of_the_same_type():
    docs = [{"id": "a", "events": [event("Protests", 35.6, -97.5, day="2018-04-05", main=True,
                                         sub="Peaceful protest")]},
            {"id": "b", "events": []}]
    r = score(docs, GOLD)
    assert r["main_found"] == 1.0 and r["main_top"] == 1.0 and r["main_date"] == 1.0
    assert r["main_fatalities"] == 1.0  # null and 0 are alike
    assert r["precision"] == 1.0 and r["silent_pages"] == 1.0


def test_wrong_type_far_place_and_background_are_not_matches():
    docs = [{"id": "a", "events": [event("Riots", 35.47, -97.52), event("Protests", 40.0, -90.0),
                                   event("Strategic developments", 35.0, 105.0)]},
            {"id": "b", "events": [event("Protests", 1.0, 1.0)]}]
    r = score(docs, GOLD)
    assert r["main_found"] == 0.0
    assert r["precision"] == 0.0  # matching a background event does not count
    assert r["silent_pages"] == 0.0
    assert r["events_per_page"] == 2.0


def test_the_shipped_gold_is_well_formed():
    gold = read_gold()
    assert len(gold) >= 80
    for g in gold.values():
        today = [e for e in g["events"] if not e["background"]]
        assert sum(e["main"] for e in g["events"]) == (1 if today else 0), g["id"]
        for e in g["events"]:
            assert e["lat"] is not None and e["lon"] is not None and e["event_type"], g["id"]


def test_crime_pages_count_in_neither_silence_nor_precision():
    gold = {"c": {"id": "c", "events": [], "crime": [
        {"main": True, "kind": "assault", "lat": 34.07, "lon": -118.40}]}, "b": GOLD["b"]}
    found = score([{"id": "c", "events": [event("Violence against civilians", 34.08, -118.41)]},
                   {"id": "b", "events": []}], gold)
    assert found["crime_found"] == 1.0 and found["silent_pages"] == 1.0 and found["precision"] is None
    missed = score([{"id": "c", "events": [event("Riots", 40.0, -74.0)]}, {"id": "b", "events": []}], gold)
    assert missed["crime_found"] == 0.0
