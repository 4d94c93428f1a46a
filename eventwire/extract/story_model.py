"""What the story's day and place choices share: a candidate with its named cue features, where
on the page a mention stands and the words around it, and a sparse logistic regression read
from data/models/NAME.json (written by training/train_story.py)."""
from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_left, bisect_right
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


class WindowWords:
    """The common words of a mention's sentence as cue names: "l:" for the `n` before it, "r:" for
    the `n` after it, "s:" for each word of the sentence outside it (each once, in the order the
    sentence gives them). Capitalised words are left out: names (of towns, people, outlets) say
    nothing of other reports.

    Each sentence's words are found once and each mention's window is looked up in them: a page
    that is one long sentence with a mention every few words was read once per mention (time
    quadratic in its length, issue 11)."""

    def __init__(self, text: str):
        self._text = text
        self._sentences: dict[tuple[int, int], _SentenceWords] = {}

    def __call__(self, start: int, end: int, sent_start: int, sent_end: int, n: int, *,
                 sentence: bool = True) -> Iterator[str]:
        key = (sent_start, sent_end)
        words = self._sentences.get(key)
        if words is None:
            words = self._sentences[key] = _SentenceWords(self._text, sent_start, sent_end)
        return words.window(start, end, n, sentence)


class _SentenceWords:
    """The words (_WORD matches) of text[lo:hi], and where each common (lower-case) word stands.

    _WORD has no look-behind, so the words of text[lo:start] are the sentence's words that end by
    `start` and the part before `start` of a word running across it; those of text[end:hi] are the
    part after `end` of a word running across it and the sentence's words starting from `end`."""

    def __init__(self, text: str, lo: int, hi: int):
        self._text = text
        found = list(_WORD.finditer(text, lo, hi))
        self._starts = [m.start() for m in found]
        self._ends = [m.end() for m in found]
        self._words = [m.group() for m in found]
        self._lower = [i for i, w in enumerate(self._words) if w.islower()]
        self._first: list[int] = []  # where each common word first stands, in sentence order
        self._at: dict[str, list[int]] = {}  # where each common word stands
        for i in self._lower:
            at = self._at.setdefault(self._words[i], [])
            if not at:
                self._first.append(i)
            at.append(i)

    def window(self, start: int, end: int, n: int, sentence: bool) -> Iterator[str]:
        text, words = self._text, self._words
        before_n = bisect_right(self._ends, start)  # words ending by `start`
        cut = [text[self._starts[before_n]:start]] if before_n < len(words) and self._starts[before_n] < start else []
        tail = [w for w in cut if w.islower()]
        after_at = bisect_left(self._starts, end)  # the first word starting from `end`
        head = [w for w in (_WORD.findall(text, end, self._ends[after_at - 1])
                            if after_at and self._ends[after_at - 1] > end else []) if w.islower()]
        lower_before = bisect_left(self._lower, before_n)
        lower_after = bisect_left(self._lower, after_at)
        before = [words[i] for i in self._lower[max(0, lower_before - n):lower_before]] + tail
        after = head + [words[i] for i in self._lower[lower_after:lower_after + n]]
        for w in before[max(0, len(before) - n):]:
            yield "l:" + w
        for w in after[:n]:
            yield "r:" + w
        if sentence:
            yield from ("s:" + w for w in self._sentence_words(before_n, after_at, tail, head))

    def _sentence_words(self, before_n: int, after_at: int, tail: list[str], head: list[str]) -> list[str]:
        """The common words before and after a mention, each once, in the order they stand."""
        words = self._words
        seen_first = bisect_left(self._first, before_n)
        out = [words[i] for i in self._first[:seen_first]]
        seen = set(out)
        for w in tail + head:
            if w not in seen:
                seen.add(w)
                out.append(w)
        later = []  # words first seen after `start`: where each first stands from `end` on
        for i in self._first[seen_first:]:
            w = words[i]
            at = self._at[w]
            k = bisect_left(at, after_at)
            if k < len(at) and w not in seen:
                later.append((at[k], w))
        out.extend(w for _, w in sorted(later))
        return out
