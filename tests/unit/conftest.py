"""Unit tests run without the spaCy model: a test that needs it belongs in tests/pipeline/."""
import pytest


@pytest.fixture(autouse=True)
def _no_spacy_model(monkeypatch):
    import spacy

    import eventwire.nlp

    def refuse(*args, **kwargs):
        raise AssertionError("a unit test loaded the spaCy model: move it to tests/pipeline/")

    monkeypatch.setattr(spacy, "load", refuse)
    monkeypatch.setattr(eventwire.nlp, "load", refuse)
