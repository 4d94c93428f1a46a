"""The spaCy component "eventwire_places": the page's place mentions resolved to places.

Reads: `doc.ents` (the NER's, as gazetteer_ruler corrected them) and the names before a level
word no entity covers (geo/levelnames.py), `Doc._.home_region`.
Writes: `Doc._.places` (geo/places.py `resolve_places`, all mentions of the page jointly).
Config: `labels`, the entity labels that name places.
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..geo.levelnames import level_named
from ..geo.places import resolve_places


class Places:
    def __init__(self, labels: frozenset[str]):
        self.labels = labels

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = resolve_places(self.mentions(doc), doc.text, home=doc._.home_region)
        return doc

    def mentions(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(text, start, end) of the place entities; a place's name is written with a capital
        ("metro" is no place, whatever the NER says); and the names the text calls places by a
        level word after them ("Ye Hla village") that no entity covers."""
        ents = [(e.text, e.start_char, e.end_char) for e in doc.ents
                if e.label_ in self.labels and any(ch.isupper() for ch in e.text)]
        return sorted(ents + level_named(doc), key=lambda m: m[1])


@Language.factory("eventwire_places", requires=["doc.ents", "doc._.home_region"], assigns=["doc._.places"])
def make_places(nlp: Language, name: str, labels: list[str]) -> Places:
    return Places(frozenset(labels))
