"""The spaCy chain is the one of data/pipeline.cfg, and its analysis runs document by document:
a component that fails on one document fails that document alone."""
import pytest

import eventwire
from eventwire import components, nlp
from eventwire.errors import EventwireError
from eventwire.model import InputDoc

GOOD = "Police arrested 12 activists in Harare, Zimbabwe, on Friday."


@pytest.fixture(scope="module")
def chain():
    return nlp.load(analysis=True)


def test_the_components_and_their_order_are_the_configs(chain):
    cfg = nlp.chain()
    parse, analysis = list(cfg["nlp"]["parse"]), list(cfg["nlp"]["analysis"])
    ours = [n for n in chain.pipe_names if n in parse + analysis]
    assert ours == parse + analysis
    # the analysis comes after every component of the parse, in the config's order
    assert chain.pipe_names[-len(analysis):] == analysis
    names = chain.pipe_names
    for name, where in cfg["placement"].items():
        for side, anchor in where.items():
            assert names.index(name) == names.index(anchor) + (1 if side == "after" else -1)
    for name in parse + analysis:
        settings = {k: v for k, v in cfg["components"][name].items() if k != "factory"}
        assert chain.get_pipe_meta(name).factory == cfg["components"][name]["factory"]
        assert {k: chain.get_pipe_config(name)[k] for k in settings} == settings


def test_the_parse_alone_leaves_the_analysis_out():
    assert not set(nlp.analysis_names()) & set(nlp.load().pipe_names)


@pytest.mark.parametrize("error, code", [(RuntimeError("broken"), "E009"),
                                         (EventwireError("E016", "pretend"), "E016")])
def test_a_component_failing_on_one_document_fails_it_alone(monkeypatch, error, code):
    real = components.quotes.Quotes.__call__

    def picky(self, doc):
        if "poison" in doc.text:
            raise error
        return real(self, doc)
    monkeypatch.setattr(components.quotes.Quotes, "__call__", picky)
    docs = list(eventwire.process([InputDoc(id="a", text=GOOD), InputDoc(id="p", text="A poison here."),
                                   InputDoc(id="b", text=GOOD)]))
    assert [d.error and d.error.code for d in docs] == [None, code, None]
    assert docs[0].events and docs[2].events
