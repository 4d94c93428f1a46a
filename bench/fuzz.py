"""The larger fuzz run of issue 11 (the small one is tests/pipeline/test_fuzz_inputs.py, in `make test`).

Builds a corpus in a temporary folder: every input of the issue's crash run (lone surrogates in
each field, JSON nested 5,000 deep, a NUL in a JSONL file's first 8 KB, lines sharing an id, a
document over 1,000,000 characters, a 10k-word unpunctuated sentence, HTML nested 1,000 deep, a
page with a wrong <meta charset>, a symlink to a file outside the folder, impossible dates, wrongly
typed and huge values for `ingest --extracted`) and N seeded random mutations of the demo
articles and of JSONL lines (bytes flipped, cut, repeated, spliced). Then runs the CLI as a user
would (`extract`, `ingest`, `ingest --extracted`, `events`, `export`) and checks: exit status 0
or 1, no traceback, one output document per JSONL input line, the store's integrity_check ok,
nothing from outside the folder stored.

    .venv/bin/python bench/fuzz.py [--mutations 200] [--seed 0] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "Police arrested 12 activists in Harare, Zimbabwe, on Friday, witnesses said."
SECRET = "root:x:0:0:fuzz-secret:/root:/bin/bash"


def _jsonl(path: Path, rows: list) -> None:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")


def fixed_inputs(folder: Path, outside: Path) -> None:
    """Every input of the issue 11 crash run, each beside a good document."""
    _jsonl(folder / "surrogates.jsonl", [
        '{"text": "\\ud800"}', '{"id": "t", "text": "Police held 12 \\udc00 people."}',
        '{"id": "a\\ud800", "text": "x"}', '{"id": "u", "text": "x y z", "title": "\\udfff"}',
        '{"id": "v", "text": "x y z", "url": "http://x/\\ud83d"}', {"id": "good1", "text": GOOD}])
    _jsonl(folder / "nested.jsonl", ["[" * 5000 + "]" * 5000, '{"a": ' * 5000 + "1" + "}" * 5000,
                                     {"id": "good2", "text": GOOD}])
    (folder / "nul.jsonl").write_bytes(b'{"id": "n", "text": "a\x00b"}\n' + json.dumps({"id": "good3", "text": GOOD}).encode() + b"\n")
    _jsonl(folder / "same_id.jsonl", [{"id": "same", "text": GOOD}, {"id": "same", "text": GOOD + " Again."}])
    _jsonl(folder / "dates.jsonl", [{"id": "d1", "text": GOOD, "published": "2020-01-01T99:99"},
                                    {"id": "d2", "text": GOOD, "published": {"a": 1}},
                                    {"id": "d3", "text": GOOD, "published": "Wed Nov 23, 2016 | 3:02pm EST"}])
    _jsonl(folder / "huge.jsonl", [{"id": "huge", "text": "Protesters marched. " * 60_000}, {"id": "good4", "text": GOOD}])
    rng = random.Random(1)
    words = "police protesters attacked the village near Kano and soldiers fired at the crowd".split()
    (folder / "long_sentence.txt").write_text(" ".join(rng.choice(words) for _ in range(10_000)), encoding="utf-8")
    article = f"<p>{GOOD}</p><p>The march ended near the parliament building in the afternoon.</p>"
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 1000 + article + "</div>" * 1000 + "</body></html>",
                                      encoding="utf-8")
    ru = "Полиция задержала двенадцать активистов в центре Москвы в пятницу вечером после акции протеста."
    (folder / "charset.html").write_bytes(
        ('<html><head><meta charset="iso-8859-1"></head><body><article>' + f"<p>{ru}</p>" * 3
         + "</article></body></html>").encode("cp1251"))
    (folder / "secret.txt").symlink_to(outside)
    (folder / "binary.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 20)


def extracted_inputs(path: Path) -> None:
    _jsonl(path, [{"id": "t", "title": {"a": 1}, "events": []}, {"id": "p", "published": {"a": 1}, "events": []},
                  {"id": "r", "actors": [{"text": {"a": 1}}], "events": []}, {"id": "e", "events": [{"id": ["x"]}]},
                  '{"id": "i", "events": [{"id": "ev", "fatalities": {"best": 1e400}}]}',
                  {"id": "j", "events": [{"id": "ev", "fatalities": {"best": 10 ** 20}}]},
                  '{"id": "s\\ud800", "events": []}', "[" * 5000 + "]" * 5000,
                  {"id": "fine", "text": "x", "events": [{"id": "ev_fine", "fatalities": {"best": 3}}]}])


def _mutate(data: bytes, rng: random.Random, donors: list[bytes]) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op = rng.choice("flip cut repeat splice insert".split())
        i = rng.randrange(max(1, len(data)))
        if op == "flip" and data:
            data[i] = rng.randrange(256)
        elif op == "cut":
            del data[i:i + rng.randint(1, 200)]
        elif op == "repeat":
            data[i:i] = data[i:i + rng.randint(1, 50)] * rng.randint(2, 40)
        elif op == "splice":
            donor = rng.choice(donors)
            j = rng.randrange(max(1, len(donor)))
            data[i:i] = donor[j:j + rng.randint(1, 300)]
        else:
            data[i:i] = rng.choice([b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"<div>" * 50, b"\\ud800", b"\r", b"\x1b[31m",
                                    b'{"text": ', b"]]]]", "é".encode("cp1252"), b"\n"])
    return bytes(data)


def mutated_inputs(folder: Path, n: int, seed: int) -> int:
    """n mutated documents: demo articles as files, and JSONL lines in one batch file. Returns the
    number of lines of that batch."""
    rng = random.Random(seed)
    donors = [p.read_bytes() for p in sorted((ROOT / "demo").iterdir()) if p.suffix in {".txt", ".html"}]
    lines = []
    for k in range(n):
        if k % 2:
            src = rng.choice(sorted(p for p in (ROOT / "demo").iterdir() if p.suffix in {".txt", ".html"}))
            (folder / f"m{k}{src.suffix}").write_bytes(_mutate(src.read_bytes(), rng, donors))
        else:
            row = json.dumps({"id": f"j{k}", "text": rng.choice(donors).decode("utf-8", "replace")[:3000],
                              "published": rng.choice(["2024-05-03", "17 December 2016", "bogus", None])})
            line = _mutate(row.encode(), rng, donors).replace(b"\n", b" ")
            lines.append(line)
    (folder / "mutated.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    return len(lines)


def run(args: list[str], problems: list[str], *, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.argv[0]='eventwire'; main()", *args]
    t = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, input=stdin, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=3600)
    err = r.stderr.decode("utf-8", "replace")
    print(f"  {' '.join(args)[:90]:<90} exit {r.returncode}  {time.perf_counter() - t:6.1f} s")
    if r.returncode not in (0, 1):
        problems.append(f"{args}: exit status {r.returncode}")
    if "Traceback" in err:
        problems.append(f"{args}: traceback\n{err[-2000:]}")
    return r


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mutations", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--keep", help="build the corpus in this folder and leave it there")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(a.keep or tmp)
        folder, outside = work / "corpus", work / "outside.txt"
        folder.mkdir(parents=True, exist_ok=True)
        outside.write_text(SECRET, encoding="utf-8")
        fixed_inputs(folder, outside)
        n_lines = mutated_inputs(folder, a.mutations, a.seed)
        extracted_inputs(work / "extracted.jsonl")
        db, problems = work / "fuzz.db", []
        print(f"corpus: {len(list(folder.iterdir()))} files in {folder}")
        r = run(["extract", "--input", str(folder / "mutated.jsonl"), "--format", "jsonl"], problems)
        out = r.stdout.decode("utf-8", "replace").splitlines()
        if len(out) != n_lines:
            problems.append(f"extract: {len(out)} documents out for {n_lines} JSONL lines in")
        (work / "out.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
        run(["ingest", str(folder), "--db", str(db)], problems)
        run(["ingest", str(folder), "--db", str(db)], problems)  # again: nothing new, nothing lost
        run(["ingest", "--extracted", str(work / "out.jsonl"), str(work / "extracted.jsonl"), "--db", str(db)], problems)
        run(["events", "--db", str(db), "--format", "jsonl"], problems)
        run(["export", "--db", str(db), "--format", "acled-csv", "-o", str(work / "x.csv")], problems)
        with sqlite3.connect(db) as con:
            if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                problems.append("integrity_check failed")
            if con.execute("SELECT COUNT(*) FROM documents WHERE text LIKE ?", (f"%{SECRET}%",)).fetchone()[0]:
                problems.append("a file outside the folder was stored through a symlink")
            print(f"store: {con.execute('SELECT COUNT(*) FROM documents').fetchone()[0]} documents")
    print("\n".join(problems) if problems else "fuzz: no problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
