"""Is this capitalised span a place? A logistic regression over what the NER said, what the
gazetteer holds under the name, and the words around it, fitted on real news
(training/train_toponyms.py, on ../shared/train/geovirus) and stored in
data/models/toponym_spans.json. The gazetteer ruler (ruler.py) asks it about every
capitalised span the gazetteer knows, whatever label the NER gave it (DATE, PERSON, ORG) or
none.

Features are numbers in a fixed order (`FEATURES`); the weights file names them, so a model
fitted on another feature list fails to load instead of scoring nonsense.
"""
from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

from ..datafiles import DATA_DIR
from .data import ADMIN1_WORDS, ADMIN2_WORDS, LOCATIVES, SITE_WORDS, THOROUGHFARES
from .lookup import HOW_ABBR, HOW_ALT, HOW_LOOSE, HOW_NAME, Candidate
from .spans import (NAME_LABELS, NUMERIC_LABELS, PLACE_LABELS, hint_context, in_longer_name, is_common,
                    labels_elsewhere, level_of, modifies_noun, place_context, short_caps, titled)

MODEL_FILE = DATA_DIR / "models" / "toponym_spans.json"

FEATURES = (
    "bias",
    # what the statistical NER said about exactly these tokens, or around them
    "ner_gpe", "ner_loc", "ner_fac", "ner_org", "ner_person", "ner_norp", "ner_numeric", "ner_other",
    "ner_none", "in_longer_place", "in_longer_name", "same_text_place_elsewhere", "same_text_name_elsewhere",
    # what the gazetteer holds under the name
    "has_country", "has_admin1", "has_admin2", "has_city", "has_region", "log_pop", "log_pop_by_name",
    "how_name", "how_alt", "how_abbr", "how_loose", "log_n_cands",
    # the words around it
    "locative_before", "level_of", "hint_context", "place_context", "titled", "next_to_name", "common_word",
    "short_caps", "all_caps", "sentence_start", "the_before", "of_before", "level_word_after",
    "noun_head_after", "site_word_last", "possessive_after", "n_tokens",
    # the hand-written rules' verdict (ruler.py) and the name's strength by them, as evidence
    "strength", "rules_accept",
)


@dataclass(frozen=True)
class SpanModel:
    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]

    def probability(self, x: list[float]) -> float:
        z = sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.lru_cache(maxsize=1)
def model() -> SpanModel | None:
    """The fitted model, or None when the file is absent (the ruler then keeps its rules)."""
    if not MODEL_FILE.exists():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{MODEL_FILE.name}: fitted on another feature list; refit with training/train_toponyms.py")
    return SpanModel(tuple(data["weights"]), tuple(data["mean"]), tuple(data["scale"]))


def _log_pop(p: int) -> float:
    return math.log10(max(p, 0) + 10) / 7.0


def features(doc, span, cands: list[Candidate], ents_by_token: dict,
             names_in_doc: dict[str, dict[str, tuple[int, int]]], gaz, *, strength: int = 0,
             rules_accept: bool = False) -> list[float]:
    """The feature vector of `span` (a spaCy Span) with gazetteer candidates `cands`.
    `ents_by_token`: token index -> the NER entity over it; `names_in_doc`: lower-cased
    entity text -> label -> first and last start token of its entities in the document
    (spans.names_in_doc)."""
    f = dict.fromkeys(FEATURES, 0.0)
    f["bias"] = 1.0
    ents = {ents_by_token[t] for t in range(span.start, span.end) if t in ents_by_token}
    exact = next((e for e in ents if e.start in (span.start, span.start - 1) and e.end == span.end
                  and (e.start == span.start or e[0].lower_ == "the")), None)
    if exact is not None:
        lab = exact.label_
        key = {"GPE": "ner_gpe", "LOC": "ner_loc", "FAC": "ner_fac", "ORG": "ner_org", "PERSON": "ner_person",
               "NORP": "ner_norp"}.get(lab, "ner_numeric" if lab in NUMERIC_LABELS else "ner_other")
        f[key] = 1.0
    elif not ents:
        f["ner_none"] = 1.0
    for e in ents:
        if e is exact:
            continue
        if e.start <= span.start and e.end >= span.end:
            if e.label_ in PLACE_LABELS:
                f["in_longer_place"] = 1.0
            elif e.label_ in NAME_LABELS:
                f["in_longer_name"] = 1.0
        else:
            f["ner_other"] = 1.0  # crosses an entity's boundary
    labels = labels_elsewhere(names_in_doc, span.text.lower(), span.start)
    f["same_text_place_elsewhere"] = float(bool(labels & PLACE_LABELS))
    f["same_text_name_elsewhere"] = float(bool(labels & {"PERSON", "ORG"}))

    kinds = {c.kind for c in cands}
    f["has_country"] = float("country" in kinds)
    f["has_admin1"] = float("admin1" in kinds)
    f["has_admin2"] = float("admin2" in kinds)
    f["has_city"] = float("city" in kinds)
    f["has_region"] = float(bool(kinds & {"region", "continent"}))
    f["log_pop"] = max((_log_pop(c.population) for c in cands), default=0.0)
    f["log_pop_by_name"] = max((_log_pop(c.population) for c in cands if c.how == HOW_NAME), default=0.0)
    hows = {c.how for c in cands}
    f["how_name"] = float(HOW_NAME in hows)
    f["how_alt"] = float(HOW_ALT in hows and HOW_NAME not in hows)
    f["how_abbr"] = float(hows == {HOW_ABBR})
    f["how_loose"] = float(HOW_LOOSE in hows)
    f["log_n_cands"] = math.log10(1 + len(cands))

    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    f["locative_before"] = float(prev is not None and prev.lower_ in LOCATIVES)
    f["level_of"] = float(level_of(doc, span))
    f["hint_context"] = float(hint_context(doc, span, gaz))
    f["place_context"] = float(place_context(doc, span))
    f["titled"] = float(titled(doc, span))
    f["next_to_name"] = float(in_longer_name(doc, span))
    f["common_word"] = float(is_common(span))
    f["short_caps"] = float(short_caps(span.text))
    f["all_caps"] = float(span.text.isupper())
    f["sentence_start"] = float(span[0].is_sent_start or span.start == 0)
    f["the_before"] = float(prev is not None and prev.lower_ == "the")
    f["of_before"] = float(prev is not None and prev.lower_ == "of")
    if nxt is not None:
        word = nxt.lower_
        f["level_word_after"] = float(word in ADMIN1_WORDS or word in ADMIN2_WORDS)
        # "Dane guns", "Kenya shilling": a capitalised word modifying a common noun
        f["noun_head_after"] = float(modifies_noun(doc, span))
        f["possessive_after"] = float(word in ("'s", "’s"))
    last = span[-1].lower_.strip(".")
    f["site_word_last"] = float(len(span) > 1 and (last in SITE_WORDS or last in THOROUGHFARES))
    f["n_tokens"] = min(len(span), 4) / 4.0
    f["strength"] = strength / 3.0
    f["rules_accept"] = float(rules_accept)
    return [f[name] for name in FEATURES]
