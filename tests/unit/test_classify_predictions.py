import numpy as np
import pytest

from eventwire.extract.classify import NONE, classify, load_model, taxonomy


@pytest.mark.parametrize("sentence, sub_event_type", [
    ("A grenade was hurled at a police post in the market, wounding three officers.", "Grenade"),
    ("Thousands of teachers marched peacefully through the capital to demand better pay.", "Peaceful protest"),
    ("A suicide bomber detonated his explosive vest at the gate of the army barracks.", "Suicide bomb"),
    ("Warplanes bombed rebel positions near the river crossing overnight.", "Air/drone strike"),
    ("Gunmen kidnapped twelve farmers from their fields and demanded a ransom.", "Abduction/forced disappearance"),
])
def test_clear_sentences_get_their_sub_event_type(sentence, sub_event_type):
    (pred,) = classify([sentence])
    assert pred.sub_event_type == sub_event_type
    assert pred.event_type == taxonomy()[sub_event_type]


@pytest.mark.parametrize("sentence", [
    "The central bank kept interest rates unchanged for the third month in a row.",
    "The home side won the cup final after extra time.",
])
def test_non_events_get_none(sentence):
    (pred,) = classify([sentence])
    assert pred.sub_event_type is None and pred.event_type is None and not pred.is_event
    assert pred.top[0][0] == NONE


def test_distribution_is_ordered_and_consistent():
    preds = classify(["Troops and militants exchanged fire near the border.", "It rained all day."], top_k=4)
    assert len(preds) == 2
    for p in preds:
        probs = [pr for _, pr in p.top]
        assert len(p.top) == 4 and probs == sorted(probs, reverse=True)
        assert 0.0 < p.probability <= 1.0 and sum(probs) <= 1.0001
        if p.is_event:
            assert p.event_type_probability >= p.probability


def test_empty_input_gives_no_predictions():
    assert classify([]) == []


def test_shipped_model_covers_the_taxonomy_and_is_small():
    from eventwire.extract.classify import DATA_DIR, MODEL_FILE

    m = load_model()
    assert set(m.classes) == set(taxonomy()) | {NONE}
    assert len(taxonomy()) == 25
    assert m.weights.shape == (len(m.classes), 384 + len(m.patterns))
    assert np.isfinite(m.weights).all()
    # ~2.3 MB since the character n-gram block (27k columns, float16)
    assert (DATA_DIR / "models" / MODEL_FILE).stat().st_size < 3_000_000
