"""The seed article through shared/tools/check_seed.py (its must/should items), with and
without its published date."""
from __future__ import annotations

import importlib.util
import json

from eventwire.model import InputDoc, to_dict

from ..data import read_jsonl, to_inputs
from ..metrics import share
from . import Context

NAME = "seed"
ORDER = 40
SOURCE = "shared"
HEADLINE = ("must_passed", "should_passed")
QUOTABLE = False


def run(ctx: Context) -> dict:
    checker = ctx.shared / "tools" / "check_seed.py"
    spec = importlib.util.spec_from_file_location("check_seed", checker)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    gold = json.loads((ctx.folder / "gold.json").read_text(encoding="utf-8"))
    rows = read_jsonl(ctx.folder / "docs.jsonl")[:1]
    dated = to_inputs(rows)
    undated = [InputDoc(**{**to_dict(dated[0]), "published": None})]
    doc, nodate = (to_dict(d) for d in list(ctx.predict(dated + undated)))
    results = mod.score(doc, gold, nodate)
    musts = [ok for must, ok, *_ in results if must]
    shoulds = [ok for must, ok, *_ in results if not must]
    return {
        "n": 1,
        "must_passed": sum(musts), "must_total": len(musts),
        "should_passed": sum(shoulds), "should_total": len(shoulds),
        "must_share": share(sum(musts), len(musts)),
        "failures": [f"{'must' if must else 'should'} {label}: {why}" for must, ok, label, why in results if not ok],
    }


def describe(r: dict) -> list[str]:
    return [f"must {r['must_passed']}/{r['must_total']}, should {r['should_passed']}/{r['should_total']}.",
            *(f"- {f}" for f in r.get("failures", []))]
