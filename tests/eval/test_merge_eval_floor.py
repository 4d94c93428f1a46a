"""The whole path on the team-written incident set: pipeline -> merge -> scores vs gold."""
import json

import pytest

from eventwire_eval import check_floors, load_floors
from eventwire_eval.scoring.incidents import bcubed, evaluate, pairwise
from eventwire_eval.sets.incidents import figures
from repo_paths import DATA

INCIDENTS = DATA / "incidents"


@pytest.fixture(scope="module")
def result():
    return evaluate(INCIDENTS / "docs.jsonl", INCIDENTS / "gold.json")


def test_clustering_scores_hold_their_floors(result):
    """The development set's floors of eval/floors.json (the held-out ones: `make eval`)."""
    assert result["unprocessed"] == []
    floors = {k: v for k, v in load_floors("full")["incidents"].items() if not k.startswith("heldout_")}
    assert check_floors({"incidents": figures(result)}, {"incidents": floors}) == [], result["clusters"]


def test_near_misses_are_never_merged(result):
    gold = json.loads((INCIDENTS / "gold.json").read_text())
    cluster_of = {}
    for n, members in enumerate(result["clusters"]):
        for m in members:
            doc_id, key = m.split(":", 1)
            cluster_of.setdefault(key, set()).add(n)
    for miss in gold["near_misses"]:
        assert not cluster_of[miss["a"]] & cluster_of[miss["b"]], miss["why"]


def test_incidents_carry_every_source(result):
    for inc in result["incidents"]:
        assert inc["sources"] and all(s["evidence"]["sentence"] for s in inc["sources"])
        assert inc["corroboration"] in {"single_source", "corroborated", "acknowledged"}


@pytest.mark.parametrize("pred,gold,p,r", [
    ({"a": 1, "b": 1, "c": 2}, {"a": "x", "b": "x", "c": "y"}, 1.0, 1.0),
    ({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"}, 1 / 3, 1.0),
    ({"a": 1, "b": 2, "c": 3}, {"a": "x", "b": "x", "c": "y"}, 1.0, 0.0),
])
def test_pairwise_scores(pred, gold, p, r):
    s = pairwise(pred, gold)
    assert (s["precision"], s["recall"]) == pytest.approx((p, r))


def test_bcubed_scores():
    s = bcubed({"a": 1, "b": 1, "c": 1}, {"a": "x", "b": "x", "c": "y"})
    assert s["precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert s["recall"] == pytest.approx(1.0)
