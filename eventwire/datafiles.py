"""Reading eventwire/data/: YAML files, and sections of them as typed, frozen records."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_yaml(name: str) -> Any:
    return yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))


def typed(cls: type, values: dict[str, Any], source: str) -> Any:
    """A dataclass record from one section of a data file, each number of its field's type
    (YAML writes 3.0 and 3 alike); a missing or unknown key is an error."""
    out = {}
    for f in dataclasses.fields(cls):
        if f.name not in values:
            raise ValueError(f"{source}: {cls.__name__} needs {f.name!r}")
        v = values[f.name]
        t = f.type if isinstance(f.type, str) else getattr(f.type, "__name__", str(f.type))
        if t == "float":
            v = float(v)
        elif t == "int":
            v = int(v)
        elif t.startswith("tuple[float"):
            v = tuple(float(x) for x in v)
        elif t.startswith("tuple"):
            v = tuple(v)
        elif t == "dict[str, float]":
            v = {k: float(x) for k, x in v.items()}
        out[f.name] = v
    unknown = set(values) - set(out)
    if unknown:
        raise ValueError(f"{source}: unknown {cls.__name__} keys {sorted(unknown)}")
    return cls(**out)
