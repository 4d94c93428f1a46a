import pytest

from eventwire_eval.scoring.geo import evaluate_geo
from eventwire.model import Place


def place(text, start, lat, lon):
    return Place(text=text, name=text, country=None, admin1=None, latitude=lat, longitude=lon,
                 geonameid=None, precision="city" if lat is not None else None,
                 start=start, end=start + len(text))


DOCS = [{"id": "a", "text": "Clashes in Aleppo and Homs; a shop in town."}]
GOLD = [{"id": "a", "toponyms": [
    {"name": "Aleppo", "start": 11, "end": 17, "lat": 36.2, "lon": 37.16},
    {"name": "Homs", "start": 22, "end": 26, "lat": 34.73, "lon": 36.71},
    {"name": "town", "start": 38, "end": 42, "lat": None, "lon": None},  # not a toponym to find
]}]


@pytest.mark.parametrize("preds, f1, within", [
    ([place("Aleppo", 11, 36.2, 37.16), place("Homs", 22, 34.73, 36.71)], 1.0, 1.0),
    ([place("Aleppo", 11, 36.2, 37.16), place("Homs", 22, 10.0, 10.0)], 1.0, 0.5),
    ([place("Aleppo", 11, None, None)], 2 * 1.0 * 0.5 / 1.5, 0.0),      # unresolved = miss
    ([place("Aleppo", 11, 36.2, 37.16), place("shop", 31, 1.0, 1.0)], 0.5, 1.0),
    ([place("Alep", 11, 36.3, 37.1)], 2 * 1.0 * 0.5 / 1.5, 1.0),          # overlap is enough
])
def test_measures(preds, f1, within):
    result = evaluate_geo(DOCS, GOLD, lambda text: preds)
    assert result["f1"] == pytest.approx(f1, abs=1e-3)
    assert result["within_161km"] == pytest.approx(within, abs=1e-3)


def test_one_prediction_matches_one_gold():
    preds = [place("Aleppo and Homs", 11, 36.2, 37.16)]
    result = evaluate_geo(DOCS, GOLD, lambda text: preds)
    assert result["matched"] == 1
