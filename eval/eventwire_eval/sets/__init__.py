"""The evaluation sets, one module each, found by listing this folder.

Adding a set is adding one file here that defines:

    NAME = "acled"              # what `eventwire eval NAME` takes
    ORDER = 10                  # where it runs in `eventwire eval all` and stands in the report
    SOURCE = "shared"           # "shared": data in ../shared/eval/NAME (skipped where absent);
                                # "team": data in the checkout (tests/data), always there
    HEADLINE = ("figure", ...)  # the figures echoed and tabled in the report
    QUOTABLE = False            # the set's licence lets the report quote one of its rows
    def run(ctx: Context) -> dict:            # the figures; "n" = documents measured
    def describe(result: dict) -> list[str]:  # the report's lines about this set (may be [])

Floors for its figures, if any, go in eval/floors.json under the set's name.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from ..predictors import Predictor


@dataclass
class Context:
    """What a set's run() may use."""

    name: str
    shared: Path  # ../shared, holding eval/ and tools/
    root: Path  # the checkout
    predict: Predictor  # the system measured (sets that run the pipeline their own way ignore it)
    limit: int | None = None  # only the first rows (sets that cannot be cut ignore it)

    @property
    def folder(self) -> Path:
        """The set's folder in ../shared/eval."""
        return self.shared / "eval" / self.name

    @property
    def team_data(self) -> Path:
        """The team's labelled sets."""
        return self.root / "tests" / "data"


@cache
def registry() -> dict[str, ModuleType]:
    """Every set module by NAME, in ORDER."""
    mods = [importlib.import_module(f"{__name__}.{m.name}") for m in pkgutil.iter_modules(__path__)]
    return {m.NAME: m for m in sorted(mods, key=lambda m: m.ORDER)}
