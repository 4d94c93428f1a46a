"""Events from sentences: triggers -> typed event with arguments, place, date, toll, source.

A cascade of small steps per sentence: find triggers (data/triggers.yaml), pick the sentence's
main event, fill its arguments from the already-resolved actor and place mentions, then date,
casualties, attribution and hedging. One event per sentence at most: news sentences that report
two incidents are rare, and splitting one incident into two is the worse error for analysts.

The package, one job a module: thresholds.py holds the numbers and taxonomy tables; spans.py
finds datelines, quotations and asides; triggers.py finds a sentence's triggers and its main
one; roles.py picks actor1 and actor2; setting.py picks place and date and carries a
paragraph's setting on; subtype.py types an event (classifier or trigger rules); readings.py
asks the classifier about a sentence; document.py runs the passes over a document's events;
assemble.py builds the events (`extract_events`).
"""
from __future__ import annotations

from .assemble import event_id, extract_events
# the private helpers among these are taken from here by story.py, reportable.py and the tests
from .document import _drop_subsumed, _facts, _first_equal, _story_responses
from .spans import _ASIDE, _undateline, dateline_date, dateline_spans, quoted_spans
from .subtype import _best_event, _refine_sub
from .thresholds import FRAMING, LETHAL_SUBS, PLOVER_CAMEO, TAXONOMY, THRESHOLDS, VIOLENT_TYPES, Thresholds
from .triggers import Hit, Trigger, find_triggers, lexicon

__all__ = ["FRAMING", "LETHAL_SUBS", "PLOVER_CAMEO", "TAXONOMY", "THRESHOLDS", "VIOLENT_TYPES", "Hit",
           "Thresholds", "Trigger", "dateline_date", "dateline_spans", "event_id", "extract_events",
           "find_triggers", "lexicon", "quoted_spans"]
