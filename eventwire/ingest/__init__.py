"""Read documents from files, directories and stdin.

`read_inputs(paths)` yields one `InputDoc` per document, in order: a `.txt` file is one
document, an `.html`/`.htm` page one document, a `.jsonl`/`.ndjson` file one per line;
a directory is walked recursively in sorted order (hidden entries and unknown
extensions skipped); `-` is stdin with its format sniffed. A document that cannot be
read comes out with `.error` set (codes in eventwire.errors) - the iterator itself never
raises for bad input, so one broken file does not stop a batch.
"""
from __future__ import annotations

import io
import logging
import os
import sys
from typing import BinaryIO, Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .html import declared_charset, html_doc
from .jsonl import read_jsonl
from .text import SNIFF_BYTES, decode_bytes, looks_binary, text_doc, validate_date

__all__ = ["read_inputs", "read_stream", "read_stdin", "read_bytes", "sniff_format", "validate_date",
           "max_bytes_default", "count_inputs", "EXTENSIONS"]

log = logging.getLogger(__name__)
EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
              ".jsonl": "jsonl", ".ndjson": "jsonl"}
FORMATS = {"auto", "text", "txt", "html", "jsonl"}
DEFAULT_MAX_BYTES = 20_000_000


def max_bytes_default() -> int:
    """The max_bytes setting (EVENTWIRE_MAX_BYTES, the user file) when a positive integer, else 20 MB."""
    from ..settings import get as setting

    value = setting("max_bytes")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BYTES


def _error_doc(doc_id: str, exc: EventwireError) -> InputDoc:
    return InputDoc(id=doc_id, text="", error=exc.to_error())


def sniff_format(head: bytes) -> str:
    """"jsonl" if the first non-blank character is '{', "html" if '<', else "text"."""
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "html"
    return "text"


def _read_upto(stream: BinaryIO, n: int) -> bytes:
    """Up to n bytes (fewer only at end of stream), for streams that return short reads."""
    parts, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


