"""Document JSONL: one {"id","text","published","title","url","source"} object per line.

Read line by line, so a batch file may be far larger than memory; the size limit
applies to each line (one document), not to the whole file. A bad line becomes a
document with an error and the batch goes on; blank lines are skipped; order is kept.
"""
from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .text import decode_bytes, escape_surrogates, has_surrogate, make_id, published_value

_CHUNK = 1 << 16


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over max_bytes (skipped
    without holding it in memory)."""
    number = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the oversized line
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, None
            continue
        yield number, line


_FIELDS = ("id", "text", "title", "url", "source", "published")


def _load(text: str) -> object:
    """json.loads that also turns too-deep nesting ("[[[[…" 5,000 deep) into a JSONDecodeError."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise json.JSONDecodeError("nested too deeply", text, 0) from exc


def _optional_str(obj: dict, key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def parse_line(raw: bytes, *, name: str, number: int, published: str | None = None) -> InputDoc:
    """One JSONL line -> InputDoc (raises EventwireError for a bad line)."""
    text_line = decode_bytes(raw)
    try:
        obj = _load(text_line)
    except json.JSONDecodeError as exc:
        raise EventwireError("E005", f"{name}:{number}: not JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise EventwireError("E005", f"{name}:{number}: not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str):
        raise EventwireError("E005", f"{name}:{number}: no 'text' string")
    for key in _FIELDS:
        if isinstance(obj.get(key), str) and has_surrogate(obj[key]):
            raise EventwireError("E011", f"{name}:{number}: '{key}' holds a lone surrogate")
    doc_id = _optional_str(obj, "id") or make_id(text)
    doc = InputDoc(id=doc_id, text=text, title=_optional_str(obj, "title"), url=_optional_str(obj, "url"),
                   source=_optional_str(obj, "source"))
    if not text.strip():
        doc.error = EventwireError("E001", f"{name}:{number}: empty text").to_error()
        return doc
    # the line's own date wins (as written when unreadable: the pipeline warns); the caller's
    # date fills in when the line has none
    doc.published = published_value(obj.get("published")) or published_value(published)
    return doc


def _line_id(raw: bytes, name: str, number: int) -> str:
    """Best-effort id for a bad line: its own "id" when that much parses."""
    try:
        obj = _load(raw.decode("utf-8"))
        if isinstance(obj, dict) and obj.get("id") is not None:
            return escape_surrogates(str(obj["id"]))
    except (ValueError, UnicodeDecodeError):
        pass
    return f"{name}:{number}"


def read_jsonl(stream: BinaryIO, *, name: str = "-", published: str | None = None,
               max_bytes: int = 20_000_000) -> Iterator[InputDoc]:
    """Documents of a JSONL byte stream, in order; never raises for a bad line."""
    for number, raw in _lines(stream, max_bytes):
        if raw is None:
            err = EventwireError("E004", f"{name}:{number}: line longer than {max_bytes} bytes")
            yield InputDoc(id=f"{name}:{number}", text="", error=err.to_error())
            continue
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, name=name, number=number, published=published)
        except EventwireError as exc:
            detail = exc.detail if exc.detail.startswith(f"{name}:") else f"{name}:{number}: {exc.detail}"
            yield InputDoc(id=_line_id(raw, name, number), text="", error=EventwireError(exc.code, detail).to_error())


def read_extracted(stream: BinaryIO, *, name: str = "-", max_bytes: int = 200_000_000
                   ) -> Iterator[tuple[int, dict | None, str | None]]:
    """Lines of `eventwire extract --format jsonl` output: (line number, document dict, None),
    or (line number, None, why) for a line that is not one. Lets shards extracted elsewhere
    (a cluster) be stored without running the pipeline again."""
    for number, raw in _lines(stream, max_bytes):
        if raw is None:
            yield number, None, f"{name}:{number}: line longer than {max_bytes} bytes"
            continue
        if not raw.strip():
            continue
        try:
            obj = _load(decode_bytes(raw))
        except (json.JSONDecodeError, EventwireError) as exc:
            yield number, None, f"{name}:{number}: not JSON ({exc})"
            continue
        if not (isinstance(obj, dict) and isinstance(obj.get("id"), str) and isinstance(obj.get("events"), list)):
            yield number, None, f"{name}:{number}: not an extracted document (needs 'id' and 'events')"
            continue
        yield number, obj, None
