"""Addresses as inputs: a URL a user gives, and the pages a URL list or a sitemap names.

What came back is read by its kind: an HTML page or plain text is one document; a feed, a
sitemap, a WARC or a document-JSONL file is read as the file of that kind would be (the pages a
sitemap lists are fetched in turn; a feed's entries give their own text, its links are not
followed). A fetch that fails is one failed document whose id is the address.
"""
from __future__ import annotations

import io
from typing import Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .feeds import looks_like_feed, read_feed
from .fetch import Fetched, Fetcher, is_url
from .html import declared_charset, html_page
from .jsonl import read_jsonl
from .sitemaps import looks_like_sitemap, parse_sitemap
from .text import decode_bytes, looks_binary, published_value, text_doc
from .urllists import read_url_list
from .warc import WARC_MAGIC, read_warc

_FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml"}
_XML_TYPES = {"application/xml", "text/xml"}
_JSONL_TYPES = {"application/jsonl", "application/x-ndjson", "application/ndjson", "application/jsonlines"}
_WARC_TYPES = {"application/warc"}
_GZIP = b"\x1f\x8b"
MAX_SITEMAP_DEPTH = 1  # an index of sitemaps is followed; an index inside an index is not


def failed_doc(where: str, exc: EventwireError) -> InputDoc:
    """A failed document for an address (or a line of a list): the error says where."""
    detail = exc.detail if exc.detail.startswith(where) else f"{where}: {exc.detail}"
    return InputDoc(id=where, text="", url=where if is_url(where) else None,
                    error=EventwireError(exc.code, detail).to_error())


def kind_of(page: Fetched) -> str:
    """feed | sitemap | warc | jsonl | html | text, from the answer's type and first bytes."""
    ctype, head = page.content_type, page.body[:4096]
    path = page.url.split("?", 1)[0].lower()
    if ctype in _WARC_TYPES or head.startswith(WARC_MAGIC) or path.endswith((".warc.gz", ".wet.gz")):
        return "warc"
    if ctype in _JSONL_TYPES or path.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if ctype in _FEED_TYPES or ctype in _XML_TYPES or head.lstrip().startswith(b"<"):
        if looks_like_feed(head):
            return "feed"
        if looks_like_sitemap(head):
            return "sitemap"
    return "text" if ctype == "text/plain" else "html"


def page_doc(page: Fetched, *, published: str | None = None, title: str | None = None) -> InputDoc:
    """One fetched HTML or text page as a document (raises EventwireError for a bad page).
    `published` (a listing's date for it) fills in when the page carries none."""
    if looks_binary(page.body[:8192]):
        raise EventwireError("E002", f"binary content ({page.content_type or 'no content type'})")
    if not page.body.strip():
        raise EventwireError("E001", "empty page")
    if kind_of(page) == "text":
        doc = text_doc(decode_bytes(page.body))
    else:
        doc = html_page(page.body, declared=page.charset or declared_charset(page.body))
    doc.url = doc.url or page.url
    doc.title = doc.title or title
    doc.published = doc.published or published_value(published)
    return doc


def fetch_page(url: str, fetcher: Fetcher, *, published: str | None = None, title: str | None = None) -> InputDoc:
    """The article at `url` as a document; a failure is a failed document (id: the address)."""
    try:
        return page_doc(fetcher.get(url), published=published, title=title)
    except EventwireError as exc:
        return failed_doc(url, exc)


def read_url(url: str, fetcher: Fetcher, *, published: str | None = None, max_bytes: int) -> Iterator[InputDoc]:
    """The documents at an address a user gave, read by what it turns out to be."""
    try:
        page = fetcher.get(url)
    except EventwireError as exc:
        yield failed_doc(url, exc)
        return
    kind = kind_of(page)
    if kind == "warc":
        yield from read_warc(io.BytesIO(page.body), name=url, published=published, max_bytes=max_bytes)
    elif kind == "jsonl":
        yield from read_jsonl(io.BytesIO(page.body), name=url, published=published, max_bytes=max_bytes)
    elif kind == "feed":
        yield from read_feed(page.body, name=url, published=published, base=page.url)
    elif kind == "sitemap":
        yield from read_sitemap(page.body, fetcher, name=url)
    else:
        try:
            doc = page_doc(page)
            doc.published = published_value(published) or doc.published  # as for a file: the user's date wins
            yield doc
        except EventwireError as exc:
            yield failed_doc(url, exc)


def read_sitemap(data: bytes, fetcher: Fetcher, *, name: str, depth: int = 0) -> Iterator[InputDoc]:
    """The pages a sitemap lists, fetched in order (an index: its sitemaps' pages)."""
    try:
        if data.startswith(_GZIP):
            raise EventwireError("E015", "a gzipped sitemap: unzip it first")
        sitemap = parse_sitemap(data, name=name)
    except EventwireError as exc:
        yield failed_doc(name, exc)
        return
    for page in sitemap.pages:
        yield fetch_page(page.url, fetcher, published=page.published, title=page.title)
    for child in sitemap.sitemaps:
        if depth >= MAX_SITEMAP_DEPTH:
            yield failed_doc(child, EventwireError("E015", f"a sitemap index inside a sitemap index ({name})"))
            continue
        try:
            body = fetcher.get(child).body
        except EventwireError as exc:
            yield failed_doc(child, exc)
            continue
        yield from read_sitemap(body, fetcher, name=child, depth=depth + 1)


def read_urls(data: bytes, fetcher: Fetcher, *, name: str, published: str | None = None) -> Iterator[InputDoc]:
    """The pages of a URL list, fetched in order; a line that is no address is a failed document."""
    try:
        lines = list(read_url_list(data))
    except EventwireError as exc:
        yield failed_doc(name, exc)
        return
    for number, line, ok in lines:
        if not ok:
            where = f"{name}:{number}"
            yield failed_doc(where, EventwireError("E015", f"{line[:80]!r} is not an http(s) address"))
            continue
        yield fetch_page(line, fetcher, published=published)
