"""Sentence-level ACLED event-type classifier.

Two linear (multinomial logistic-regression) models whose log-probabilities are mixed: one over
MiniLM sentence embeddings (`eventwire.embed`) plus a few keyword-group indicators, one over word
1-2-gram and in-word character n-gram TF-IDF (`tfidf`). The weights, class names, keyword patterns, vocabulary and idf live
together in `data/models/event_classifier.npz`, so run time needs only numpy and the training
script (`training/train_classifier.py`) is the only place they change.

Classes: ACLED's 25 sub-event types (data/taxonomy.json) and "none" (not an event).
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import lexicon
from . import tfidf

NONE = "none"
MODEL_FILE = "event_classifier.npz"
TOP_K = 5
DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# ACLED notes open with a fixed template; news text does not. Removing it at training AND at
# run time keeps the model from learning the template instead of the event. The template's
# pieces: data/patterns/classify.yaml.
_LABEL_PREFIX = lexicon.regex("template_label")
_DATE_PREFIX = lexicon.regex("template_date")
_PLACE_PREFIX = lexicon.regex("template_place")
_BRACKET_TAG = lexicon.regex("template_bracket_tag")
_PARENTHETICAL = lexicon.regex("template_parenthetical")
_CODER_NOTES = lexicon.regex("template_coder_notes", re.IGNORECASE)


@dataclass(frozen=True)
class Prediction:
    """The most likely class of one sentence and the top of the distribution."""

    event_type: str | None  # None when the sentence is not an event
    sub_event_type: str | None
    probability: float  # of sub_event_type (or of "none")
    event_type_probability: float  # summed over the event type's sub-types
    top: tuple[tuple[str, float], ...]  # (label, probability), best first; label may be "none"

    @property
    def is_event(self) -> bool:
        return self.sub_event_type is not None


def strip_template(text: str) -> str:
    """The sentence without ACLED-note furniture: label prefix, date/place opening, [tags]."""
    t = _LABEL_PREFIX.sub("", text)
    t = _DATE_PREFIX.sub("", t, count=1)
    t = _PLACE_PREFIX.sub("", t, count=1)
    t = _BRACKET_TAG.sub("", t)
    t = _CODER_NOTES.sub("", t)
    # Admin-area parentheticals "(Goma, Nord-Kivu)" say where, not what.
    t = _PARENTHETICAL.sub("", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t[:1].upper() + t[1:] if t else text.strip()


@functools.lru_cache(maxsize=1)
def taxonomy() -> dict[str, str]:
    """sub_event_type -> event_type, from the packaged ACLED codebook categories."""
    return {sub: t.event_type for sub, t in lexicon.taxonomy().sub_event_types.items()}


@dataclass(frozen=True)
class NgramModel:
    """The TF-IDF linear model, over the same classes as the embedding model."""

    vectorizer: tfidf.Blocks  # word n-grams, then (in newer models) characters within words
    weights: np.ndarray  # (n_classes, vectorizer.size)
    bias: np.ndarray  # (n_classes,)
    mix: float  # its share of the mixed log-probability (the embedding model has 1 - mix)

    def log_proba(self, texts: list[str]) -> np.ndarray:
        return log_softmax(tfidf.logits(self.vectorizer.rows(texts), self.weights, self.bias))


@dataclass(frozen=True)
class Typing:
    """How sure the classifier must be to type an event (extract/events/subtype.py). Chosen with
    the model, by cross-validating the pipeline on its training notes (training/cv_typing.py), and stored
    in its file with the figures."""

    types: float  # its most likely event class types the sentence's event within the trigger word's type
    across: float  # ... and to another event type than the trigger word's
    alone: float  # a sentence with no trigger word is an event when its top class is one this sure
    # The share of the reading of the sentence with its neighbours in a sentence's reading: a
    # sentence alone can be ambiguous ("Two men were shot dead" by a gang or by its rival; "The
    # crowd was dispersed") where the few sentences around it are not.
    context: float = 0.0
    # A protest or strategic development is no event of the page's days when the classifier reads
    # its sentence as "none" this sure: the trigger word was taken in another sense (two companies
    # "agreed" a deal, an Easter "vigil"; extract/reportable.py). Above 1: never (older models).
    none: float = 1.01


@dataclass(frozen=True)
class LinearModel:
    classes: tuple[str, ...]
    weights: np.ndarray  # (n_classes, n_features)
    bias: np.ndarray  # (n_classes,)
    patterns: tuple[re.Pattern, ...]
    lexical_scale: float
    ngram: NgramModel | None = None
    typing: Typing | None = None

    def predict_proba(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        """(n, n_classes) probabilities of the template-stripped texts; `vectors`: their sentence
        vectors when already known (else embedded here)."""
        probs = self.proba(self.features(texts, vectors))
        if self.ngram is None or self.ngram.mix <= 0.0:
            return probs
        mixed = (1.0 - self.ngram.mix) * np.log(np.maximum(probs, 1e-12)) + self.ngram.mix * self.ngram.log_proba(texts)
        return np.exp(log_softmax(mixed))

    def features(self, texts: list[str], vectors: np.ndarray | None = None) -> np.ndarray:
        from eventwire.embed import embed

        vectors = embed(texts) if vectors is None else vectors
        return np.hstack([vectors, lexical_features(texts, self.patterns, self.lexical_scale)])

    def proba(self, feats: np.ndarray) -> np.ndarray:
        # Row by row: a matrix product's rounding depends on how many rows it has, and a
        # sentence's probabilities must not depend on which other sentences are classified
        # with it (the pipeline classifies only the sentences that need it, one at a time).
        rows = [self.weights @ row for row in feats]
        logits = (np.stack(rows) if rows else np.zeros((0, len(self.bias)), np.float32)) + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


def log_softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def compile_patterns(patterns: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def lexical_features(texts: list[str], patterns: tuple[re.Pattern, ...], scale: float) -> np.ndarray:
    out = np.zeros((len(texts), len(patterns)), dtype=np.float32)
    for i, t in enumerate(texts):
        for j, p in enumerate(patterns):
            if p.search(t):
                out[i, j] = scale
    return out


def load_model(path: str | Path | None = None) -> LinearModel:
    if path is None:
        return _packaged_model()
    return _read_model(Path(path))


@functools.lru_cache(maxsize=1)
def _packaged_model() -> LinearModel:
    return _read_model(DATA_DIR / "models" / MODEL_FILE)


def _read_model(path: Path) -> LinearModel:
    with np.load(path, allow_pickle=False) as z:
        ngram = None
        if "ngram_vocabulary" in z.files:
            parts = [_vectorizer(z, "ngram", tfidf.WORD)]
            if "char_vocabulary" in z.files:
                parts.append(_vectorizer(z, "char", tfidf.CHAR_WB))
            ngram = NgramModel(
                vectorizer=tfidf.Blocks(tuple(parts)),
                weights=z["ngram_weights"],  # float16 on disk; columns are cast as they are read
                bias=z["ngram_bias"].astype(np.float32),
                mix=float(z["ngram_mix"]),
            )
        return LinearModel(
            classes=tuple(str(c) for c in z["classes"]),
            weights=z["weights"].astype(np.float32),
            bias=z["bias"].astype(np.float32),
            patterns=compile_patterns([str(p) for p in z["patterns"]]),
            lexical_scale=float(z["lexical_scale"]),
            ngram=ngram,
            typing=Typing(**json.loads(str(z["typing"]))) if "typing" in z.files else None,
        )


def _vectorizer(z, prefix: str, analyzer: str) -> tfidf.Vectorizer:
    vocab = {str(g): i for i, g in enumerate(z[f"{prefix}_vocabulary"])}
    n_min = int(z[f"{prefix}_n_min"]) if f"{prefix}_n_min" in z.files else 1
    return tfidf.Vectorizer(vocab, z[f"{prefix}_idf"].astype(np.float32), int(z[f"{prefix}_n_max"]), analyzer, n_min)


def classify(sentences: list[str], *, contexts: list[tuple[str, ...] | None] | None = None,
             model: LinearModel | None = None, top_k: int = TOP_K) -> list[Prediction]:
    """One Prediction per sentence (same order). `contexts`: each sentence with its neighbours,
    in order (None: it stands alone), whose reading counts for the model's `typing.context` share."""
    if not sentences:
        return []
    m = model or load_model()
    probs = m.predict_proba([strip_template(s) for s in sentences])
    share = m.typing.context if m.typing else 0.0
    around = [i for i, c in enumerate(contexts or ()) if c]
    if share > 0 and around:
        ctx = _context_proba(m, [[strip_template(p) for p in contexts[i]] for i in around])
        mixed = (1 - share) * np.log(np.maximum(probs[around], 1e-12)) + share * np.log(np.maximum(ctx, 1e-12))
        probs[around] = np.exp(log_softmax(mixed))
    return [_prediction(row, m.classes, top_k) for row in probs]


