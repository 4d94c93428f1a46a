"""The spaCy component "eventwire_quality": the page's quality flags, and each event's
confidence scaled by the flags over its evidence.

Reads: `Doc._.sentence_spans` (of `doc.sents`), `Doc._.removed`, `Doc._.actors`, `Doc._.quotes`, `Doc._.events`.
Writes: `Doc._.quality` (quality `assess`); the confidence of each event of `Doc._.events`
(quality `SpanPenalty`).
Config: `confidence_digits`, the decimals a scaled confidence keeps.
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..quality import SpanPenalty, assess


class Quality:
    def __init__(self, confidence_digits: int):
        self.confidence_digits = confidence_digits

    def __call__(self, doc: Doc) -> Doc:
        events = doc._.events
        doc._.quality = assess(doc.text, doc._.sentence_spans, doc._.removed, doc._.actors, doc._.quotes, events)
        penalty = SpanPenalty(doc._.quality)
        for ev in events:
            ev.confidence = round(ev.confidence * penalty(ev.evidence.start, ev.evidence.end), self.confidence_digits)
        return doc


@Language.factory("eventwire_quality", requires=["doc._.sentence_spans", "doc._.removed", "doc._.actors", "doc._.quotes",
                                                 "doc._.events"],
                  assigns=["doc._.quality", "doc._.events"])
def make_quality(nlp: Language, name: str, confidence_digits: int) -> Quality:
    return Quality(confidence_digits)
