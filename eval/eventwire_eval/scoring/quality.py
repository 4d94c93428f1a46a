"""How well the page-quality score separates clean articles from stitched pages.

`quality_auc(paths, labels)` runs clean -> nlp -> actors -> quotes -> quality on each file and
returns the ROC AUC of (1 - score) for the label "stitched" (1.0: every stitched page scores
below every clean one). `flag_report` also gives, per flag kind, how many labelled defects
were found and how many flags fired on clean articles.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from eventwire.model import Quality


@dataclass
class Assessed:
    path: str
    label: str
    defects: list[str]
    quality: Quality


def assess_file(path: str | Path) -> Quality:
    """The quality of one article file, through the same stages the pipeline uses."""
    from eventwire.clean import clean
    from eventwire.quality import assess
    from eventwire.extract.quotes import find_quotes
    from eventwire.nlp import load

    raw = Path(path).read_text(encoding="utf-8")
    cleaned = clean(raw)
    text = cleaned.text
    doc = load()(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    try:
        from eventwire.resolve.actors import find_actors
    except ImportError:  # the actors stage is optional here: quality still runs without it
        actors = []
    else:
        actors = find_actors(doc)
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    quotes = find_quotes(text, sentences, actors, persons=persons)
    return assess(text, sentences, cleaned.removed, actors, quotes)


def auc(scores_pos: list[float], scores_neg: list[float]) -> float:
    """P(a positive outranks a negative), ties counting half (Mann-Whitney)."""
    if not scores_pos or not scores_neg:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in scores_pos for n in scores_neg)
    return wins / (len(scores_pos) * len(scores_neg))


def assess_labelled(root: str | Path) -> list[Assessed]:
    """Every file listed in root/labels.json, assessed."""
    root = Path(root)
    labels = json.loads((root / "labels.json").read_text(encoding="utf-8"))
    return [Assessed(rel, v["label"], list(v.get("defects", [])), assess_file(root / rel))
            for rel, v in sorted(labels.items())]


def quality_auc(root: str | Path) -> float:
    """AUC of 1 - score for telling stitched pages from clean articles under `root`."""
    rows = assess_labelled(root)
    return _auc_of(rows)


def _auc_of(rows: list[Assessed]) -> float:
    pos = [1 - r.quality.score for r in rows if r.label == "stitched"]
    neg = [1 - r.quality.score for r in rows if r.label == "clean"]
    return auc(pos, neg)


def flag_report(rows: list[Assessed]) -> dict[str, dict[str, int]]:
    """Per kind: labelled defects found / missed on stitched pages, flags on clean pages."""
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        kinds = {f.kind for f in r.quality.flags}
        if r.label == "clean":
            for k in kinds:
                out.setdefault(k, {"found": 0, "missed": 0, "on_clean": 0})["on_clean"] += 1
            continue
        for d in r.defects:
            row = out.setdefault(d, {"found": 0, "missed": 0, "on_clean": 0})
            row["found" if d in kinds else "missed"] += 1
    return out
