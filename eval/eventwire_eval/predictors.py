"""What is measured: a Predictor turns the inputs of a set into Documents."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from eventwire.model import Document, Event, Evidence, InputDoc

Predictor = Callable[[list[InputDoc]], Iterable[Document]]


def pipeline_predictor(*, batch_size: int = 32) -> Predictor:
    """The end-to-end system: eventwire.pipeline.process (batched through nlp.pipe)."""
    from eventwire.pipeline import process

    def predict(inputs: list[InputDoc]) -> list[Document]:
        return list(process(inputs, batch_size=batch_size))

    return predict


def per_document(extract: Callable[..., Document]) -> Predictor:
    """Adapt a one-document function `extract(text, published=...)` to a Predictor."""

    def predict(inputs: list[InputDoc]) -> list[Document]:
        return [extract(i.text, published=i.published) for i in inputs]

    return predict


_SENT_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"“(]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans, for measuring the classifier without the spaCy pipeline."""
    spans, start = [], 0
    for m in _SENT_SPLIT.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def classifier_predictor(*, whole_text: bool = False) -> Predictor:
    """The sentence classifier alone: one event per sentence it calls an event.

    whole_text=True classifies each document as one input instead of sentence by sentence."""
    from eventwire.extract.classify import classify

    def predict(inputs: list[InputDoc]) -> list[Document]:
        spans = [[(0, len(i.text))] if whole_text else split_sentences(i.text) for i in inputs]
        flat = [i.text[s:e] for i, sp in zip(inputs, spans) for s, e in sp]
        preds = iter(classify(flat))
        docs = []
        for inp, sp in zip(inputs, spans):
            events = []
            for s, e in sp:
                p = next(preds)
                if p.is_event:
                    events.append(Event(
                        id=f"{inp.id}:{s}", event_type=p.event_type, sub_event_type=p.sub_event_type,
                        plover_type="", plover_mode=None, cameo_root=None, actor1=None, actor2=None,
                        location=None, date=None, fatalities=None, civilian_targeting=False,
                        attribution=None, hedged=False, evidence=Evidence(inp.text[s:e], s, e),
                        confidence=p.probability))
            docs.append(Document(id=inp.id, title=inp.title, published=inp.published, text=inp.text,
                                 events=events))
        return docs

    return predict
