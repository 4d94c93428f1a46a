"""Each document's language is identified offline; one not in English is stored with warning
W002 and no events (the English rules would find bogus ones), and the run says how many."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import main
from eventwire.language import identify

FRENCH = ("Des milliers de manifestants ont défilé samedi à Paris contre la réforme des retraites. "
          "La police a dispersé le cortège avec des gaz lacrymogènes près de la place de la Nation, "
          "selon les syndicats, qui dénoncent une répression disproportionnée. ") * 3
SPANISH = ("Al menos diez personas murieron el domingo en un ataque armado contra un bar en el centro de "
           "Bogotá, informaron las autoridades locales, que atribuyeron el hecho a una banda criminal. ") * 3
ARABIC = ("قتل ثلاثة مدنيين وأصيب خمسة آخرون في غارة جوية استهدفت سوقا شعبيا في مدينة إدلب شمال غرب سوريا "
          "يوم الاثنين، بحسب ما أفاد به المرصد السوري لحقوق الإنسان. ") * 3
ENGLISH = ("Police fired tear gas at hundreds of protesters in Nairobi, Kenya, on Tuesday as they marched "
           "against new taxes, witnesses said. Several people were arrested near parliament. ") * 3
# A short note full of local names: the model is unsure, and the document is read as English.
NAMES = "On 1 June 2022, Mayi Mayi Biloze Bishambukze militants killed two civilians in Bibogobobo (Mutambala, Fizi, Sud-Kivu)."


@pytest.mark.parametrize("text, code", [(FRENCH, "fr"), (SPANISH, "es"), (ARABIC, "ar"), (ENGLISH, "en")])
def test_languages_are_identified(text, code):
    assert identify(text) == code


def test_unsure_or_short_texts_are_read_as_english():
    assert identify(NAMES) is None
    doc = eventwire.extract(NAMES, published="2022-06-02")
    assert doc.events and not doc.warnings


@pytest.mark.parametrize("text", [FRENCH, SPANISH, ARABIC])
def test_a_document_not_in_english_is_kept_without_events(text):
    doc = eventwire.extract(text, published="2024-01-02")
    assert doc.error is None and doc.text and doc.published == "2024-01-02"
    assert doc.events == [] and doc.actors == [] and doc.places == []
    assert [w.code for w in doc.warnings] == ["W002"] and doc.language in {"fr", "es", "ar"}


def test_the_same_text_gets_the_same_answer():
    assert {identify(FRENCH[:n]) for n in (600, 600, 600)} == {"fr"}


def test_the_model_ships_in_the_package():
    import py3langid.langid as langid

    assert (Path(langid.__file__).parent / langid.MODEL_FILE).is_file()


def test_the_run_says_how_many_were_skipped(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "fr", "text": FRENCH}, {"id": "en", "text": ENGLISH, "published": "2024-06-25"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["ingest", str(path), "--db", str(tmp_path / "t.db")])
    assert r.exit_code == 0, r.output
    assert "2 new, 0 unchanged, 0 failed documents, 1 not in English" in r.stdout
    stored = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "t.db"), "--format", "jsonl"]).stdout
    assert {json.loads(x)["document_id"] for x in stored.splitlines()} == {"en"}
