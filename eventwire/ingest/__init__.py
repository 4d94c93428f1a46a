"""Read documents from files, directories, addresses and stdin.

`read_inputs(paths)` yields one `InputDoc` per document, in order: a `.txt` file is one
document, an `.html`/`.htm` page one document, a `.jsonl`/`.ndjson` file one per line, an
RSS/Atom feed (`.rss`, `.atom`, or an `.xml` whose root is a feed) one per entry, a WARC or
WET file (`.warc`, `.wet`, gzipped or not) one per article record; a sitemap (`.xml`) or a URL
list (`.urls`) names pages that are fetched, as is an http(s) address given as an input -
nothing is fetched that the user did not name (ingest/fetch.py). A directory is walked
recursively in sorted order (hidden entries, links, unknown extensions, and the kinds that
would fetch - sitemaps, URL lists - skipped); `-` is stdin with its format sniffed. A document
that cannot be read comes out with `.error` set (codes in eventwire.errors) - the iterator
itself never raises for bad input, so one broken file does not stop a batch.
"""
from __future__ import annotations

import io
import logging
import os
import sys
import zlib
from typing import BinaryIO, Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .feeds import looks_like_feed, read_feed
from .fetch import Fetcher, is_url
from .html import declared_charset, html_page
from .jsonl import read_jsonl
from .remote import read_sitemap, read_url, read_urls
from .sitemaps import looks_like_sitemap
from .text import SNIFF_BYTES, decode_bytes, looks_binary, text_doc, validate_date
from .warc import read_warc

__all__ = ["read_inputs", "read_stream", "read_stdin", "read_bytes", "sniff_format", "validate_date",
           "max_bytes_default", "count_inputs", "kind_of_path", "is_url", "EXTENSIONS"]

log = logging.getLogger(__name__)
EXTENSIONS = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html",
              ".jsonl": "jsonl", ".ndjson": "jsonl", ".rss": "feed", ".atom": "feed", ".xml": "xml",
              ".warc": "warc", ".wet": "warc", ".arc": "warc", ".warc.gz": "warc", ".wet.gz": "warc",
              ".arc.gz": "warc", ".urls": "urls"}
# read in a folder walk: not the kinds that fetch (a URL list, a sitemap) nor any .xml
WALKED = {"text", "html", "jsonl", "feed", "warc"}
# read whole into memory, within max_bytes: one document, or a small file of them
_WHOLE = {"text", "html", "feed", "xml", "sitemap", "urls"}
FORMATS = {"auto", "text", "txt", "html", "jsonl", "feed", "warc"}
DEFAULT_MAX_BYTES = 20_000_000


def max_bytes_default() -> int:
    """The max_bytes setting (EVENTWIRE_MAX_BYTES, the user file) when a positive integer, else 20 MB."""
    from ..settings import get as setting

    value = setting("max_bytes")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_BYTES


def _error_doc(doc_id: str, exc: EventwireError) -> InputDoc:
    return InputDoc(id=doc_id, text="", error=exc.to_error())


def kind_of_path(path: str) -> str | None:
    """The format its name says ("warc" for x.warc.gz), or None for an unknown extension."""
    name = os.path.basename(path).lower()
    double = os.path.splitext(os.path.splitext(name)[0])[1] + os.path.splitext(name)[1]
    return EXTENSIONS.get(double) or EXTENSIONS.get(os.path.splitext(name)[1])


def sniff_format(head: bytes) -> str:
    """"warc" for a WARC record, "jsonl" if the first non-blank character is '{'; for '<':
    "feed" (RSS/Atom), "sitemap", else "html"; else "text"."""
    stripped = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"WARC/") or _gzipped_warc(head):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        return "feed" if looks_like_feed(head) else "sitemap" if looks_like_sitemap(head) else "html"
    return "text"


