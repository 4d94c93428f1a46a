"""RSS and Atom feeds (feedparser): one document per entry that carries its own text.

An entry's text is its full content (content:encoded, Atom <content>) or else its summary,
HTML through the same reading as a page (ingest/html.py), with the entry's title as the first
line; its link, date and the feed's title go with it. An entry with no text of its own is a
failed document that says so: nothing is fetched while reading a feed (`eventwire watch FEED`
fetches the articles a feed links). `parse_feed` gives the entries to the watcher.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Iterator

from ..errors import EventwireError
from ..model import InputDoc
from .html import html_doc, same_line
from .text import make_id, published_value, text_doc

# The first element of the document, past the XML prolog, comments and doctype.
_ROOT = re.compile(rb"<(?![?!])\s*([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_FEED_ROOTS = {b"rss", b"feed", b"rdf"}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def root_element(head: bytes) -> str | None:
    """The local name of the first element ("rss", "feed", "urlset"…), lower-case, or None."""
    m = _ROOT.search(head.lstrip(b"\xef\xbb\xbf")[:4096])
    return m.group(2).lower().decode("ascii") if m else None


def looks_like_feed(head: bytes) -> bool:
    """True when the first element is <rss>, <feed> (Atom) or <rdf:RDF> (RSS 1.0)."""
    root = root_element(head)
    return root is not None and root.encode() in _FEED_ROOTS


@dataclass(frozen=True)
class Entry:
    url: str | None
    title: str | None
    published: str | None  # as the feed writes it (RFC 2822 or ISO 8601)
    content: str | None    # the entry's own text: full content, else the summary
    is_html: bool


@dataclass(frozen=True)
class Feed:
    title: str | None
    entries: list[Entry]


def parse_feed(data: bytes, *, name: str = "-", base: str | None = None) -> Feed:
    """The feed's title and entries in feed order; raises EventwireError E015 for bytes that
    are no feed. feedparser is given the bytes, never a string it could take for an address;
    `base` (the feed's own address) makes relative links ("/news/1") whole."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": base} if base else None)
    if not parsed.entries and not parsed.feed and not looks_like_feed(data[:4096]):
        why = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "no feed elements")()
        raise EventwireError("E015", f"{name}: not an RSS or Atom feed ({why})")
    entries = [_entry(e) for e in parsed.entries]
    return Feed(title=(parsed.feed.get("title") or "").strip() or None, entries=entries)


def _entry(e) -> Entry:
    content, ctype = None, None
    for part in e.get("content") or []:  # several parts: the longest is the article
        if (part.get("value") or "").strip() and len(part["value"]) > len(content or ""):
            content, ctype = part["value"], part.get("type")
    if content is None and (e.get("summary") or "").strip():
        content, ctype = e["summary"], (e.get("summary_detail") or {}).get("type")
    return Entry(url=(e.get("link") or "").strip() or None, title=(e.get("title") or "").strip() or None,
                 published=e.get("published") or e.get("updated") or None, content=content,
                 is_html=(ctype or "text/html").lower() in _HTML_TYPES)


def entry_doc(entry: Entry, *, source: str | None, published: str | None = None) -> InputDoc:
    """One entry as a document (raises EventwireError E001/E006 when it has no text)."""
    if not (entry.content or "").strip():
        raise EventwireError("E001", "the entry has no text in the feed (`eventwire watch FEED` fetches its article)")
    if entry.is_html:
        body = html_doc(f"<html><body><article>{entry.content}</article></body></html>").text
    else:
        body = text_doc(entry.content).text
    title = entry.title
    text = body if not title or same_line(body.split("\n", 1)[0], title) else f"{title}\n\n{body}"
    return InputDoc(id=make_id(text), text=text, title=title or None, url=entry.url, source=source,
                    published=published_value(entry.published) or published_value(published))


def read_feed(data: bytes, *, name: str, published: str | None = None, base: str | None = None
              ) -> Iterator[InputDoc]:
    """One document per entry, in feed order; a bad entry is a failed document, a bad feed one
    failed document for the file. `published` fills in entries that carry no date."""
    try:
        feed = parse_feed(data, name=name, base=base)
    except EventwireError as exc:
        yield InputDoc(id=name, text="", error=exc.to_error())
        return
    for number, entry in enumerate(feed.entries, 1):
        try:
            yield entry_doc(entry, source=feed.title, published=published)
        except EventwireError as exc:
            where = entry.url or f"{name}#{number}"
            yield InputDoc(id=where, text="", title=entry.title, url=entry.url,
                           error=EventwireError(exc.code, f"{where}: {exc.detail}").to_error())
