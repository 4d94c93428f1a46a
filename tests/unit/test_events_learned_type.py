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


def test_the_classifier_refines_within_the_trigger_type_and_needs_more_to_change_it():
    from eventwire.extract.events import Hit, _refine_sub

    rioters = Hit(Trigger(("rioters",), "Violent demonstration", None, None, T.specific_strength, None), None)
    # within Riots a fair guess picks the sub-type
    assert _refine_sub(rioters, "", None, _pred(("Mob violence", T.classifier_refines + 0.01), ("none", 0.2))) \
        == "Mob violence"
    # another type against a named trigger needs the classifier to be very sure
    assert _refine_sub(rioters, "", None, _pred(("Attack", T.classifier_decides + 0.01))) == "Violent demonstration"
    assert _refine_sub(rioters, "", None, _pred(("Attack", T.classifier_overrides_specific))) == "Attack"
    agreed = Hit(Trigger(("allows",), "Agreement", None, None, 4, None), None)
    assert _refine_sub(agreed, "", None, _pred(("Air/drone strike", T.classifier_decides - 0.01))) == "Agreement"
    assert _refine_sub(agreed, "", None, _pred(("Air/drone strike", T.classifier_decides))) == "Air/drone strike"
    # no reading of the sentence: the trigger's rules
    assert _refine_sub(agreed, "", None, None) == "Agreement"
