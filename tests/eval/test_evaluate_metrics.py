import pytest

from eventwire_eval.floors import check_floors, raise_floors
from eventwire_eval.metrics import macro_f1, per_class, weighted_f1, worst_classes
from eventwire_eval.predictors import split_sentences
from eventwire_eval.report import to_markdown


def test_per_class_counts_and_averages():
    gold = ["a", "a", "b", "c"]
    pred = ["a", "b", "b", "NONE"]
    t = per_class(gold, pred, ["a", "b", "c"])
    assert t["a"] == {"precision": 1.0, "recall": 0.5, "f1": 0.6667, "support": 2}
    assert t["b"]["precision"] == 0.5 and t["b"]["recall"] == 1.0
    assert t["c"]["f1"] == 0.0
    assert macro_f1(t) == round((0.6667 + 0.6667 + 0.0) / 3, 4)
    assert weighted_f1(t) == round((0.6667 * 2 + 0.6667 * 1) / 4, 4)


def test_worst_classes_give_an_error_example():
    gold, pred = ["a", "a", "b"], ["a", "b", "b"]
    rows = [{"id": str(i), "text": f"text {i}"} for i in range(3)]
    worst = worst_classes(per_class(gold, pred, ["a", "b"]), gold, pred, rows, n=1)
    assert worst[0]["class"] == "a" or worst[0]["class"] == "b"
    ex = worst[0]["example"]
    assert ex is None or ex["predicted"] != worst[0]["class"]


def test_check_floors_reports_each_figure_below_its_floor():
    results = {"acled": {"event_type_macro_f1": 0.7, "date_exact": 0.5}}
    floors = {"acled": {"event_type_macro_f1": 0.8, "date_exact": 0.5}, "geo-gwn": {"f1": 0.9}}
    failures = check_floors(results, floors)
    assert len(failures) == 1 and "acled.event_type_macro_f1" in failures[0]


def test_missing_figure_fails_its_floor():
    assert check_floors({"case2021": {}}, {"case2021": {"weighted_f1": 0.1}})


def test_floors_only_move_up():
    floors = {"acled": {"event_type_macro_f1": 0.8, "date_exact": 0.2}}
    out = raise_floors(floors, {"acled": {"event_type_macro_f1": 0.5, "date_exact": 0.6}}, margin=0.01)
    assert out["acled"] == {"event_type_macro_f1": 0.8, "date_exact": 0.59}
    assert floors["acled"]["date_exact"] == 0.2  # input untouched


@pytest.mark.parametrize("text, n", [
    ("One. Two! Three?", 3),
    ("Troops left on Monday. \"We are safe,\" he said.", 2),
    ("No final stop", 1),
    ("", 0),
])
def test_split_sentences(text, n):
    spans = split_sentences(text)
    assert len(spans) == n
    assert all(text[s:e].strip() == text[s:e] for s, e in spans)


def test_markdown_names_command_and_figures():
    results = {"case2021": {"n": 3, "n_seen": 2, "weighted_f1": 0.5, "accuracy": 0.5, "macro_f1": 0.5,
                            "unseen": {"n": 1, "no_event_share": 1.0}, "seconds": 0.1,
                            "per_class": {"A": {"precision": 1, "recall": 1, "f1": 1, "support": 1}},
                            "worst": []}}
    md = to_markdown(results, command="eventwire eval case2021", when="2024-01-01")
    assert "2024-01-01" in md and "`eventwire eval case2021`" in md
    assert "| case2021 | 3 | weighted_f1 | 0.5 |" in md
