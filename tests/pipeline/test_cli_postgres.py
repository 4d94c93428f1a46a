"""`--db postgresql://…`: ingest, events, incidents and export give what they give on an SQLite
file; a rerun adds nothing; a server that is not there is one clear line."""
import json

from click.testing import CliRunner

from eventwire.cli import main

ARTICLES = {
    "harare.txt": "Police arrested 12 activists in Harare, Zimbabwe, on Friday.",
    "aleppo.txt": "Airstrikes killed 19 civilians in Aleppo on Tuesday, activists said.",
    "aleppo2.txt": "At least 19 civilians were killed in air strikes on Aleppo on Tuesday, a monitor said.",
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_postgres_database_works_as_an_sqlite_file(tmp_path, postgres_url):
    paths = []
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    lite = str(tmp_path / "ew.db")
    for db in (lite, postgres_url):
        r = run("ingest", *paths, "--db", db, "--published", "2024-05-03")
        assert r.exit_code == 0 and "3 new, 0 unchanged, 0 failed" in r.stdout, r.output
    again = run("ingest", *paths, "--db", postgres_url.replace("eventwire@", "eventwire:pw@"),
                "--published", "2024-05-03")  # the test server trusts any password
    assert "0 new, 3 unchanged" in again.stdout and "pw@" not in again.stdout and ":***@" in again.stdout
    for command in (["events", "--format", "jsonl"], ["incidents", "--format", "jsonl"],
                    ["events", "--country", "syr", "--format", "jsonl"]):
        got = [run(*command, "--db", db).stdout for db in (lite, postgres_url)]
        assert got[0] == got[1] and got[0].strip(), command
    for fmt in ("jsonl", "geojson", "ucdp-csv"):
        outs = [tmp_path / f"{i}.{fmt}" for i in (0, 1)]
        for db, out in zip((lite, postgres_url), outs):
            assert run("export", "--db", db, "--format", fmt, "-o", str(out)).exit_code == 0
        assert outs[0].read_bytes() == outs[1].read_bytes(), fmt
    assert json.loads(run("events", "--db", postgres_url, "--format", "jsonl").stdout.splitlines()[0])["id"]


def test_postgres_server_not_there_is_one_line():
    r = run("events", "--db", "postgresql://eventwire:secret@127.0.0.1:1/none")
    assert r.exit_code == 2 and "cannot connect to postgresql://eventwire:***@127.0.0.1:1/none" in r.output
    assert "secret" not in r.output and "Traceback" not in r.output