def _context_proba(m: LinearModel, groups: list[list[str]]) -> np.ndarray:
    """The reading of each group of neighbouring sentences. Its sentence vector is the mean of
    the sentences' own (unit length again): each sentence is embedded once, and the neighbours'
    vectors are those the classifier reuses when it reads them in turn (embed keeps the recent
    ones). Embedding the joined text instead cost three times a sentence's tokens, and the
    encoder reads only its first 128. The n-grams and cue patterns read the joined text."""
    from eventwire.embed import embed

    flat = embed([p for g in groups for p in g])
    means, k = [], 0
    for g in groups:
        v = flat[k:k + len(g)].mean(axis=0)
        means.append(v / max(float(np.linalg.norm(v)), 1e-9))
        k += len(g)
    return m.predict_proba([" ".join(g) for g in groups], vectors=np.stack(means).astype(np.float32))


def _prediction(row: np.ndarray, classes: tuple[str, ...], top_k: int) -> Prediction:
    tax = taxonomy()
    order = np.argsort(-row)
    best = classes[order[0]]
    top = tuple((classes[i], round(float(row[i]), 4)) for i in order[:top_k])
    if best == NONE:
        return Prediction(None, None, float(row[order[0]]), 0.0, top)
    et = tax.get(best)
    et_prob = float(sum(p for c, p in zip(classes, row) if tax.get(c) == et))
    return Prediction(et, best, float(row[order[0]]), et_prob, top)
