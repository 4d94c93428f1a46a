"""Who types an event: the learned classifier when sure enough, else the trigger word and its rules."""
from eventwire.extract.classify import Prediction
from eventwire.extract.events import Trigger, _best_event


def _pred(*top: tuple[str, float]) -> Prediction:
    label, p = top[0]
    return Prediction(None if label == "none" else "x", None if label == "none" else label, p, p, tuple(top))


def test_best_event_sets_none_aside_and_needs_its_threshold():
    pred = _pred(("none", 0.5), ("Armed clash", 0.3), ("Attack", 0.2))
    assert _best_event(pred, 0.25) == "Armed clash"
    assert _best_event(pred, 0.35) is None
    assert _best_event(None, 0.0) is None
    assert _best_event(_pred(("none", 0.9)), 0.0) is None


def test_the_classifier_types_within_the_trigger_type_and_needs_more_across(monkeypatch):
    from eventwire.extract.classify import Typing
    from eventwire.extract.events import Hit, _refine_sub, subtype

    typing = Typing(types=0.25, across=0.5, alone=0.45)
    monkeypatch.setattr(subtype, "_typing", lambda: typing)
    rioters = Hit(Trigger(("rioters",), "Violent demonstration", None, None, 5, None), None)
    # within Riots a fair guess picks the sub-type
    assert _refine_sub(rioters, "", None, _pred(("Mob violence", typing.types + 0.01), ("none", 0.2))) \
        == "Mob violence"
    # another type needs `across`
    assert _refine_sub(rioters, "", None, _pred(("Attack", typing.across - 0.01))) == "Violent demonstration"
    assert _refine_sub(rioters, "", None, _pred(("Attack", typing.across))) == "Attack"
    agreed = Hit(Trigger(("allows",), "Agreement", None, None, 4, None), None)
    assert _refine_sub(agreed, "", None, _pred(("Air/drone strike", typing.across - 0.01))) == "Agreement"
    assert _refine_sub(agreed, "", None, _pred(("Air/drone strike", typing.across))) == "Air/drone strike"
    # no reading of the sentence: the trigger's rules
    assert _refine_sub(agreed, "", None, None) == "Agreement"


def test_a_trigger_outside_acled_is_typed_only_at_across(monkeypatch):
    from eventwire.extract.classify import Typing
    from eventwire.extract.events import subtype

    typing = Typing(types=0.25, across=0.5, alone=0.45)
    monkeypatch.setattr(subtype, "_typing", lambda: typing)
    assert subtype._learned_sub(_pred(("Peaceful protest", typing.across - 0.01)), None) is None
    assert subtype._learned_sub(_pred(("Peaceful protest", typing.across)), None) == "Peaceful protest"


def test_the_shipped_model_carries_its_typing_settings():
    from eventwire.extract.classify import load_model

    typing = load_model().typing
    assert typing is not None and 0.0 < typing.types <= typing.across < 1.0 and 0.0 < typing.alone < 1.0
    assert 0.0 <= typing.context < 1.0
