"""What the story's day and place choices share: a candidate with its named cue features, the
words around a mention, and a sparse logistic regression read from data/models/NAME.json
(written by training/train_story.py)."""
from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from ..datafiles import DATA_DIR

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@dataclass
class Candidate:
    """One answer the page offers (a day, a place) and its cues, by name."""

    key: Any
    value: Any
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class LinearModel:
    intercept: float
    weights: dict[str, float]
    thresholds: dict[str, float]

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=None)
def load_model(name: str) -> LinearModel | None:
    """The fitted model data/models/NAME.json, or None when it is not installed."""
    path = DATA_DIR / "models" / f"{name}.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return LinearModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()},
                       {k: float(v) for k, v in (data.get("thresholds") or {}).items()})


def window_words(text: str, start: int, end: int, sent_start: int, sent_end: int, n: int) -> Iterator[str]:
    """The common words of the mention's sentence as cue names: "l:" for the `n` before it, "r:"
    for the `n` after it, "s:" for any word of the sentence. Capitalised words are left out:
    names (of towns, people, outlets) say nothing of other reports."""
    before = [w for w in _WORD.findall(text[sent_start:start]) if w.islower()]
    after = [w for w in _WORD.findall(text[end:sent_end]) if w.islower()]
    for w in before[-n:]:
        yield "l:" + w
    for w in after[:n]:
        yield "r:" + w
    for w in before + after:
        yield "s:" + w
