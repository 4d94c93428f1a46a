"""The spaCy component "eventwire_record": the document's typed record, assembled once.

Reads: the inputs `Doc._.doc_id`, `published`, `removed`, `page`; the outputs `Doc._.places`,
`actors`, `quotes`, `events`, `quality`.
Writes: `Doc._.record` (model.Document).
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..model import Document


def record(doc: Doc) -> Doc:
    x, page = doc._, doc._.page
    x.record = Document(id=x.doc_id, title=page.title, published=x.published, text=doc.text, url=page.url,
                        source=page.source, published_from=page.published_from, removed=x.removed,
                        events=x.events, places=x.places, actors=x.actors, quotes=x.quotes, quality=x.quality,
                        published_raw=page.published_raw, language=page.language, warnings=page.warnings)
    return doc


@Language.factory("eventwire_record", requires=["doc._.doc_id", "doc._.published", "doc._.removed", "doc._.page",
                                                "doc._.places", "doc._.actors", "doc._.quotes", "doc._.events",
                                                "doc._.quality"],
                  assigns=["doc._.record"])
def make_record(nlp: Language, name: str):
    return record
