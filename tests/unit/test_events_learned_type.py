"""Who types an event: the learned classifier, except against a trigger the codebook names outright."""
from eventwire.extract.classify import Prediction
from eventwire.extract.events import T, Trigger, _best_event, _codebook_explicit


def _pred(*top: tuple[str, float]) -> Prediction:
    label, p = top[0]
    return Prediction(None if label == "none" else "x", None if label == "none" else label, p, p, tuple(top))


def test_best_event_sets_none_aside_and_needs_its_threshold():
    pred = _pred(("none", 0.5), ("Armed clash", 0.3), ("Attack", 0.2))
    assert _best_event(pred, 0.25) == "Armed clash"
    assert _best_event(pred, 0.35) is None
    assert _best_event(None, 0.0) is None
    assert _best_event(_pred(("none", 0.9)), 0.0) is None


def test_codebook_explicit_triggers_are_the_specific_ones_without_a_family():
    assert _codebook_explicit(Trigger(("grenade",), "Grenade", None, None, T.specific_strength + 1, None))
    assert not _codebook_explicit(Trigger(("killed",), "Attack", None, None, 3, "violence"))
    assert not _codebook_explicit(Trigger(("protest",), "Peaceful protest", None, None, 4, "protest"))
    assert not _codebook_explicit(Trigger(("blast",), "Remote explosive/landmine/IED", None, None, 3, None))
