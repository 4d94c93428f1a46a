"""Incident merging on the team's articles (tests/data): pairwise and B-cubed scores of the
clusters against gold (scoring/incidents.py), on the development and the held-out set."""
from __future__ import annotations

from ..scoring.incidents import evaluate as merge_evaluate
from . import Context

NAME = "incidents"
ORDER = 60
SOURCE = "team"
HEADLINE = ("bcubed_f1", "heldout_bcubed_f1", "heldout_pairwise_precision", "heldout_pairwise_recall")
QUOTABLE = False


def run(ctx: Context) -> dict:
    out = {"n": 0}
    # `incidents` was used while building the merge stage; `incidents_heldout` was written blind.
    for folder, tag in (("incidents", ""), ("incidents_heldout", "heldout_")):
        r = merge_evaluate(ctx.team_data / folder / "docs.jsonl", ctx.team_data / folder / "gold.json")
        out["n"] += r["documents"]
        out.update(figures(r, tag))
    return out


def figures(r: dict, tag: str = "") -> dict:
    """One folder's scores as the set's figures (held-out ones prefixed "heldout_")."""
    out = {f"{tag}{m}_{k}": round(r[m][k], 4) for m in ("bcubed", "pairwise") for k in ("precision", "recall", "f1")}
    out.update({f"{tag}incidents_gold": r["incidents_gold"], f"{tag}incidents_predicted": r["incidents_predicted"],
                f"{tag}syndicated_groups_together": r["syndicated_groups_together"]})
    return out


def describe(r: dict) -> list[str]:
    lines = []
    for tag, what in (("", "development set (used while building the merge stage)"),
                      ("heldout_", "held-out set (written blind)")):
        lines.append(f"- {what}: {r[tag + 'incidents_gold']} incidents ({r[tag + 'incidents_predicted']} "
                     f"predicted); B-cubed P {r[tag + 'bcubed_precision']} R {r[tag + 'bcubed_recall']} "
                     f"F1 {r[tag + 'bcubed_f1']}; pairwise P {r[tag + 'pairwise_precision']} "
                     f"R {r[tag + 'pairwise_recall']} F1 {r[tag + 'pairwise_f1']}; syndicated copies "
                     f"kept together: {r[tag + 'syndicated_groups_together']}.")
    return lines
