"""CASE 2021 (shared/eval/README.md): the most confident event's sub_event_type mapped to the
CASE label; weighted F1 over the 25 seen classes (rows whose gold is one of them); the five
unseen classes apart."""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from eventwire import main_event

from ..data import load_set, to_inputs
from ..metrics import NO_EVENT, macro_f1, per_class, share, weighted_f1, worst_classes
from . import Context

NAME = "case2021"
ORDER = 20
SOURCE = "shared"
HEADLINE = ("weighted_f1",)
QUOTABLE = False  # ships without a licence: no row is quoted


def run(ctx: Context) -> dict:
    rows, gold = load_set(ctx.folder, ctx.limit)
    labels = json.loads((ctx.folder / "labels.json").read_text(encoding="utf-8"))
    to_case = {v["acled_sub_event_type"]: k for k, v in labels.items() if v["acled_sub_event_type"]}
    seen = sorted(to_case.values())
    docs = list(ctx.predict(to_inputs(rows)))
    g_seen, p_seen, seen_rows = [], [], []
    unseen_pred: dict[str, Counter] = defaultdict(Counter)
    for row, doc in zip(rows, docs):
        ev = main_event(doc)
        pred = to_case.get(ev.sub_event_type, NO_EVENT) if ev and ev.sub_event_type else NO_EVENT
        label = gold[row["id"]]["label"]
        if label in seen:
            g_seen.append(label)
            p_seen.append(pred)
            seen_rows.append(row)
        else:
            unseen_pred[label][pred] += 1
    table = per_class(g_seen, p_seen, seen)
    n_unseen = sum(sum(c.values()) for c in unseen_pred.values())
    return {
        "n": len(rows),
        "n_seen": len(g_seen),
        "weighted_f1": weighted_f1(table),
        "macro_f1": macro_f1({k: v for k, v in table.items() if v["support"]}),
        "accuracy": share(sum(g == p for g, p in zip(g_seen, p_seen)), len(g_seen)),
        "unseen": {
            "n": n_unseen,
            "no_event_share": share(sum(c[NO_EVENT] for c in unseen_pred.values()), n_unseen),
            "predicted": {k: dict(c.most_common(3)) for k, c in sorted(unseen_pred.items())},
        },
        "per_class": table,
        "worst": worst_classes(table, g_seen, p_seen, seen_rows),
    }


def describe(r: dict) -> list[str]:
    u = r["unseen"]
    return [f"Seen-class rows: {r['n_seen']}; accuracy {r['accuracy']}, macro-F1 {r['macro_f1']}. "
            f"Unseen classes: {u['n']} rows, {u['no_event_share']} given no event."]
