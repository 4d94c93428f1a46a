"""eventwire.main_event: the one definition of the event a document is about, and the choices
its users make (which events compete; whether background is left out)."""
import pytest

import eventwire
from eventwire.model import Document, When
from test_merge_helpers import event


def _doc(*events, published="2024-08-13"):
    return Document(id="d", title=None, published=published, text="", events=list(events))


def _untyped(confidence):
    ev = event(confidence=confidence)
    ev.event_type = ev.sub_event_type = None
    return ev


@pytest.mark.parametrize("confs, expected", [([0.2, 0.9, 0.5], 1), ([0.5, 0.5], 0), ([], None)])
def test_the_most_confident_event_first_on_ties(confs, expected):
    events = [event(confidence=c) for c in confs]
    top = eventwire.main_event(_doc(*events))
    assert top is (events[expected] if expected is not None else None)


def test_any_event_competes_by_default():
    untyped, typed = _untyped(0.99), event(confidence=0.5)
    assert eventwire.main_event(_doc(untyped, typed)) is untyped


def test_typed_only_leaves_none_when_no_event_has_a_type():
    untyped, low, high = _untyped(0.99), event(confidence=0.4), event(confidence=0.8)
    assert eventwire.main_event(_doc(untyped, low, high), among="typed") is high
    assert eventwire.main_event(_doc(untyped), among="typed") is None


def test_typed_first_falls_back_to_any_event():
    untyped, typed = _untyped(0.99), event(confidence=0.5)
    assert eventwire.main_event(_doc(untyped, typed), among="typed_first") is typed
    assert eventwire.main_event(_doc(untyped), among="typed_first") is untyped


def _dated(confidence, start=None, end=None):
    ev = event(confidence=confidence)
    ev.date = When(text="x", start=start, end=end, precision="range") if start else None
    return ev


def test_background_is_left_out_unless_it_is_all_there_is():
    old, news = _dated(0.9, "1990-01-01", "1999-12-31"), _dated(0.7)
    assert eventwire.main_event(_doc(old, news), background_days=30) is news
    assert eventwire.main_event(_doc(old, news)) is old  # without the option, background competes
    assert eventwire.main_event(_doc(old), background_days=30) is old


def test_an_unknown_choice_is_refused():
    with pytest.raises(ValueError):
        eventwire.main_event(_doc(event()), among="headline")
