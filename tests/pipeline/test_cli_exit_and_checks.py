"""The CLI is honest: failed documents give exit status 1 and a summary; what a user types is
checked with a hint; a missing database is not created; no traceback reaches the user."""
import io
import json
import os
import sqlite3

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.progress import Progress

GOOD = "Police arrested 12 activists in Harare, Zimbabwe, on Friday."


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "t.db"
    src = path.parent / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(src), "--db", str(path), "--published", "2024-05-03").exit_code == 0
    return str(path)


def test_failed_documents_give_status_1_and_a_summary(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": GOOD}) + "\n{broken\n", encoding="utf-8")
    r = run("extract", "--input", str(path))
    assert r.exit_code == 1 and r.stderr.splitlines()[-1] == "2 documents, 1 failed"
    r = run("ingest", str(path), "--db", str(tmp_path / "t.db"))
    assert r.exit_code == 1 and "1 new, 0 unchanged, 1 failed documents" in r.stdout
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(good), "--db", str(tmp_path / "t.db")).exit_code == 0


@pytest.mark.parametrize("command", ["events", "incidents"])
def test_read_commands_refuse_a_missing_database_and_create_none(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    r = run(command, "--db", "typo.db")
    assert r.exit_code == 2 and "no database at typo.db" in r.output
    assert os.listdir(tmp_path) == []
    r = run("export", "--db", "typo.db", "--format", "jsonl", "-o", "out.jsonl")
    assert r.exit_code == 2 and os.listdir(tmp_path) == []


def test_a_database_url_is_refused_clearly(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["events"], ["ingest", "x.txt"]):
        r = run(*args, "--db", "mysql://user@host/events")
        assert r.exit_code == 2 and "mysql:// databases are not supported" in r.output
        assert "postgresql:// URL" in r.output
    url = "postgresql://user:secret@127.0.0.1:1/events"  # no server there
    for args in (["serve"], ["watch", "https://feeds.example/rss"]):
        r = run(*args, "--db", url)
        assert r.exit_code == 2 and "cannot connect to postgresql://user:***@127.0.0.1:1/events" in r.output
        assert "secret" not in r.output and "Traceback" not in r.output
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("option, value, hint", [
    ("--near", "100,200,50", "latitude 100 is outside -90..90"),
    ("--near", "10,20,-5", "radius"),
    ("--near", "10,20", "LAT,LON,KM"),
    ("--near", "nan,1,1", "LAT,LON,KM"),
    ("--since", "2024-99-01", "YYYY-MM-DD"),
    ("--since", "2016-13", "YYYY-MM-DD"),
    ("--until", "yesterday", "YYYY-MM-DD"),
    ("--country", "Kenya", "Kenya is KEN"),
    ("--country", "KE", "Kenya is KEN"),
    ("--country", "XXX", "ISO 3166-1 alpha-3"),
    ("--type", "Battle", "Battles"),
    ("--sub-type", "airstrike", "Air/drone strike"),
    ("--limit", "-1", "-1"),
    ("--min-quality", "1.5", "a number from 0 to 1"),
    ("--min-quality", "good", "a number from 0 to 1"),
])
def test_filters_are_checked_with_a_hint(db, option, value, hint):
    r = run("events", "--db", db, option, value)
    assert r.exit_code == 2 and hint in r.output and "Traceback" not in r.output


def test_good_filters_pass(db):
    for args in (["--country", "zwe"], ["--since", "2024", "--until", "2024-05"], ["--near", "-17.8,31.05,50"],
                 ["--type", "coerce"], ["--sub-type", "Arrests"], ["--min-quality", "0.1"]):
        r = run("events", "--db", db, *args)
        assert r.exit_code == 0 and "(1 events)" in r.stdout, args
    r = run("events", "--db", db, "--since", "2024-06", "--until", "2024-05")
    assert r.exit_code == 2 and "is after" in r.output


def test_exports_never_touch_the_database_or_a_missing_folder(db, tmp_path):
    before = open(db, "rb").read()
    r = run("export", "--db", db, "--format", "acled-csv", "-o", db)
    assert r.exit_code == 2 and "the database itself" in r.output and open(db, "rb").read() == before
    r = run("export", "--db", db, "--format", "acled-csv", "-o", str(tmp_path / "missing" / "e.csv"))
    assert r.exit_code == 2 and "does not exist" in r.output
    r = run("export", "--db", db, "--format", "parquet", "-o", "-")
    assert r.exit_code == 2 and "not -" in r.output


def test_an_export_onto_a_named_pipe_writes_into_it_and_leaves_it_a_pipe(db, tmp_path):
    # -o /dev/stdout or a FIFO: the export once replaced it with a file (as root, even /dev/full)
    import stat
    import threading

    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(pipe, encoding="utf-8").read()), daemon=True)
    reader.start()
    r = run("export", "--db", db, "--format", "jsonl", "-o", str(pipe))
    if not got:  # the export never opened the pipe: let the reader go before failing
        with open(pipe, "w"):
            pass
    reader.join(10)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and r.exit_code == 0
    assert got and '"event_type"' in got[0] and os.listdir(tmp_path) == ["pipe"]