def _gzipped_warc(head: bytes) -> bool:
    """A gzip stream whose first bytes are a WARC record (Common Crawl's .warc.gz)."""
    if not head.startswith(b"\x1f\x8b"):
        return False
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 16).startswith(b"WARC/")
    except zlib.error:
        return False


def _xml_kind(head: bytes, name: str) -> str:
    """An .xml file: a feed or a sitemap, else E015."""
    if looks_like_feed(head):
        return "feed"
    if looks_like_sitemap(head):
        return "sitemap"
    raise EventwireError("E015", f"{name}: an .xml file that is neither an RSS/Atom feed nor a sitemap")


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
        return html_page(data, declared=declared_charset(data), published=published)
    return text_doc(decode_bytes(data), published=published)


def read_stream(stream: BinaryIO, *, fmt: str = "auto", name: str = "-", published: str | None = None,
                max_bytes: int | None = None) -> Iterator[InputDoc]:
    """Documents from a byte stream (stdin): one text/HTML document, or JSONL lines.

    `fmt` is "auto" (sniffed), "text"/"txt", "html", "jsonl", "feed" or "warc"; `max_bytes`
    defaults to `max_bytes_default()`.
    """
    max_bytes = max_bytes or max_bytes_default()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {sorted(FORMATS)}")
    fmt = "text" if fmt == "txt" else fmt
    try:
        head = _read_upto(stream, SNIFF_BYTES)
        if not head.strip():
            yield _error_doc(name, EventwireError("E001", f"{name}: empty input"))
            return
        if fmt == "auto":
            fmt = sniff_format(head)
        if fmt != "warc" and looks_binary(head, lines=fmt == "jsonl"):
            yield _error_doc(name, EventwireError("E002", f"{name}: binary content"))
            return
        if fmt in ("jsonl", "warc"):
            reader = io.BufferedReader(_Prefixed(head, stream))
            yield from _read_many(reader, fmt=fmt, name=name, published=published, max_bytes=max_bytes)
            return
        data = head + _read_upto(stream, max_bytes + 1 - len(head)) if len(head) <= max_bytes else head
        if len(data) > max_bytes:
            yield _error_doc(name, EventwireError("E004", f"{name}: more than {max_bytes} bytes"))
            return
    except OSError as exc:
        yield _error_doc(name, EventwireError("E008", f"{name}: {exc.strerror or exc}"))
        return
    yield from _read_whole(data, fmt=fmt, name=name, published=published, max_bytes=max_bytes)


read_stdin = read_stream  # the name docs/DEVELOPING.md uses


def _safe_doc(data: bytes, *, fmt: str, name: str, published: str | None) -> InputDoc:
    try:
        return read_bytes(data, fmt=fmt, name=name, published=published)
    except EventwireError as exc:
        detail = exc.detail if exc.detail.startswith(f"{name}:") else f"{name}: {exc.detail}"
        return _error_doc(name, EventwireError(exc.code, detail))


def _read_many(stream: BinaryIO, *, fmt: str, name: str, published: str | None,
               max_bytes: int) -> Iterator[InputDoc]:
    """A stream of many documents, read as it goes (the size limit is per line or record)."""
    if fmt == "warc":
        yield from read_warc(stream, name=name, published=published, max_bytes=max_bytes)
    else:
        yield from read_jsonl(stream, name=name, published=published, max_bytes=max_bytes)


def _read_whole(data: bytes, *, fmt: str, name: str, published: str | None, max_bytes: int,
                fetcher: Fetcher | None = None) -> Iterator[InputDoc]:
    """A file read whole: one text/HTML document, a feed's entries, or the pages a sitemap or a
    URL list names (fetched)."""
    if fmt == "xml":
        try:
            fmt = _xml_kind(data[:SNIFF_BYTES], name)
        except EventwireError as exc:
            yield _error_doc(name, exc)
            return
    if fmt == "feed":
        yield from read_feed(data, name=name, published=published)
    elif fmt in ("sitemap", "urls"):
        fetcher = fetcher or Fetcher.from_settings(max_bytes=max_bytes)
        if fmt == "sitemap":
            yield from read_sitemap(data, fetcher, name=name)
        else:
            yield from read_urls(data, fetcher, name=name, published=published)
    else:
        yield _safe_doc(data, fmt=fmt, name=name, published=published)


