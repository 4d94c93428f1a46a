"""Word and character n-gram TF-IDF features and a linear model over them, in plain numpy.

The event-type classifier combines this lexical model with the sentence-embedding one: the
embedding carries news phrasing it never saw, the word n-grams carry the exact words of ACLED's
categories ("tear gas", "dispersed", "abducted") that a 384-dim average blurs, and the character
n-grams within words carry their inflections and compounds ("abduct", "-fire", "shell"), which
word n-grams see only as the forms the training notes used. The same code builds the vocabulary
at training time and transforms text at run time, so the two cannot drift; only the
vocabularies, idf and weights are stored (in the classifier's .npz, never a pickle).
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
WORD, CHAR_WB = "word", "char_wb"

Row = tuple[np.ndarray, np.ndarray]  # (feature indices, values) of one text


def ngrams(text: str, n_max: int, n_min: int = 1) -> list[str]:
    words = TOKEN.findall(text.lower())
    out = list(words) if n_min <= 1 else []
    for n in range(max(2, n_min), n_max + 1):
        out += [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return out


def char_ngrams(text: str, n_max: int, n_min: int) -> list[str]:
    """Character n-grams inside each space-padded word, as scikit-learn's analyzer="char_wb"."""
    out: list[str] = []
    for w in text.lower().split():
        w = f" {w} "
        for n in range(n_min, n_max + 1):
            if len(w) <= n:
                out.append(w)  # a word shorter than n counts once, whole
                break
            out += [w[i:i + n] for i in range(len(w) - n + 1)]
    return out


def terms(text: str, analyzer: str, n_max: int, n_min: int) -> list[str]:
    return char_ngrams(text, n_max, n_min) if analyzer == CHAR_WB else ngrams(text, n_max, n_min)


@dataclass(frozen=True)
class Vectorizer:
    """Sublinear TF (1 + log tf) x smoothed idf, rows scaled to unit length."""

    vocabulary: dict[str, int]
    idf: np.ndarray  # (V,)
    n_max: int
    analyzer: str = WORD
    n_min: int = 1

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def row(self, text: str) -> Row:
        counts = Counter(g for g in terms(text, self.analyzer, self.n_max, self.n_min) if g in self.vocabulary)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter((self.vocabulary[g] for g in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        val = (1.0 + np.log(tf)) * self.idf[idx]
        return idx, (val / np.linalg.norm(val)).astype(np.float32)

    def rows(self, texts: Iterable[str]) -> list[Row]:
        return [self.row(t) for t in texts]


@dataclass(frozen=True)
class Blocks:
    """Vectorizers side by side, each block of a row of unit length (as scikit-learn's hstack of
    TfidfVectorizers): columns of the first, then of the second..."""

    parts: tuple[Vectorizer, ...]

    @property
    def size(self) -> int:
        return sum(p.size for p in self.parts)

    def row(self, text: str) -> Row:
        idx, val, offset = [], [], 0
        for p in self.parts:
            i, v = p.row(text)
            idx.append(i + offset)
            val.append(v)
            offset += p.size
        return np.concatenate(idx), np.concatenate(val)

    def rows(self, texts: Iterable[str]) -> list[Row]:
        return [self.row(t) for t in texts]


def fit_vectorizer(texts: list[str], *, n_max: int = 2, min_df: int = 2, analyzer: str = WORD,
                   n_min: int = 1) -> Vectorizer:
    """Vocabulary of the n-grams in at least min_df texts (sorted, so a refit is identical)."""
    df: Counter = Counter()
    for t in texts:
        df.update(set(terms(t, analyzer, n_max, n_min)))
    kept = sorted(g for g, c in df.items() if c >= min_df)
    n = len(texts)
    idf = np.array([math.log((1 + n) / (1 + df[g])) + 1.0 for g in kept], dtype=np.float32)
    return Vectorizer({g: i for i, g in enumerate(kept)}, idf, n_max, analyzer, n_min)


def logits(rows: list[Row], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """(n, n_classes) linear scores of sparse rows: only the columns a text uses are read."""
    out = np.tile(bias.astype(np.float32), (len(rows), 1))
    for i, (idx, val) in enumerate(rows):
        if len(idx):
            out[i] += weights[:, idx].astype(np.float32) @ val
    return out
