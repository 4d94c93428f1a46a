"""eventwire: news articles in, source-attributed political and conflict events out.

    import eventwire
    doc = eventwire.extract(text, published="2016-08-16")
    for ev in doc.events: print(ev.event_type, ev.location and ev.location.name, ev.fatalities)
    top = eventwire.main_event(doc)   # the event the article is about (its most confident one)
"""
import types

from . import extract  # the extract stage's package, made callable below
from .salience import main_event
from .filters import Filters
from .model import (Actor, Attribution, Casualties, Document, Event, Incident, InputDoc, Place,
                    Quality, QualityFlag, Quote, When, to_dict)

__all__ = ["extract", "process", "main_event", "Actor", "Attribution", "Casualties", "Document", "Event",
           "Filters", "Incident", "InputDoc", "Place", "Quality", "QualityFlag", "Quote", "When", "to_dict"]


class _CallableStage(types.ModuleType):
    """`eventwire.extract` names both the one-call API and the extract stage's package (importing
    any module of the package binds the package to that name), so the package is callable."""

    def __call__(self, text: str, **kwargs) -> Document:
        """One article in, typed records out (see eventwire.pipeline.extract)."""
        from .pipeline import extract as _extract

        return _extract(text, **kwargs)


extract.__class__ = _CallableStage


def process(inputs, **kwargs):
    """Many documents (InputDoc) in, Documents out, in order; a bad one gets its `error`."""
    from .pipeline import process as _process

    return _process(inputs, **kwargs)
