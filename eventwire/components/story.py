"""The spaCy component "eventwire_story": the record's main event completed from the whole story.

Reads: `Doc._.record` (its main event, salience.main_event, is defined on the record), `doc.sents`.
Writes: the main event of `Doc._.record`, in place: the place, day and toll the story gives
(extract/story `complete_main_event`). Runs after eventwire_quality and eventwire_reportable,
so the event completed is the one ranked first once confidences are final.
"""
from spacy.language import Language
from spacy.tokens import Doc

from .. import doc_extensions  # noqa: F401  (registers the Doc._ attributes)
from ..extract.story import complete_main_event


def story(doc: Doc) -> Doc:
    complete_main_event(doc._.record, [(s.start_char, s.text) for s in doc.sents])
    return doc


@Language.factory("eventwire_story", requires=["doc.sents", "doc._.record"], assigns=["doc._.record"])
def make_story(nlp: Language, name: str):
    return story
