"""Watching feeds: poll each one politely, note the articles it lists that are new, fetch them.

`poll(feed, fetcher, state)` asks for a feed (RSS/Atom, or a news sitemap) with its saved
ETag/Last-Modified, and saves the addresses it lists as pending (watch_state.py); `articles(
fetcher, state)` yields each pending article as a document, fetched through the same reading as
an address given to `ingest` (ingest/remote.py), with whether a failure may pass if tried again.
The caller stores each document and then marks it done, so a restart fetches only what was not
stored. Every request goes through one Fetcher: robots.txt, per-host delay, time and size limits.
"""
from __future__ import annotations

import logging
from typing import Iterator

from .errors import EventwireError
from .ingest.feeds import parse_feed
from .ingest.fetch import Fetched, Fetcher, FetchError
from .ingest.remote import failed_doc, kind_of, page_doc
from .ingest.sitemaps import parse_sitemap
from .model import InputDoc
from .watch_state import Article, FeedMark, WatchState

log = logging.getLogger(__name__)


def _listed(feed: str, page: Fetched) -> list[Article]:
    kind, body = kind_of(page), page.body
    if kind == "feed":
        entries = parse_feed(body, name=feed, base=page.url).entries
        unlinked = sum(1 for e in entries if not e.url)
        if unlinked:
            log.info("%s: %d entries without a link passed over", feed, unlinked)
        return [Article(e.url, feed, e.title, e.published) for e in entries if e.url]
    if kind == "sitemap":
        return [Article(p.url, feed, p.title, p.published) for p in parse_sitemap(body, name=feed).pages]
    raise EventwireError("E015", f"{feed}: neither an RSS/Atom feed nor a sitemap")


def poll(feed: str, fetcher: Fetcher, state: WatchState) -> int | None:
    """Poll one feed; the number of new articles noted, None when it had not changed (HTTP 304).
    Raises EventwireError when the feed cannot be fetched or read."""
    mark = state.feed(feed)
    page = fetcher.get(feed, etag=mark.etag, modified=mark.last_modified)
    if page.status == 304:
        state.polled(feed, 304, None, [])
        return None
    articles = _listed(feed, page)
    fresh = FeedMark(page.headers.get("etag"), page.headers.get("last-modified"))
    return state.polled(feed, page.status, fresh, articles)


def articles(fetcher: Fetcher, state: WatchState) -> Iterator[tuple[InputDoc, Article, bool]]:
    """(document, its article, transient) for each pending article, oldest first; a failed
    fetch is a failed document (id: the address), transient when trying again may work."""
    for article in state.pending():
        try:
            page = fetcher.get(article.url)
            doc = page_doc(page, published=article.published, title=article.title)
            transient = False
        except EventwireError as exc:
            doc = failed_doc(article.url, exc)
            transient = isinstance(exc, FetchError) and exc.transient
        yield doc, article, transient
