"""The crashes of the fuzz and crash run (issue 11): each input is now one document's error,
or handled, and the rest of the batch comes through."""
import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import main
from eventwire.extract.quotes.attributions import _chunk_span
from eventwire.ingest import read_inputs
from eventwire.filters import Filters
from eventwire.model import InputDoc
from eventwire.store import Store

GOOD = {"id": "good", "text": "Police arrested 12 activists in Harare, Zimbabwe, on Friday.", "published": "2024-05-03"}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _jsonl(path, *lines):
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("line", [
    '{"text": "\\ud800"}',
    '{"id": "t", "text": "Police arrested 12 people \\udc00 in Harare."}',
    '{"id": "a\\ud800", "text": "Police arrested 12 people in Harare."}',
    '{"id": "u", "text": "Police arrested 12 people in Harare.", "title": "\\udfff"}',
    '{"id": "v", "text": "Police arrested 12 people in Harare.", "url": "http://x/\\ud83d"}',
])
def test_a_lone_surrogate_is_that_documents_error(tmp_path, line):
    path = _jsonl(tmp_path / "d.jsonl", line, GOOD)
    r = run("extract", "--input", path)
    docs = [json.loads(x) for x in r.stdout.splitlines()]
    assert r.exit_code == 1 and [d["error"] and d["error"]["code"] for d in docs] == ["E011", None]
    r = run("ingest", path, "--db", str(tmp_path / "t.db"))
    assert r.exit_code == 1 and "1 new, 0 unchanged, 1 failed" in r.stdout


def test_a_lone_surrogate_given_to_the_library_is_that_documents_error():
    docs = list(eventwire.process([InputDoc(id="x\ud800", text="Police arrested 12 people."),
                                   InputDoc(id="ok", text=GOOD["text"])]))
    assert docs[0].error.code == "E011" and docs[0].id == "x\\ud800" and docs[1].events


def test_json_nested_5000_deep_is_that_lines_error(tmp_path):
    path = _jsonl(tmp_path / "d.jsonl", "[" * 5000 + "]" * 5000, '{"a": ' * 5000 + "1" + "}" * 5000, GOOD)
    docs = list(read_inputs([path]))
    assert [d.error and d.error.code for d in docs] == ["E005", "E005", None]
    extracted = tmp_path / "x.jsonl"
    extracted.write_text("[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert "1 failed" in run("ingest", "--extracted", str(extracted), "--db", str(tmp_path / "t.db")).stdout


def test_a_document_over_a_million_characters_fails_alone():
    huge = InputDoc(id="huge", text="Protesters marched. " * 60_000)
    docs = list(eventwire.process([InputDoc(id="a", text=GOOD["text"]), huge, InputDoc(id="b", text=GOOD["text"])]))
    assert [d.error and d.error.code for d in docs] == [None, "E012", None]
    assert docs[0].events and docs[2].events


def test_a_parser_failure_on_the_batch_fails_only_its_document(monkeypatch):
    from eventwire import components, nlp  # noqa: F401  (components: the analysis factories)

    real = nlp.load(analysis=True)

    class Picky:
        max_length = real.max_length
        get_pipe = real.get_pipe

        def pipe(self, texts, batch_size, disable):
            raise ValueError("[E088] pretend")

        def __call__(self, text, disable):
            if "poison" in text:
                raise ValueError("[E088] pretend")
            return real(text, disable=disable)
    monkeypatch.setattr(nlp, "load", lambda **kw: Picky())
    docs = list(eventwire.process([InputDoc(id="a", text=GOOD["text"]), InputDoc(id="p", text="poison here"),
                                   InputDoc(id="b", text=GOOD["text"])]))
    assert [d.error and d.error.code for d in docs] == [None, "E009", None] and docs[2].events


@pytest.mark.parametrize("bad", [
    {"id": "t", "title": {"a": 1}, "events": []},
    {"id": "p", "published": {"a": 1}, "events": []},
    {"id": "r", "actors": [{"text": {"a": 1}}], "events": []},
    {"id": "e", "events": [{"id": ["x"]}]},
    {"id": "i", "events": [{"id": "ev", "fatalities": {"best": 1e400}}]},
    {"id": "j", "events": [{"id": "ev", "fatalities": {"best": 10 ** 20}}]},
    {"id": "s\ud800", "events": []},
])
def test_extracted_documents_with_wrong_types_or_huge_tolls_are_refused_alone(tmp_path, bad):
    good = {"id": "fine", "text": "x", "events": [{"id": "ev_fine", "fatalities": {"best": 3}}]}
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(bad) + "\n" + json.dumps(good) + "\n", encoding="utf-8")
    r = run("ingest", "--extracted", str(path), "--db", str(tmp_path / "t.db"))
    assert r.exit_code == 1 and "1 new, 0 unchanged, 1 failed" in r.stdout, r.output
    assert "Traceback" not in r.output


