"""The watcher's memory: a poll notes each address once, an unchanged feed notes nothing, a
transient failure is tried again up to MAX_ATTEMPTS, and a restart sees what was left."""
from __future__ import annotations

import pytest

from eventwire.errors import EventwireError
from eventwire.ingest.fetch import Fetcher
from eventwire.store import open_store
from eventwire.watch import articles, poll
from eventwire.watch_state import MAX_ATTEMPTS, WatchState
from http_site import Page, site  # noqa: F401 (the fixture)


@pytest.fixture
def state(db):
    """The watcher's state in an SQLite file, then in a PostgreSQL database (conftest's `db`)."""
    s = WatchState(open_store(db))
    yield s
    s.close()


def _fetcher() -> Fetcher:
    return Fetcher(timeout=5, delay=0, max_bytes=100_000, user_agent="t")


def _sitemap(site, *paths) -> Page:
    urls = "".join(f"<url><loc>{site.url(p)}</loc><news:news><news:title>T{p}</news:title></news:news></url>"
                   for p in paths)
    return Page(f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'.encode(),
                content_type="application/xml", etag='"s1"')


def test_a_news_sitemap_is_watched_like_a_feed(site, state):
    site.pages["/news.xml"] = _sitemap(site, "/a", "/b")
    f = _fetcher()
    assert poll(site.url("/news.xml"), f, state) == 2
    assert poll(site.url("/news.xml"), f, state) is None  # 304 with the saved ETag
    site.pages["/news.xml"] = _sitemap(site, "/b", "/c")
    site.pages["/news.xml"].etag = '"s2"'
    assert poll(site.url("/news.xml"), f, state) == 1
    assert [(a.url, a.title) for a in state.pending()] == [
        (site.url("/a"), "T/a"), (site.url("/b"), "T/b"), (site.url("/c"), "T/c")]


def test_a_page_that_is_no_feed_is_an_e015_for_the_feed(site, state):
    site.pages["/page"] = Page(b"<html><body><p>hello</p></body></html>")
    with pytest.raises(EventwireError) as info:
        poll(site.url("/page"), _fetcher(), state)
    assert info.value.code == "E015" and state.pending() == []


def test_transient_failures_are_tried_again_then_given_up(site, state):
    site.pages["/news.xml"] = _sitemap(site, "/busy", "/gone")
    site.pages["/busy"] = Page(b"busy", status=503)
    f = _fetcher()
    poll(site.url("/news.xml"), f, state)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        for doc, article, transient in articles(f, state):
            assert doc.error.code == "E013" and transient is (article.url == site.url("/busy"))
            state.done(article.url, document_id=doc.id, error=doc.error.code, transient=transient)
        left = [a.url for a in state.pending()]
        assert left == ([site.url("/busy")] if attempt < MAX_ATTEMPTS else [])
    assert state.counts() == {"failed": 2}
    assert site.asked("/busy") == MAX_ATTEMPTS and site.asked("/gone") == 1


def test_relative_links_in_a_feed_are_made_whole_from_its_address(site, state):
    site.pages["/feed"] = Page(b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
                               b"<item><title>T</title><link>/news/1</link></item></channel></rss>",
                               content_type="application/rss+xml")
    assert poll(site.url("/feed"), _fetcher(), state) == 1
    assert [a.url for a in state.pending()] == [site.url("/news/1")]
