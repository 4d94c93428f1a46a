"""The spaCy component "eventwire_actors": every actor mention resolved to a canonical actor.

Reads: the tokens and `doc.ents`, `Doc._.places` (the page's country, for generic groups).
Writes: `Doc._.actors` (resolve/actors `find_actors`).
Config: `country_votes`, `finer_place_votes`: what a resolved place of each kind counts toward
the page's country.
"""
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..model import Place
from ..resolve.actors import find_actors


class Actors:
    def __init__(self, country_votes: int, finer_place_votes: int):
        self.country_votes = country_votes
        self.finer_place_votes = finer_place_votes

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = find_actors(doc, context_country=self.context_country(doc._.places))
        return doc

    def context_country(self, places: list[Place]) -> str | None:
        """The country a page is about: the most frequent country among its resolved places,
        sub-national places counting more (a city says more than a passing country name)."""
        votes: Counter[str] = Counter()
        for p in places:
            if p.country and p.latitude is not None:
                votes[p.country] += self.country_votes if p.precision == "country" else self.finer_place_votes
        return votes.most_common(1)[0][0] if votes else None


@Language.factory("eventwire_actors", requires=["doc.ents", "doc._.places"], assigns=["doc._.actors"])
def make_actors(nlp: Language, name: str, country_votes: int, finer_place_votes: int) -> Actors:
    return Actors(country_votes, finer_place_votes)
