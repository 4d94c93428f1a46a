"""Every `Doc._` attribute of eventwire's spaCy chain, registered here once.

The chain is listed in `data/pipeline.cfg`; what each component reads and writes is in
`eventwire/components/__init__.py`. The pipeline (pipeline.py) sets the inputs on a parsed Doc,
then runs the analysis components, which fill the outputs; the last ones hold the record.
Every default is None: a list default would be one list shared by every Doc.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .model import Error

# Set by the pipeline on each document before its analysis runs.
INPUTS = {
    "doc_id": "the document's id (ingest.text.make_id): event ids hash it",
    "published": "the publication day YYYY-MM-DD (the input's, else the dateline's; the page's own "
                 "day from its address or stamp over a missing or later one), or None",
    "home_region": "(ISO3, first-level region or None) the outlet reports on (geo/outlets.py), or None",
    "removed": "the cleaner's removed spans (list[Removed], clean/)",
    "raw_mentions": "True: keep every event mention the sentences yield (extract(..., mentions=True))",
    "page": "the record's fields no analysis reads (Page below), carried to the record",
}

# Written by the analysis components, in the order they run.
OUTPUTS = {
    "places": "list[Place]: the page's place mentions resolved (eventwire_places)",
    "actors": "list[Actor] (eventwire_actors)",
    "quotes": "list[Quote] (eventwire_quotes)",
    "events": "list[Event] (eventwire_events; confidences scaled by eventwire_quality; the page's "
              "events of its days chosen by eventwire_reportable)",
    "event_readings": "sentence start -> the classifier's Prediction, for the sentences it read "
                      "(eventwire_events, for eventwire_reportable)",
    "quality": "Quality: the page's flags and score (eventwire_quality)",
    "record": "the Document record (eventwire_record; its main event completed by eventwire_story)",
}


@dataclass(frozen=True)
class Page:
    """The fields of a document's record that no analysis component reads."""

    title: str | None
    url: str | None = None
    source: str | None = None
    published_from: str | None = None  # "input", "dateline", "url", "stamp" or None
    published_raw: str | None = None  # the given date as written, when it could not be read
    language: str | None = None
    warnings: list[Error] = field(default_factory=list)


# Read off the parse when asked (no value kept).
GETTERS = {
    "sentence_spans": "(start, end) of each sentence (eventwire_quotes, eventwire_quality)",
}


def _sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.sents]


def register() -> None:
    """Register the attributes (idempotent: spaCy's registry is process-wide)."""
    for name in (*INPUTS, *OUTPUTS):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("sentence_spans"):
        Doc.set_extension("sentence_spans", getter=_sentence_spans)


register()
