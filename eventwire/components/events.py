"""The spaCy component "eventwire_events": every event mention the sentences yield, typed.

Reads: `doc.sents` and their tokens, `Doc._.doc_id` (event ids hash it), `Doc._.published`,
`Doc._.actors`, `Doc._.places`.
Writes: `Doc._.events` (extract/events `extract_events`, its document-level passes included),
`Doc._.event_readings` (what the classifier made of each sentence it read).
Config: `use_classifier`, ask the sentence event-type classifier (extract/classify.py) when it
can be imported; without it, sub-types come from trigger rules.
"""
from typing import Callable

from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..extract.events import extract_events


def _classifier() -> Callable | None:
    try:
        from ..extract.classify import classify
    except ImportError:  # its optional dependencies are missing
        return None
    return classify


class Events:
    def __init__(self, classify: Callable | None):
        self.classify = classify

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = extract_events(doc, doc_id=doc._.doc_id, published=doc._.published,
                                      actors=doc._.actors, places=doc._.places, classify=self.classify)
        return doc


@Language.factory("eventwire_events", requires=["doc.sents", "doc._.doc_id", "doc._.published", "doc._.actors",
                                                "doc._.places"],
                  assigns=["doc._.events", "doc._.event_readings"])
def make_events(nlp: Language, name: str, use_classifier: bool) -> Events:
    return Events(_classifier() if use_classifier else None)