def test_a_failed_export_leaves_the_previous_file(db, tmp_path, monkeypatch):
    out = tmp_path / "e.csv"
    assert run("export", "--db", db, "--format", "acled-csv", "-o", str(out)).exit_code == 0
    good = out.read_text(encoding="utf-8")

    def broken(store, fmt, stream, **kw):
        with open(stream, "w", encoding="utf-8") as fh:
            fh.write("half a file")
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("eventwire.export.export", broken)
    r = run("export", "--db", db, "--format", "acled-csv", "-o", str(out))
    assert r.exit_code == 2 and "No space left on device" in r.output and "Traceback" not in r.output
    assert out.read_text(encoding="utf-8") == good and os.listdir(tmp_path) == ["e.csv"]


def test_an_unexpected_error_is_one_line_and_v_shows_the_traceback(db, monkeypatch):
    def boom(*a, **kw):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr("eventwire.store.sqlite.Store.events", boom)
    r = run("events", "--db", db)
    assert r.exit_code == 2 and "disk on fire" in r.output and "Traceback" not in r.output
    assert len(r.output.strip().splitlines()) == 1
    r = run("-v", "events", "--db", db)
    assert r.exit_code == 2 and "Traceback" in r.output


def test_a_newer_database_is_refused(tmp_path):
    path = tmp_path / "new.db"
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    run("ingest", str(src), "--db", str(path))
    with sqlite3.connect(path) as con:
        con.execute("INSERT INTO schema_migrations VALUES (999, 'from the future', '2099-01-01')")
    r = run("events", "--db", str(path))
    assert r.exit_code == 2 and "newer than this eventwire" in r.output
    r = run("ingest", str(src), "--db", str(path))
    assert r.exit_code == 2 and "newer than this eventwire" in r.output


def test_db_is_a_file_path_never_an_sqlite_uri(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert run("ingest", str(src), "--db", "file:x.db?mode=memory").exit_code == 0
    assert "file:x.db?mode=memory" in os.listdir(tmp_path)  # a file of that very name, not a URI


def test_quiet_prints_no_summary_and_no_warnings(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "a", "text": GOOD, "published": "soon"}) + "\n", encoding="utf-8")
    r = run("-q", "extract", "--input", str(path))
    assert r.exit_code == 0 and r.stderr == "" and json.loads(r.stdout)["warnings"][0]["code"] == "W001"


def test_progress_off_a_terminal_is_plain_periodic_lines():
    stream = io.StringIO()
    progress = Progress(4, stream=stream, every=0.0)
    for _ in range(4):
        progress.update()
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4 and "\r" not in stream.getvalue()
    assert lines[0].startswith("documents: 1/4 (25%)") and "left" in lines[1]  # a rate from the 2nd on
    assert Progress(None, stream=io.StringIO()).line(2.0).startswith("documents: 0")
