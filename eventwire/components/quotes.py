"""The spaCy component "eventwire_quotes": quoted passages and reported speech with their speakers.

Reads: `Doc._.sentence_spans` (of `doc.sents`), the person entities of `doc.ents`, `Doc._.actors`.
Writes: `Doc._.quotes` (extract/quotes `find_quotes`).
Config: `person_label`, the entity label of person names.
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..extract.quotes import find_quotes


class Quotes:
    def __init__(self, person_label: str):
        self.person_label = person_label

    def __call__(self, doc: Doc) -> Doc:
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == self.person_label]
        doc._.quotes = find_quotes(doc.text, doc._.sentence_spans, doc._.actors, persons=persons)
        return doc


@Language.factory("eventwire_quotes", requires=["doc._.sentence_spans", "doc.ents", "doc._.actors"], assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str, person_label: str) -> Quotes:
    return Quotes(person_label)
