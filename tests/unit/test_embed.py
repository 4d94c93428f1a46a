"""Sentence embeddings: a vector reused from the recent ones is the vector a fresh run gives."""
import numpy as np

from eventwire import embed as embedding


def test_recent_vectors_are_reused_and_equal_a_fresh_run(monkeypatch):
    a = "Gunmen attacked a checkpoint near the town on Monday."
    b = "Police fired tear gas at protesters in the capital."
    first = embedding.embed([a, b])
    runs = []
    tokenizer, session = embedding._model()
    monkeypatch.setattr(embedding, "_model", lambda: (tokenizer, _Counting(session, runs)))
    # the same tokens (case and spacing do not count for this tokenizer): no model run
    again = embedding.embed([a.upper(), b + "  "])
    assert runs == [] and (again == first).all()
    embedding._RECENT.clear()
    fresh = embedding.embed([a, b])
    assert len(runs) == 2 and (fresh == first).all()


class _Counting:
    def __init__(self, session, runs):
        self._session, self._runs = session, runs

    def get_inputs(self):
        return self._session.get_inputs()

    def run(self, *args, **kwargs):
        self._runs.append(1)
        return self._session.run(*args, **kwargs)


def test_empty_input_gives_no_vectors():
    assert embedding.embed([]).shape == (0, 384)
    assert np.isfinite(embedding.embed(["x"])).all()
