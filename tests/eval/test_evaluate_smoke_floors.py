"""`make test` smoke: the first rows of the dev sets stay at or above their floors."""
import pytest

from eventwire_eval import check_floors, classifier_predictor, evaluate, load_floors, smoke_limits
from repo_paths import SHARED

pytestmark = [pytest.mark.shared,
              pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="../shared/eval absent")]


def test_classifier_smoke_floors():
    predict = classifier_predictor(whole_text=True)
    limits = smoke_limits("classifier_smoke")
    results = {name: evaluate(name, SHARED, limit=n, predict=predict) for name, n in limits.items()}
    assert check_floors(results, load_floors("classifier_smoke")) == []


def test_pipeline_smoke_floors():
    limits = smoke_limits("smoke")
    results = {name: evaluate(name, SHARED, limit=n) for name, n in limits.items()}
    assert check_floors(results, load_floors("smoke")) == []
