"""Word n-gram TF-IDF features and a linear model over them, in plain numpy.

The event-type classifier combines this lexical model with the sentence-embedding one: the
embedding carries news phrasing it never saw, the n-grams carry the exact words of ACLED's
categories ("tear gas", "dispersed", "abducted") that a 384-dim average blurs. The same code
builds the vocabulary at training time and transforms text at run time, so the two cannot drift;
only the vocabulary, idf and weights are stored (in the classifier's .npz, never a pickle).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import numpy as np

# scikit-learn's default token: two or more word characters, lowercased
TOKEN = re.compile(r"(?u)\b\w\w+\b")

Row = tuple[np.ndarray, np.ndarray]  # (feature indices, values) of one text


def ngrams(text: str, n_max: int) -> list[str]:
    words = TOKEN.findall(text.lower())
    out = list(words)
    for n in range(2, n_max + 1):
        out += [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return out


@dataclass(frozen=True)
class Vectorizer:
    """Sublinear TF (1 + log tf) x smoothed idf, rows scaled to unit length."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (V,)
    n_max: int

    def row(self, text: str) -> Row:
        counts = Counter(g for g in ngrams(text, self.n_max) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        val = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, (val / np.linalg.norm(val)).astype(np.float32)

    def rows(self, texts: Iterable[str]) -> list[Row]:
        return [self.row(t) for t in texts]


def fit_vectorizer(texts: list[str], *, n_max: int = 2, min_df: int = 2) -> Vectorizer:
    """Vocabulary of the n-grams in at least min_df texts (sorted, so a refit is identical)."""
    df: Counter = Counter()
    for t in texts:
        df.update(set(ngrams(t, n_max)))
    terms = sorted(g for g, c in df.items() if c >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in terms], dtype=np.float32)
    return Vectorizer({g: i for i, g in enumerate(terms)}, idf, n_max)


def logits(rows: list[Row], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """(n, n_classes) linear scores of sparse rows: only the columns a text uses are read."""
    out = np.tile(bias.astype(np.float32), (len(rows), 1))
    for i, (idx, val) in enumerate(rows):
        if len(idx):
            out[i] += weights[:, idx].astype(np.float32) @ val
    return out
