"""eventwire: news articles in, source-attributed political and conflict events out.

    import eventwire
    doc = eventwire.extract(text, published="2016-08-16")
    for ev in doc.events: print(ev.event_type, ev.location and ev.location.name, ev.fatalities)
    top = eventwire.main_event(doc)   # the event the article is about (its most confident one)
"""
from .salience import main_event
from .filters import Filters
from .model import (Actor, Attribution, Casualties, Document, Event, Incident, InputDoc, Place,
                    Quality, QualityFlag, Quote, When, to_dict)

__all__ = ["extract", "process", "main_event", "Actor", "Attribution", "Casualties", "Document", "Event",
           "Filters", "Incident", "InputDoc", "Place", "Quality", "QualityFlag", "Quote", "When", "to_dict"]


def extract(text: str, **kwargs) -> Document:
    """One article in, typed records out (see eventwire.pipeline.extract)."""
    from .pipeline import extract as _extract

    return _extract(text, **kwargs)


def process(inputs, **kwargs):
    """Many documents (InputDoc) in, Documents out, in order; a bad one gets its `error`."""
    from .pipeline import process as _process

    return _process(inputs, **kwargs)