class _Prefixed(io.RawIOBase):
    """A stream with some already-read bytes put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_bytes(data: bytes, *, fmt: str, name: str = "-", published: str | None = None) -> InputDoc:
    """One text or HTML document from its bytes (raises EventwireError for bad input)."""
    if not data.strip():
        raise EventwireError("E001", f"{name}: empty")
    if fmt == "html":
        return html_doc(decode_bytes(data, declared=declared_charset(data)), published=published)
    return text_doc(decode_bytes(data), published=published)


def read_stream(stream: BinaryIO, *, fmt: str = "auto", name: str = "-", published: str | None = None,
                max_bytes: int | None = None) -> Iterator[InputDoc]:
    """Documents from a byte stream (stdin): one text/HTML document, or JSONL lines.

    `fmt` is "auto" (sniffed), "text"/"txt", "html" or "jsonl"; `max_bytes` defaults to
    `max_bytes_default()`.
    """
    max_bytes = max_bytes or max_bytes_default()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {sorted(FORMATS)}")
    try:
        head = _read_upto(stream, SNIFF_BYTES)
        if not head.strip():
            yield _error_doc(name, EventwireError("E001", f"{name}: empty input"))
            return
        if fmt == "auto":
            fmt = sniff_format(head)
        if looks_binary(head, lines=fmt == "jsonl"):
            yield _error_doc(name, EventwireError("E002", f"{name}: binary content"))
            return
        if fmt == "jsonl":
            reader = io.BufferedReader(_Prefixed(head, stream))
            yield from read_jsonl(reader, name=name, published=published, max_bytes=max_bytes)
            return
        data = head + _read_upto(stream, max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
        if len(data) > max_bytes:
            yield _error_doc(name, EventwireError("E004", f"{name}: more than {max_bytes} bytes"))
            return
    except OSError as exc:
        yield _error_doc(name, EventwireError("E008", f"{name}: {exc.strerror or exc}"))
        return
    yield _safe_doc(data, fmt="html" if fmt == "html" else "text", name=name, published=published)


read_stdin = read_stream  # the name docs/DEVELOPING.md uses


def _safe_doc(data: bytes, *, fmt: str, name: str, published: str | None) -> InputDoc:
    try:
        return read_bytes(data, fmt=fmt, name=name, published=published)
    except EventwireError as exc:
        detail = exc.detail if exc.detail.startswith(f"{name}:") else f"{name}: {exc.detail}"
        return _error_doc(name, EventwireError(exc.code, detail))


def _read_file(path: str, *, fmt: str | None, published: str | None, max_bytes: int) -> Iterator[InputDoc]:
    try:
        st = os.stat(path)
        if not os.path.isfile(path):
            raise EventwireError("E008", f"{path}: not a regular file")
        if st.st_size == 0:
            raise EventwireError("E001", f"{path}: empty file")
        with open(path, "rb") as fh:
            head = _read_upto(fh, SNIFF_BYTES)
            fmt = fmt or sniff_format(head)
            # a JSONL batch may be any size (the limit is per line); anything else is
            # refused from its size alone, before it is read
            if fmt != "jsonl" and st.st_size > max_bytes:
                raise EventwireError("E004", f"{path}: {st.st_size} bytes, limit {max_bytes}")
            if looks_binary(head, lines=fmt == "jsonl"):
                raise EventwireError("E002", f"{path}: binary content")
            if fmt == "jsonl":
                fh.seek(0)
                yield from read_jsonl(fh, name=path, published=published, max_bytes=max_bytes)
                return
            data = head + _read_upto(fh, max_bytes + 1 - len(head))
        if len(data) > max_bytes:  # grew while we read it
            raise EventwireError("E004", f"{path}: more than {max_bytes} bytes")
    except EventwireError as exc:
        yield _error_doc(path, exc)
        return
    except OSError as exc:
        yield _error_doc(path, EventwireError("E008", f"{path}: {exc.strerror or exc}"))
        return
    yield _safe_doc(data, fmt=fmt, name=path, published=published)


def count_inputs(paths: list[str], *, max_scan_bytes: int = 2_000_000_000) -> int | None:
    """About how many documents read_inputs(paths) gives (JSONL lines counted, blank ones too),
    for a progress total; None for stdin or when counting would mean reading over
    `max_scan_bytes` of JSONL."""
    total, scanned = 0, 0
    for path in paths:
        if path == "-":
            return None
        for file in _walk(path, report=False) if os.path.isdir(path) else [path]:
            if EXTENSIONS.get(os.path.splitext(file)[1].lower()) != "jsonl":
                total += 1
                continue
            try:
                scanned += os.path.getsize(file)
                if scanned > max_scan_bytes:
                    return None
                total += _count_lines(file)
            except OSError:
                total += 1  # read_inputs reports it as one failed document
    return total


def _count_lines(path: str) -> int:
    lines, last = 0, b"\n"
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")


def _walk(root: str, *, report: bool = True) -> list[str]:
    """Files under root with a known extension, sorted by path (a/x before b/ before c),
    hidden entries and symbolic links skipped: a link in a folder of articles may point
    anywhere (/etc/passwd); a link named on the command line is read."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            path = os.path.join(dirpath, f)
            if f.startswith(".") or os.path.splitext(f)[1].lower() not in EXTENSIONS:
                continue
            if os.path.islink(path):
                if report:
                    log.warning("skipped %s: a symbolic link (name it on the command line to read it)", path)
                continue
            found.append(path)
    return sorted(found, key=lambda p: os.path.relpath(p, root).split(os.sep))


def read_inputs(paths: list[str], *, published: str | None = None,
                max_bytes: int | None = None) -> Iterator[InputDoc]:
    """Documents from files, directories and `-` (stdin), in the order given.

    `published` overrides the date of text and HTML documents and fills in JSONL lines that
    have none (an unreadable one leaves the date empty, with warning W001).
    `max_bytes` (per text/HTML file, per JSONL line) defaults to `max_bytes_default()`.
    """
    max_bytes = max_bytes or max_bytes_default()
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, name="-", published=published, max_bytes=max_bytes)
        elif os.path.isdir(path):
            for file in _walk(path):
                yield from _read_file(file, fmt=EXTENSIONS[os.path.splitext(file)[1].lower()],
                                      published=published, max_bytes=max_bytes)
        else:
            ext = os.path.splitext(path)[1].lower()
            yield from _read_file(path, fmt=EXTENSIONS.get(ext), published=published, max_bytes=max_bytes)
