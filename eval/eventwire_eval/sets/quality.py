"""Page quality on the team's pages (tests/data): AUC of the score for telling stitched pages
from clean articles, on the corpus the rules were written against and on one written blind."""
from __future__ import annotations

from ..scoring.quality import assess_labelled, flag_report, quality_auc
from . import Context

NAME = "quality"
ORDER = 50
SOURCE = "team"
HEADLINE = ("auc_tuned", "auc_heldout")
QUOTABLE = False


def run(ctx: Context) -> dict:
    data = ctx.team_data
    return {"n": sum(1 for _ in (data / "quality").rglob("*.txt")) + sum(1 for _ in (data / "quality_heldout").rglob("*.txt")),
            "auc_tuned": round(quality_auc(data / "quality"), 4),
            "auc_heldout": round(quality_auc(data / "quality_heldout"), 4),
            "flags_heldout": flag_report(assess_labelled(data / "quality_heldout"))}


def describe(r: dict) -> list[str]:
    return ["Team-written pages (tests/data): `quality` was used while the rules were written; "
            "`quality_heldout` was written blind and is the honest figure. Held-out flags "
            "(found / missed on stitched pages / raised on clean pages):",
            "", "| flag | found | missed | on clean |", "|---|---|---|---|",
            *(f"| {k} | {v.get('found')} | {v.get('missed')} | {v.get('on_clean')} |"
              for k, v in sorted(r["flags_heldout"].items()))]
