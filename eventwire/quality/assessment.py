"""The assessment of one page: every detector's flags, the score, and what the flags cost the
facts they touch."""
from __future__ import annotations

import itertools
import math
from bisect import bisect_left
from collections import defaultdict

import numpy as np

from ..model import Actor, Event, Quality, QualityFlag, Quote, Removed
from .attributions import unresolved_attributions
from .captions import surviving_captions
from .durations import duration_contradictions
from .official_names import name_variants
from .paraphrases import near_duplicates
from .removed import removed_flags
from .thresholds import T
from .tolls import toll_contradictions

# Per-kind weight of the first flag; further flags of a kind add half as much again each.
WEIGHTS = {
    "boilerplate": 0.02,
    "caption": 0.02,
    "duplicate": 0.10,
    "near_duplicate": 0.12,
    "name_variant": 0.15,
    "contradiction": 0.20,
    "unresolved_attribution": 0.10,
}
# How much an event's confidence is multiplied by when its evidence overlaps a flag's span.
SPAN_PENALTY = {
    "duplicate": 0.9,
    "near_duplicate": 0.9,
    "name_variant": 0.95,
    "contradiction": 0.75,
    "unresolved_attribution": 0.8,
}


def assess(text: str, sentences: list[tuple[int, int]], removed: list[Removed],
           actors: list[Actor], quotes: list[Quote], events: list[Event] | None = None, *,
           vectors: np.ndarray | None = None) -> Quality:
    """Flags and score for one document. `vectors`: sentence embeddings (one row per entry of
    `sentences`) when an earlier stage already computed them; otherwise the sentences that
    survive the lexical prefilter are embedded here."""
    flags: list[QualityFlag] = []
    flags += removed_flags(removed)
    flags += surviving_captions(text)
    flags += near_duplicates(text, sentences, actors, vectors=vectors)
    flags += name_variants(text, actors, quotes)
    flags += contradictions(text, sentences, events, quotes)
    flags += unresolved_attributions(text, quotes)
    return Quality(score=score(flags), flags=flags)


def score(flags: list[QualityFlag]) -> float:
    """score = exp(-P), P = sum over kinds k of  w_k * (1 + 1/2 + ... + 1/2^(n_k - 1))
    = sum_k w_k * 2 * (1 - 0.5^n_k), with n_k the number of flags of kind k and w_k from
    WEIGHTS (unknown kinds weigh 0.05). Diminishing returns: one kind can at most cost 2 w_k,
    so a long page repeating one slip is not scored below a page with many kinds of slip.
    A clean wire story (at most boilerplate/caption removals) scores >= 0.96."""
    counts: dict[str, int] = defaultdict(int)
    for f in flags:
        counts[f.kind] += 1
    penalty = sum(WEIGHTS.get(k, T.unknown_kind_weight) * 2 * (1 - 0.5 ** n) for k, n in counts.items())
    return round(math.exp(-penalty), 4)


def penalty_for_span(quality: Quality, start: int, end: int) -> float:
    """Confidence multiplier in (0, 1] for a fact whose evidence is text[start:end]: the
    product of SPAN_PENALTY over the kinds of flags with a span overlapping it (each kind once)."""
    return SpanPenalty(quality)(start, end)


class SpanPenalty:
    """penalty_for_span for many facts of one page: the flags' spans are sorted once per kind, so
    each fact asks in log time instead of looking at every flag (a long page has a flag or more a
    paragraph: time linear in its length, issue 11)."""

    def __init__(self, quality: Quality):
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for f in quality.flags:
            spans[f.kind] += [(s, e) for s, e in f.spans]
        # per kind: the starts in order, and the farthest end among the spans up to each one
        self._kinds = {k: ([s for s, _ in sorted(v)], list(itertools.accumulate((e for _, e in sorted(v)), max)))
                       for k, v in spans.items()}

    def __call__(self, start: int, end: int) -> float:
        kinds = set()
        for k, (starts, reach) in self._kinds.items():
            i = bisect_left(starts, end)  # the spans starting before the fact ends
            if i and reach[i - 1] > start:  # one of them ends after it starts
                kinds.add(k)
        return math.prod(SPAN_PENALTY.get(k, 1.0) for k in kinds)


def sentence_flags(quality: Quality, sentences: list[tuple[int, int]]) -> dict[int, list[str]]:
    """Sentence index -> the kinds of flags whose spans touch that sentence."""
    out: dict[int, list[str]] = {}
    for i, (s, e) in enumerate(sentences):
        kinds = sorted({f.kind for f in quality.flags if any(a < e and s < b for a, b in f.spans)})
        if kinds:
            out[i] = kinds
    return out


def contradictions(text: str, sentences: list[tuple[int, int]],
                   events: list[Event] | None = None,
                   quotes: list[Quote] | None = None) -> list[QualityFlag]:
    """A length stated two ways (durations.py), then two tolls for one incident (tolls.py)."""
    return duration_contradictions(text) + toll_contradictions(text, sentences, events, quotes or [])
