"""Accuracy floors (eval/floors.json): they only move up; `check_floors` lists every figure
below its floor."""
from __future__ import annotations

import json
from pathlib import Path

FLOORS_FILE = Path(__file__).resolve().parents[1] / "floors.json"


def load_floors(kind: str = "full", path: Path = FLOORS_FILE) -> dict[str, dict[str, float]]:
    """kind: "full" (make eval), "smoke" (the first rows, make test), "classifier_full",
    "classifier_smoke" (the classifier alone)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return data[kind]["floors"]


def smoke_limits(kind: str = "smoke", path: Path = FLOORS_FILE) -> dict[str, int | None]:
    """Rows per set for a smoke kind ("smoke" or "classifier_smoke")."""
    return json.loads(Path(path).read_text(encoding="utf-8"))[kind]["limit"]


def check_floors(results: dict[str, dict], floors: dict[str, dict[str, float]]) -> list[str]:
    """One message per figure below its floor (sets absent from results are not checked)."""
    failures = []
    for set_name, metrics in floors.items():
        if set_name not in results:
            continue
        for key, floor in metrics.items():
            value = results[set_name].get(key)
            if value is None or value < floor:
                failures.append(f"{set_name}.{key} = {value} is below its floor {floor}")
    return failures


def raise_floors(floors: dict[str, dict[str, float]], results: dict[str, dict],
                 *, margin: float = 0.01) -> dict[str, dict[str, float]]:
    """Floors moved up to (result - margin) where the system now does better; never down."""
    out = {s: dict(m) for s, m in floors.items()}
    for set_name, metrics in out.items():
        for key, floor in metrics.items():
            value = results.get(set_name, {}).get(key)
            if isinstance(value, (int, float)):
                metrics[key] = max(floor, round(value - margin, 3) if isinstance(value, float) else value)
    return out
