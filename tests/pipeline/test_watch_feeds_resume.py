"""`eventwire watch` and addresses given to `ingest`/`extract`, end to end against the test's own
site on 127.0.0.1: new articles fetched and stored once, unchanged feeds cost a 304, a restart
fetches only what was not stored, failures are per-document errors with exit status 1."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.ingest.fetch import Fetcher
from eventwire.store import open_store
from eventwire.store.sqlite import Store
from eventwire.watch import poll
from eventwire.watch_state import WatchState
from http_site import Page, site  # noqa: F401 (the fixture)

STORIES = {
    "/a": ("Police tear-gas protesters in Nairobi", "Police fired tear gas at protesters in Nairobi, Kenya, on Tuesday."),
    "/b": ("Gunmen kill villagers", "Gunmen killed four villagers in Zamfara, Nigeria, on Sunday, police said."),
    "/c": ("Activists arrested", "Police arrested 12 activists in Harare, Zimbabwe, on Friday."),
    "/flaky": ("Troops enter town", "Troops entered the town of Bakhmut, Ukraine, on Thursday, officials said."),
    "/private/d": ("Hidden", "Soldiers clashed with rebels near Goma, Congo, on Monday."),
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _article(path: str) -> Page:
    title, body = STORIES[path]
    return Page(f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"<p>{body}</p><p>{body.replace('on ', 'late on ', 1)}</p></article></body></html>".encode())


def _feed(site, paths, etag) -> Page:
    items = "".join(f"<item><title>{STORIES[p][0]}</title><link>{site.url(p)}</link>"
                    f"<pubDate>Tue, 25 Jun 2024 09:00:00 GMT</pubDate></item>" for p in paths)
    return Page(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode(),
                content_type="application/rss+xml", etag=etag)


@pytest.fixture
def wire(site):
    site.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    for path in STORIES:
        site.pages[path] = _article(path)
    return site


def _fetched(site) -> list[str]:
    return [p for p, _ in site.requests if p not in ("/robots.txt", "/feed")]


def test_watch_stores_new_articles_once_and_resumes_without_refetching(wire, db):
    """On an SQLite file, then on a PostgreSQL database (conftest's `db`)."""
    feed = wire.url("/feed")
    wire.pages["/feed"] = _feed(wire, ["/a", "/b"], etag='"1"')
    r = run("watch", "--once", "--db", db, feed)
    assert r.exit_code == 0, r.output
    assert "2 new articles listed; 2 new, 0 unchanged, 0 failed documents" in r.stderr
    assert _fetched(wire) == ["/a", "/b"]

    # a restart: the feed has not changed (304), nothing is fetched again
    r = run("watch", "--once", "--db", db, feed)
    assert r.exit_code == 0 and "(1 unchanged, 0 failed)" in r.stderr
    assert wire.requests[-1][1]["if-none-match"] == '"1"' and _fetched(wire) == ["/a", "/b"]

    # the feed changes: only the new article is fetched; robots.txt and a 503 are per-document errors
    wire.pages["/feed"] = _feed(wire, ["/c", "/a", "/b", "/private/d", "/flaky"], etag='"2"')
    wire.pages["/flaky"] = Page(b"busy", status=503)
    r = run("watch", "--once", "--db", db, feed)
    assert r.exit_code == 1
    assert "3 new articles listed; 1 new, 0 unchanged, 2 failed documents" in r.stderr
    assert f"{wire.url('/private/d')}: E014" in r.stderr and f"{wire.url('/flaky')}: E013" in r.stderr
    assert _fetched(wire) == ["/a", "/b", "/c", "/flaky"]  # never /private/d

    # the site recovers: the transient failure is tried again, the refused one is not
    wire.pages["/flaky"] = _article("/flaky")
    r = run("watch", "--once", "--db", db, feed)
    assert r.exit_code == 0, r.output
    assert _fetched(wire) == ["/a", "/b", "/c", "/flaky", "/flaky"]

    with open_store(db) as store:
        docs = {d.url: d for d in store.documents(failed=False)}
        status = {url: s for url, s in store.select("SELECT url, status FROM watch_articles")}
    assert set(docs) >= {wire.url(p) for p in ("/a", "/b", "/c", "/flaky")}
    assert docs[wire.url("/a")].published == "2024-06-25"  # the feed's date fills in for the page
    assert status[wire.url("/private/d")] == "failed" and status[wire.url("/flaky")] == "stored"


def test_articles_noted_before_a_crash_are_fetched_after_it(wire, tmp_path):
    db, feed = str(tmp_path / "w.db"), wire.url("/feed")
    wire.pages["/feed"] = _feed(wire, ["/a", "/b"], etag='"1"')
    state = WatchState(Store(db))
    assert poll(feed, Fetcher(timeout=5, delay=0, max_bytes=100_000, user_agent="t"), state) == 2
    state.close()  # killed here: the feed's ETag is saved, its articles not yet fetched
    r = run("watch", "--once", "--db", db, feed)
    assert r.exit_code == 0 and "(1 unchanged, 0 failed)" in r.stderr and "2 new," in r.stderr
    assert _fetched(wire) == ["/a", "/b"]


def test_a_failing_feed_gives_status_1_and_a_long_run_ends_on_ctrl_c_with_its_summary(wire, tmp_path, monkeypatch):
    import time
    import types

    import eventwire.cli_watch as cli_watch

    def interrupted(seconds):
        raise KeyboardInterrupt

    # the pause between polls is where a long run spends its time, so Ctrl-C lands there
    monkeypatch.setattr(cli_watch, "time", types.SimpleNamespace(sleep=interrupted, strftime=time.strftime))
    r = run("watch", "--db", str(tmp_path / "w.db"), wire.url("/no-feed"))
    assert r.exit_code == 1
    assert f"{wire.url('/no-feed')}: E013" in r.stderr and "stopped" in r.stderr
    assert "watch in all: 1 feed polls (0 unchanged, 1 failed)" in r.stderr


def test_watch_takes_addresses_only(tmp_path):
    r = run("watch", "--once", "--db", str(tmp_path / "w.db"), "feed.xml")
    assert r.exit_code == 2 and "not an http(s) address" in r.output
    assert not (tmp_path / "w.db").exists()


def test_an_address_is_extracted_and_ingested_with_per_document_errors(wire, tmp_path):
    r = run("extract", wire.url("/c"))
    assert r.exit_code == 0 and "No such file" not in r.output
    doc = json.loads(r.stdout)
    assert doc["url"] == wire.url("/c") and doc["events"]
    db = str(tmp_path / "i.db")
    r = run("ingest", "--db", db, wire.url("/a"), wire.url("/missing"), wire.url("/private/d"))
    assert r.exit_code == 1
    assert "1 new, 0 unchanged, 2 failed documents" in r.stdout
    assert f"{wire.url('/missing')}: E013" in r.stderr and "HTTP 404" in r.stderr
