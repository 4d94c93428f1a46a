"""Reading an evaluation set's JSONL files into the pipeline's inputs."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from eventwire.model import InputDoc


def read_jsonl(path: str | Path) -> list[dict]:
    with Path(path).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def to_inputs(rows: Iterable[dict]) -> list[InputDoc]:
    return [InputDoc(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                     url=r.get("url"), source=r.get("source")) for r in rows]


def load_set(folder: Path, limit: int | None) -> tuple[list[dict], dict[str, dict]]:
    """The first `limit` rows of docs.jsonl that have gold, and the gold rows by id."""
    rows = read_jsonl(folder / "docs.jsonl")[:limit]
    gold = {g["id"]: g for g in read_jsonl(folder / "gold.jsonl")}
    return [r for r in rows if r["id"] in gold], gold