def test_an_appositive_segment_with_no_words_is_stepped_over():
    text = "Bob, , who runs the group, said it."
    assert _chunk_span(text, 0, text.index("said")) == (0, 3)
    doc = eventwire.extract("John Smith, , who runs the local monitor, said 12 people were killed in Kano, Nigeria.")
    assert doc.error is None


def test_a_nul_byte_spoils_only_its_own_jsonl_line(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"id": "n", "text": "a\x00b"}\n' + json.dumps(GOOD).encode() + b"\n")
    docs = list(read_inputs([str(path)]))
    assert [d.error and d.error.code for d in docs] == ["E002", None]


def test_lines_sharing_an_id_are_said_in_the_summary(tmp_path):
    other = {**GOOD, "text": "Police arrested 13 activists in Harare, Zimbabwe, on Friday."}
    path = _jsonl(tmp_path / "d.jsonl", GOOD, other)
    r = run("ingest", path, "--db", str(tmp_path / "t.db"))
    assert "1 new, 0 unchanged, 0 failed documents, 1 with the id of an earlier document of this run" in r.stdout
    assert "good: W003" in r.stderr


def test_symlinks_in_a_folder_are_not_followed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD["text"], encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash", encoding="utf-8")
    os.symlink(secret, folder / "passwd.txt")
    os.symlink(tmp_path, folder / "loop")
    assert [d.text for d in read_inputs([str(folder)])] == [GOOD["text"]]
    assert [d.text for d in read_inputs([str(folder / "passwd.txt")])] == [secret.read_text()]  # named: read


def test_a_newer_schema_is_refused_by_the_store(tmp_path):
    path = tmp_path / "n.db"
    Store(path).close()
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'future', '2099-01-01')")
    with pytest.raises(Exception, match="newer than this eventwire"):
        Store(path)


def test_since_with_month_13_is_refused_by_the_store_filters():
    with pytest.raises(ValueError):
        Filters(since="2016-13")


def test_an_impossible_time_in_published_is_unreadable_not_accepted():
    doc = eventwire.extract(GOOD["text"], published="2020-01-01T99:99")
    assert doc.published is None and doc.published_raw == "2020-01-01T99:99"


def test_another_programs_database_gets_no_tables(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE places (name TEXT)")
    with pytest.raises(Exception, match="not an eventwire database"):
        Store(path)
    with sqlite3.connect(path) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["places"]


def test_a_missing_extracted_file_fails_alone(tmp_path):
    good = tmp_path / "x.jsonl"
    good.write_text(json.dumps({"id": "fine", "text": "x", "events": []}) + "\n", encoding="utf-8")
    r = run("ingest", "--extracted", str(tmp_path / "missing.jsonl"), str(good), "--db", str(tmp_path / "t.db"))
    assert r.exit_code == 1 and "1 new, 0 unchanged, 1 failed" in r.stdout and "E008" in r.stderr


def test_a_document_over_the_time_limit_fails_alone(monkeypatch):
    import eventwire.components.events as events  # the chain's component calls extract_events

    real = events.extract_events
    list(eventwire.process([InputDoc(id="warm", text=GOOD["text"])]))  # models loaded outside the limit

    def endless_for_one(doc, **kw):
        while "endless" in doc.text:
            pass
        return real(doc, **kw)
    monkeypatch.setattr(events, "extract_events", endless_for_one)
    monkeypatch.setenv("EVENTWIRE_DOC_TIMEOUT", "2")
    docs = list(eventwire.process([InputDoc(id="a", text=GOOD["text"]),
                                   InputDoc(id="slow", text="Police arrested an endless number of people."),
                                   InputDoc(id="b", text=GOOD["text"])]))
    assert [d.error and d.error.code for d in docs] == [None, "E016", None]
    assert docs[0].events and docs[2].events and "2 seconds of processor time" in docs[1].error.message


def test_a_wrong_meta_charset_is_said_in_the_documents_warnings(tmp_path):
    words = "Полиция задержала двенадцать активистов в центре Москвы в пятницу вечером после акции протеста."
    html = '<html><head><meta charset="iso-8859-1"></head><body><article>' + f"<p>{words}</p>" * 3 + "</article></body></html>"
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1251"))
    doc = json.loads(run("extract", str(path)).stdout)
    assert words in doc["text"] and "W004" in [w["code"] for w in doc["warnings"]]
