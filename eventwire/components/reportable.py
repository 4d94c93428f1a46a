"""The spaCy component "eventwire_reportable": the event mentions become the page's events of
its own days, one record each, the main one marked.

Reads: `Doc._.events`, `Doc._.event_readings`, `Doc._.published`, `Doc._.raw_mentions`, `doc.sents`.
Writes: `Doc._.events` (extract/reportable `judge`); with `raw_mentions`, leaves every mention.
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..extract.reportable import judge


def reportable(doc: Doc) -> Doc:
    if not doc._.raw_mentions:
        doc._.events = judge(doc._.events, doc, doc._.published)
    return doc


@Language.factory("eventwire_reportable", requires=["doc.sents", "doc._.events", "doc._.event_readings",
                                                    "doc._.published", "doc._.raw_mentions"],
                  assigns=["doc._.events"])
def make_reportable(nlp: Language, name: str):
    return reportable