def _read_file(path: str, *, fmt: str | None, published: str | None, max_bytes: int,
               fetcher: Fetcher | None = None) -> Iterator[InputDoc]:
    try:
        st = os.stat(path)
        if not os.path.isfile(path):
            raise EventwireError("E008", f"{path}: not a regular file")
        if st.st_size == 0:
            raise EventwireError("E001", f"{path}: empty file")
        with open(path, "rb") as fh:
            head = _read_upto(fh, SNIFF_BYTES)
            fmt = fmt or sniff_format(head)
            # a JSONL batch or a crawl may be any size (the limit is per line or record);
            # anything else is refused from its size alone, before it is read
            if fmt in _WHOLE and st.st_size > max_bytes:
                raise EventwireError("E004", f"{path}: {st.st_size} bytes, limit {max_bytes}")
            if fmt != "warc" and looks_binary(head, lines=fmt == "jsonl"):
                raise EventwireError("E002", f"{path}: binary content")
            if fmt in ("jsonl", "warc"):
                fh.seek(0)
                yield from _read_many(fh, fmt=fmt, name=path, published=published, max_bytes=max_bytes)
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
    yield from _read_whole(data, fmt=fmt, name=path, published=published, max_bytes=max_bytes, fetcher=fetcher)


def count_inputs(paths: list[str], *, max_scan_bytes: int = 2_000_000_000) -> int | None:
    """About how many documents read_inputs(paths) gives (JSONL lines counted, blank ones too),
    for a progress total; None for stdin or when counting would mean reading over
    `max_scan_bytes` of JSONL."""
    total, scanned = 0, 0
    for path in paths:
        if path == "-":
            return None
        if is_url(path):
            return None
        for file in _walk(path, report=False) if os.path.isdir(path) else [path]:
            kind = kind_of_path(file)
            if kind in ("feed", "xml", "warc", "urls"):
                return None  # a feed, a crawl or a list of addresses: unknown until read
            if kind != "jsonl":
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
    """Files under root of a kind read in a walk (WALKED), sorted by path (a/x before b/ before c),
    hidden entries and symbolic links skipped: a link in a folder of articles may point
    anywhere (/etc/passwd); a link named on the command line is read."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for f in filenames:
            path = os.path.join(dirpath, f)
            if f.startswith(".") or kind_of_path(f) not in WALKED:
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

    `published` overrides the date of text and HTML documents (a file or an address) and fills
    in the documents of a batch (JSONL lines, feed entries, WARC records, listed pages) that
    have none (an unreadable one leaves the date empty, with warning W001).
    `max_bytes` (per text/HTML/feed file, per JSONL line, WARC record or fetched page) defaults to `max_bytes_default()`.
    """
    max_bytes = max_bytes or max_bytes_default()
    fetcher = None  # one per run, made when an address is met: robots.txt and delays span the run
    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, name="-", published=published, max_bytes=max_bytes)
        elif is_url(path):
            fetcher = fetcher or Fetcher.from_settings(max_bytes=max_bytes)
            yield from read_url(path, fetcher, published=published, max_bytes=max_bytes)
        elif os.path.isdir(path):
            for file in _walk(path):
                yield from _read_file(file, fmt=kind_of_path(file), published=published, max_bytes=max_bytes)
        else:
            if kind_of_path(path) in ("urls", "xml"):
                fetcher = fetcher or Fetcher.from_settings(max_bytes=max_bytes)
            yield from _read_file(path, fmt=kind_of_path(path), published=published, max_bytes=max_bytes,
                                  fetcher=fetcher)
