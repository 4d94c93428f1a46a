"""The GVA shooting reports (../shared/train/gva) as the training scripts read them, and their
split by incident: the `dev` share is held out for measuring (eval/gva.py splits with the same
hash and share, so a script fitting on `fit` never sees a measured incident)."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "train" / "gva"
DEV_PERCENT = 20  # eval/gva.py: the incidents held out for measuring
KM = 50.0  # a place within this of the incident's point is right (eval/gva.py's radius)


def stable_hash(key: str) -> int:
    """A hash that is the same in every run (Python's own is salted per process)."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16)


def split_of(incident: str) -> str:
    return "dev" if stable_hash("gva-split:" + incident) % 100 < DEV_PERCENT else "fit"


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
