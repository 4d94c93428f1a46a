"""Export stored events or incidents for pandas, R, QGIS, spreadsheets and other event data.

`export(store, fmt, out, what="events", filters=Filters(...))` writes one file and returns the
number of rows (features, lines, records) written. One module per format:

- acled.py   acled-csv: ACLED's 31 columns as ACLED codes them (only events ACLED would code:
             an ACLED type, a date, a country); text cells a spreadsheet would run as a
             formula get a leading "'" (cells.py).
- ucdp.py    ucdp-csv: UCDP GED's columns for events of organised violence with deaths.
- plover.py  plover-json: PLOVER's JSON records, one a line.
- tables.py  jsonl (the records as the store gives them), geojson (Points with the flat row
             as properties) and parquet (the flat rows, typed, as GeoParquet).

The mapping knowledge (ACLED's actor names and codes, UCDP's precision codes, PLOVER's
sectors) is in data/acled.yaml, data/acled_periods.json, data/ucdp.yaml and data/plover.yaml.
"""
from __future__ import annotations

import importlib
import pathlib
from typing import IO, Any

from ..filters import Filters
from .cells import open_text, safe_cell

__all__ = ["ACLED_COLUMNS", "FORMATS", "WHATS", "export", "safe_cell"]

# format -> (module, writer); modules are imported when used (the CLI imports this package to
# list the formats, and the writers read their data files).
_WRITERS = {"acled-csv": ("acled", "write"), "ucdp-csv": ("ucdp", "write"), "plover-json": ("plover", "write"),
            "jsonl": ("tables", "jsonl"), "geojson": ("tables", "geojson"), "parquet": ("tables", "parquet")}
FORMATS = tuple(_WRITERS)
WHATS = ("events", "incidents", "documents")
_EVENTS_ONLY = ("ucdp-csv", "plover-json")  # one record per report: an incident is not one


def export(store: Any, fmt: str, out: str | pathlib.Path | IO, *, what: str = "events",
           filters: Filters | None = None) -> int:
    """Write `what` ("events" | "incidents" | "documents") of `store` that `filters` select as
    `fmt` to `out` (a path, or an open file: text for the text formats, binary for parquet);
    return how many rows were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if what not in WHATS:
        raise ValueError(f"unknown export content {what!r}; one of {', '.join(WHATS)}")
    if what == "documents" and fmt != "jsonl":
        raise ValueError("documents export only as jsonl; use what='events' for flat formats")
    if what == "incidents" and fmt in _EVENTS_ONLY:
        raise ValueError(f"{fmt} holds events: use what='events'")
    filters = filters or Filters()
    module, name = _WRITERS[fmt]
    writer = getattr(importlib.import_module(f".{module}", __name__), name)
    if fmt == "parquet":
        return writer(store, out, what, filters)
    with open_text(out) as stream:
        return writer(store, stream, what, filters)


def __getattr__(name: str):
    if name == "ACLED_COLUMNS":
        from .acled import ACLED_COLUMNS

        return ACLED_COLUMNS
    raise AttributeError(name)
