"""The CLI end to end: extract, a bad-input batch, idempotent ingest, queries and exports."""
import csv
import json
import sqlite3

import pytest
from click.testing import CliRunner

from eventwire.cli import main

ARTICLE = ("Shelling kills nine in Sudan's El Fasher\n\n"
           "Artillery shells struck a crowded market in El Fasher, Sudan, on Tuesday, killing nine "
           "civilians, including two children, medics said.\n\n"
           "Share\n\n"
           "The army and the Rapid Support Forces blamed each other for the attack.\n")


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (tmp_path / "latin.txt").write_bytes("Protesters marched in Bogot\xe1, Colombia, on Monday.".encode("latin-1") + b"\xff\xfe\x00")
    (tmp_path / "broken.html").write_text("<html><head><title>x</title></head><body><div><script>var a=1;</script>", encoding="utf-8")
    docs = [{"id": "j1", "text": "Police arrested 12 activists in Harare, Zimbabwe, on Friday.", "published": "2024-05-03"},
            {"id": "j2", "text": 42}, "not an object"]
    (tmp_path / "batch.jsonl").write_text("\n".join(json.dumps(d) for d in docs) + "\n{broken json\n", encoding="utf-8")
    return tmp_path


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def test_extract_prints_the_contract_json(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    r = run("extract", str(path), "--published", "2024-06-12")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert doc["removed"][0]["text"] == "Share" and doc["removed"][0]["reason"] == "boilerplate"
    ev = next(e for e in doc["events"] if e["sub_event_type"] == "Shelling/artillery/missile attack"
              and "Artillery" in e["evidence"]["sentence"])
    assert ev["fatalities"]["best"] == 9 and ev["date"]["start"] == "2024-06-11"
    assert doc["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["sentence"]


def test_jsonl_batch_keeps_order_and_reports_bad_lines(folder):
    r = run("extract", "--input", str(folder / "batch.jsonl"), "--format", "jsonl")
    assert r.exit_code == 1 and r.stderr.splitlines()[-1] == "4 documents, 3 failed"
    lines = [json.loads(x) for x in r.stdout.splitlines() if x.strip()]
    assert len(lines) == 4
    assert lines[0]["id"] == "j1" and lines[0]["error"] is None and lines[0]["events"]
    assert all(x["error"] and x["error"]["code"].startswith("E") for x in lines[1:])


def test_stdin_jsonl_with_null_date():
    line = json.dumps({"id": "s", "text": "Gunmen killed four villagers in Zamfara, Nigeria, on Sunday.", "published": None})
    r = run("extract", "--input", "-", "--format", "jsonl", input=line + "\n")
    doc = json.loads(r.stdout.splitlines()[0])
    assert doc["events"][0]["date"]["precision"] == "unresolved"


def test_bad_input_batch_stores_the_good_documents_and_reports_the_rest(folder, tmp_path):
    big = folder / "big.txt"
    with open(big, "wb") as f:  # 50 MB, written sparsely
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"a")
    db = str(tmp_path / "t.db")
    r = run("ingest", str(folder), "--db", db)
    assert r.exit_code == 1, r.output  # the failed documents; the good ones are stored
    con = sqlite3.connect(db)
    ok = con.execute("select count(*) from documents where error is null or error = '' or error = 'null'").fetchone()[0]
    assert ok >= 2  # good.txt and j1 (latin-1 text is decoded or reported, never crashes)
    out = r.output + (r.stderr if r.stderr_bytes is not None else "")
    for code in ("E001", "E002", "E004"):
        assert code in out


def test_ingest_twice_adds_nothing_and_queries_and_exports_work(folder, tmp_path):
    db = str(tmp_path / "t.db")
    src = str(folder / "good.txt")
    run("ingest", src, "--db", db, "--published", "2024-06-12")
    con = sqlite3.connect(db)
    counts = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "events")]
    r = run("ingest", src, "--db", db, "--published", "2024-06-12")
    assert "0 new, 1 unchanged" in r.output
    assert counts == [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "events")]

    r = run("events", "--db", db, "--format", "jsonl", "--country", "SDN")
    rows = [json.loads(x) for x in r.output.splitlines()]
    assert rows and all(x["location"]["country"] == "SDN" for x in rows)
    r = run("events", "--db", db, "--near", "13.63,25.35,30")
    assert "El Fasher" in r.output
    assert "(0 events)" in run("events", "--db", db, "--near", "0,0,10").output

    out = tmp_path / "e.csv"
    run("export", "--db", db, "--format", "acled-csv", "-o", str(out))
    rows = list(csv.DictReader(open(out, encoding="utf-8")))
    assert any(r["sub_event_type"] == "Shelling/artillery/missile attack" and r["fatalities"] == "9" for r in rows)
    gj = tmp_path / "e.geojson"
    run("export", "--db", db, "--format", "geojson", "-o", str(gj))
    assert json.loads(gj.read_text())["type"] == "FeatureCollection"


def test_table_output_escapes_terminal_control_sequences(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text("Police arrested 3 men in Lagos, Nigeria, on Monday \x1b[31mRED\x1b]0;pwned\x07.", encoding="utf-8")
    db = str(tmp_path / "t.db")
    run("ingest", str(path), "--db", db, "--published", "2024-06-12")
    r = run("events", "--db", db)
    assert "\x1b" not in r.output and "\x07" not in r.output
