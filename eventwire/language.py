"""Which language a document is written in: py3langid's naive Bayes model, which ships inside
its wheel (nothing is downloaded), on the first characters of the cleaned text.

Deterministic (no sampling, unlike langdetect) and cheap: about a millisecond a document after
a one-off model load of ~2 s per process. The thresholds live in data/language.json.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

from .errors import EventwireError

_SETTINGS = Path(__file__).resolve().parent / "data" / "language.json"


@functools.lru_cache(maxsize=1)
def _settings() -> dict:
    return json.loads(_SETTINGS.read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=1)
def _identifier():
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError as exc:
        raise EventwireError("E010", "the language identifier py3langid is not installed") from exc
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> str | None:
    """The ISO 639-1 code of the text's language when the model is sure of it, else None
    (too little text, or no clear winner)."""
    cfg = _settings()
    sample = text[: cfg["sample_chars"]]
    if sum(1 for ch in sample if ch.isalpha()) < cfg["min_letters"]:
        return None
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= cfg["min_confidence"] else None


def is_read(code: str | None) -> bool:
    """True when the pipeline's English rules apply: English, or not identified with certainty."""
    return code is None or code in _settings()["read"]
