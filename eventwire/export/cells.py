"""What every text export shares: cells no spreadsheet runs as a formula, and the output
opened as text (a path) or used as it is (an open stream)."""
from __future__ import annotations

import contextlib
import pathlib
from collections.abc import Iterator
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    """A CSV cell that no spreadsheet runs as a formula, on one line; numbers pass as they are.
    Article text is untrusted: a cell starting like a formula gets a leading "'"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if not isinstance(value, str):
        return value
    text = value.replace("\x00", "").replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    if text.lstrip(" ")[:1] in _FORMULA_START or text[:1] in _FORMULA_START:
        text = "'" + text
    return text


@contextlib.contextmanager
def open_text(out: str | pathlib.Path | IO) -> Iterator[IO[str]]:
    if isinstance(out, (str, pathlib.Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out
