"""Classification figures shared by the sets: per-class P/R/F1, macro and weighted F1, the worst
classes with one error each."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

NO_EVENT = "NONE"  # the class of a document given no event


def share(k: int, n: int) -> float:
    return round(k / n, 4) if n else 0.0


def per_class(gold: list[str], pred: list[str], labels: Iterable[str]) -> dict[str, dict]:
    """precision/recall/F1/support for each label (labels absent from both get zeros)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    out = {}
    for lab in labels:
        prec = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        rec = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                    "support": tp[lab] + fn[lab]}
    return out


def macro_f1(table: dict[str, dict]) -> float:
    return round(sum(r["f1"] for r in table.values()) / len(table), 4) if table else 0.0


def weighted_f1(table: dict[str, dict]) -> float:
    total = sum(r["support"] for r in table.values())
    return round(sum(r["f1"] * r["support"] for r in table.values()) / total, 4) if total else 0.0


def worst_classes(table: dict[str, dict], gold: list[str], pred: list[str], rows: list[dict],
                  *, n: int = 5) -> list[dict]:
    """The n gold classes with the lowest F1 (ties: the bigger class first), one error each."""
    ranked = sorted((c for c, r in table.items() if r["support"]), key=lambda c: (table[c]["f1"], -table[c]["support"]))
    out = []
    for c in ranked[:n]:
        example = next(({"id": r["id"], "text": _short(r["text"]), "predicted": p}
                        for g, p, r in zip(gold, pred, rows) if g == c and p != c), None)
        confused = Counter(p for g, p in zip(gold, pred) if g == c and p != c).most_common(2)
        out.append({"class": c, **table[c], "confused_with": confused, "example": example})
    return out


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
