"""A batch on a process pool gives what one process gives, in input order; shards extracted
elsewhere are stored as they are, and storing them twice adds nothing."""
import json
import sqlite3

from click.testing import CliRunner

from eventwire.cli import main

DOCS = [
    {"id": "a", "text": "Gunmen killed four villagers in Kaduna state, Nigeria, on Sunday.", "published": "2024-05-06"},
    {"id": "b", "text": "Police fired tear gas at protesters in Nairobi, Kenya, on Tuesday.", "published": "2024-06-26"},
    {"id": "c", "text": 7},
    {"id": "d", "text": "An air strike hit a market in Ariha, Syria, on Monday, killing 12 people.", "published": "2024-03-12"},
]


def run(*args, status=1):
    """Document "c" fails in every run: exit status 1, the other documents done all the same."""
    r = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert r.exit_code == status, r.output
    return r


def _jsonl(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in DOCS) + "\n", encoding="utf-8")
    return path


def test_two_workers_give_what_one_gives_in_order(tmp_path):
    path = _jsonl(tmp_path)
    one = run("extract", "--input", str(path), "--format", "jsonl", "--workers", "1").stdout.splitlines()
    two = run("extract", "--input", str(path), "--format", "jsonl", "--workers", "2").stdout.splitlines()
    assert [json.loads(x)["id"] for x in two] == ["a", "b", "c", "d"]
    assert one == two


def test_extracted_shards_are_stored_once(tmp_path):
    shard = tmp_path / "shard.jsonl"
    shard.write_text(run("extract", "--input", str(_jsonl(tmp_path)), "--format", "jsonl").stdout
                     + "{not json\n" + json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    db = str(tmp_path / "ew.db")
    first = run("ingest", "--extracted", str(shard), "--db", db).output
    assert "3 new, 0 unchanged, 3 failed" in first  # c's error, the broken line, the line without events
    assert "0 new, 3 unchanged" in run("ingest", "--extracted", str(shard), "--db", db).output
    direct = str(tmp_path / "direct.db")
    run("ingest", str(_jsonl(tmp_path)), "--db", direct)

    def events(path):
        with sqlite3.connect(path) as con:
            return sorted(r[0] for r in con.execute("SELECT id FROM events"))
    assert events(db) == events(direct) and events(db)


def test_pool_keeps_input_order_across_chunks():
    from eventwire.batch import process_parallel
    from eventwire.model import InputDoc

    inputs = [InputDoc(id=d["id"], text=d["text"] if isinstance(d["text"], str) else "", published=d.get("published"))
              for d in DOCS]
    got = list(process_parallel(inputs, workers=2, chunk=1))
    assert [d.id for d in got] == ["a", "b", "c", "d"]
    assert got[2].error is not None and got[2].error.code == "E001"  # empty text, reported in place
    assert all(d.events for d in got if d.id != "c")
