"""WARC and WET files (warcio), plain or gzipped, as Common Crawl writes them.

CC-NEWS and other crawls: each `response` record of a page fetched with HTTP 200 and an HTML
or plain-text body is one document (its address in `url`); requests, redirects, errors,
images and PDFs are passed over. WET files: each `conversion` record (the text Common Crawl
extracted) is one plain-text document. `resource` records holding HTML or text count too.
Records are read one at a time, so a crawl file may be far larger than memory; the size limit
applies to each record. The crawl date is not the publication date: the page's own metadata
gives that (ingest/html.py).
"""
from __future__ import annotations

import logging
import zlib
from typing import BinaryIO, Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .fetch import charset_of, media_type
from .html import declared_charset, html_page
from .text import decode_bytes, published_value, text_doc

log = logging.getLogger(__name__)

WARC_MAGIC = b"WARC/"
_HTML = {"text/html", "application/xhtml+xml"}
_TEXT = {"text/plain"}


def _kind(content_type: str | None) -> str | None:
    base = media_type(content_type)
    return "html" if base in _HTML else "text" if base in _TEXT else None


def _wanted(record) -> tuple[str | None, str | None]:
    """(html | text | None, the content type) of one record."""
    if record.rec_type == "conversion":
        return "text", record.rec_headers.get_header("Content-Type")
    if record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type")
        return _kind(ctype), ctype
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None, None
        ctype = record.http_headers.get_header("Content-Type")
        return _kind(ctype), ctype
    return None, None


def _doc(data: bytes, kind: str, ctype: str | None, url: str | None, published: str | None) -> InputDoc:
    if not data.strip():
        raise EventwireError("E001", "empty record")
    if kind == "html":
        doc = html_page(data, declared=charset_of(ctype) or declared_charset(data))
    else:
        doc = text_doc(decode_bytes(data))
    doc.url = url or doc.url
    doc.published = doc.published or published_value(published)
    return doc


def read_warc(stream: BinaryIO, *, name: str, published: str | None = None,
              max_bytes: int = 20_000_000) -> Iterator[InputDoc]:
    """Documents of a WARC/WET stream, in record order; never raises for a bad record or file.
    `published` fills in documents whose page carries no date."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number, skipped = 0, 0
    records = ArchiveIterator(stream, arc2warc=True)
    # warcio writes a warning per bad record length straight to stderr, with bytes of the
    # record: silenced here, counted in the log line below
    records.INC_RECORD = ""
    try:
        for record in records:
            number += 1
            kind, ctype = _wanted(record)
            if kind is None:
                skipped += 1
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = url or record.rec_headers.get_header("WARC-Record-ID") or f"{name}#{number}"
            data = record.content_stream().read(max_bytes + 1)
            try:
                if len(data) > max_bytes:
                    raise EventwireError("E004", f"record larger than {max_bytes} bytes")
                yield _doc(data, kind, ctype, url, published)
            except EventwireError as exc:
                yield InputDoc(id=where, text="", url=url,
                               error=EventwireError(exc.code, f"{where}: {exc.detail}").to_error())
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError, AttributeError, TypeError) as exc:
        # warcio meets a broken record header with whatever its parsing hits (AttributeError
        # on a record with no address): all of them mean the file cannot be read on
        detail = f"{name}: not readable as WARC after {number} records ({type(exc).__name__}: {exc})"
        yield InputDoc(id=f"{name}#{number + 1}", text="", error=EventwireError("E015", detail).to_error())
    if getattr(records, "err_count", 0):
        log.warning("%s: %d records with a wrong Content-Length (read on from the next record)", name,
                    records.err_count)
    log.info("%s: %d records read, %d passed over (requests, redirects, non-article types)", name, number, skipped)
