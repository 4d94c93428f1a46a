"""The eventwire evaluation harness: accuracy on the public sets in ../shared/eval and on the
team's labelled sets in tests/data. It lives in the repository, not in the installed package.

    eventwire eval all --write docs/ACCURACY.md      (= `make eval`)
    eventwire eval case2021 --limit 40
    PYTHONPATH=eval python -m eventwire_eval.scoring.news tests/data/news/docs.jsonl tests/data/news/gold.jsonl --details

Layout: `sets/` holds one module per evaluation set (adding a set is adding one file there; see
sets/__init__.py); `scoring/` the measures that need more than a few lines; `metrics`,
`predictors`, `floors`, `report` and `runner` what the sets share.

The eval data is read here only to measure; nothing in it feeds rules or models.
"""
from .floors import check_floors, load_floors, raise_floors, smoke_limits
from .predictors import classifier_predictor, per_document, pipeline_predictor
from .runner import evaluate, run_cli

__all__ = ["evaluate", "run_cli", "check_floors", "load_floors", "raise_floors", "smoke_limits",
           "classifier_predictor", "per_document", "pipeline_predictor"]
