"""Asking the classifier about a sentence that could report an event, read with its neighbours in
its paragraph; what it read is kept on the Doc (`event_readings`) for the reportable-event model."""
from __future__ import annotations

import re
from typing import Callable

from spacy.tokens import Span

from ... import doc_extensions  # noqa: F401  (registers Doc._.event_readings)
from ...lexicon import alternation
from .spans import _ASIDE
from .triggers import Hit


_EVENT_CUE = re.compile(rf"\b({alternation('event_cue_stems')})", re.I)


def _prediction(sent: Span, triggers: list[Hit], classify: Callable | None, context: tuple[str, ...] | None):
    """The classifier's prediction of a sentence that could report an event (a trigger word or
    a violence/protest cue), else None. Asked for only where it is used: the embedding is the
    costliest step of the pipeline, and most such sentences are background or yield nothing.
    A sentence's prediction depends on it alone, so one at a time gives what a batch would.
    `context`: the sentence with its neighbours in its paragraph (`_neighbours`), read with it.
    Kept on the Doc (`event_readings`) for the reportable-event model."""
    if classify is None or not (triggers or _EVENT_CUE.search(sent.text)):
        return None
    pred = classify([sent.text.strip()], contexts=[context])[0]
    if sent.doc._.event_readings is not None:
        sent.doc._.event_readings[sent.start_char] = pred
    return pred


def _neighbours(sents: list[Span], i: int, text: str) -> tuple[str, ...] | None:
    """The sentence with the one before and the one after it in its line (a page's paragraph,
    a note, a snippet), or None when it stands alone there (a headline, a one-sentence paragraph).
    A sentence that opens another story ("Separately, ...") is no neighbour of the one before it."""
    lo = i - 1 if i > 0 and _same_line(sents[i - 1], sents[i], text) and not _ASIDE.match(sents[i].text) else i
    hi = i + 1 if (i + 1 < len(sents) and _same_line(sents[i], sents[i + 1], text)
                   and not _ASIDE.match(sents[i + 1].text)) else i
    return tuple(s.text.strip() for s in sents[lo:hi + 1]) if lo < hi else None


def _same_line(a: Span, b: Span, text: str) -> bool:
    # a sentence's span keeps the line breaks that follow it
    return "\n" not in text[a.start_char + len(a.text.rstrip()):b.start_char]
