"""What the story's day and place choices share: a candidate with its named cue features, where
on the page a mention stands and the words around it, and a sparse logistic regression read
from data/models/NAME.json (written by training/train_story.py)."""
from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from ..datafiles import DATA_DIR
from ..model import Document
from .events import VIOLENT_TYPES

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
    return LinearModel(float(data["intercept"]), {k: float(v) for k, v in data["weights"].items()})


@dataclass(frozen=True)
class Layout:
    """Where a page's sentences, headline, violent events' sentences and main event lie."""

    text: str
    starts: list[int]  # sentence starts
    headline_end: int
    violent: list[tuple[int, int]]
    main: tuple[int, int] | None


def layout(doc: Document, sentences: Sequence[tuple[int, str]]) -> Layout:
    text = doc.text
    main = next((e for e in doc.events if e.main), None)
    return Layout(text, [s for s, _ in sentences] or [0], text.find("\n") if "\n" in text else len(text),
                  [(e.evidence.start, e.evidence.end) for e in doc.events if e.event_type in VIOLENT_TYPES],
                  (main.evidence.start, main.evidence.end) if main is not None else None)


def position_cues(f: dict[str, float], page: Layout, start: int, max_sentence: int) -> tuple[int, int]:
    """Add where a mention at `start` stands to its candidate's cues `f` (in the headline, its first
    sentence's position, in a violent event's or the main event's sentence); returns the
    mention's sentence (start, end)."""
    i = max(0, bisect_right(page.starts, start) - 1)
    f["in_headline"] = max(f.get("in_headline", 0.0), float(start < page.headline_end))
    position = min(i, max_sentence)
    f["first_sentence"] = min(f.get("first_sentence", position), position)
    if any(a <= start < b for a, b in page.violent):
        f["in_violent_sentence"] = 1.0
    if page.main is not None and page.main[0] <= start < page.main[1]:
        f["in_main_sentence"] = 1.0
    return page.starts[i], page.starts[i + 1] if i + 1 < len(page.starts) else len(page.text)


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
