"""The fetcher behaves: robots.txt obeyed (RFC 9309), one host asked at most every `delay`
seconds, conditional requests, time and size limits, http(s)-only redirects. Only the test's
own server on 127.0.0.1 is ever asked."""
from __future__ import annotations

import gzip

import pytest

from eventwire.ingest.fetch import Fetcher, FetchError, is_url
from http_site import Page, site  # noqa: F401 (the fixture)


def _fetcher(**kw) -> Fetcher:
    args = {"timeout": 5.0, "delay": 0.0, "max_bytes": 100_000, "user_agent": "eventwire-test/1"} | kw
    return Fetcher(**args)


def test_a_page_is_fetched_with_our_user_agent_and_robots_read_once(site):
    site.pages["/a"] = Page(b"<p>hello</p>")
    site.pages["/b"] = Page(b"plain", content_type="text/plain; charset=latin-1")
    f = _fetcher()
    a, b = f.get(site.url("/a")), f.get(site.url("/b"))
    assert (a.status, a.body, a.content_type) == (200, b"<p>hello</p>", "text/html")
    assert b.charset == "latin-1"
    assert site.asked("/robots.txt") == 1  # a missing robots.txt (404) allows all, and is remembered
    assert all(h["user-agent"] == "eventwire-test/1" for _, h in site.requests)


def test_robots_txt_disallow_is_obeyed_for_our_agent_only(site):
    site.pages["/robots.txt"] = Page(b"User-agent: eventwire-test\nDisallow: /private\n\nUser-agent: *\nAllow: /\n",
                                     content_type="text/plain")
    site.pages["/private/x"] = Page(b"secret")
    site.pages["/public"] = Page(b"ok")
    f = _fetcher()
    with pytest.raises(FetchError) as info:
        f.get(site.url("/private/x"))
    assert info.value.code == "E014" and not info.value.transient and "robots.txt" in info.value.detail
    assert site.asked("/private/x") == 0
    assert f.get(site.url("/public")).body == b"ok"
    assert _fetcher(user_agent="other/1").get(site.url("/private/x")).body == b"secret"


def test_an_unreachable_robots_txt_forbids_everything_for_now(site):
    site.pages["/robots.txt"] = Page(b"oops", status=503)
    site.pages["/a"] = Page(b"ok")
    with pytest.raises(FetchError) as info:
        _fetcher().get(site.url("/a"))
    assert info.value.code == "E014" and info.value.transient and "503" in info.value.detail
    assert site.asked("/a") == 0


def test_requests_to_one_host_wait_for_the_delay_and_the_crawl_delay(site):
    site.pages["/robots.txt"] = Page(b"User-agent: *\nCrawl-delay: 5\n", content_type="text/plain")
    site.pages["/a"] = Page(b"ok")
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(round(seconds, 3))
        now[0] += seconds

    f = _fetcher(delay=1.0, clock=lambda: now[0], sleep=sleep)
    f.get(site.url("/a"))  # robots.txt, then /a five seconds later (its Crawl-delay beats our 1 s)
    f.get(site.url("/a"))
    assert slept == [5.0, 5.0]


def test_conditional_get_gives_304_without_a_body(site):
    site.pages["/feed"] = Page(b"<rss/>", etag='"v1"', last_modified="Tue, 25 Jun 2024 10:00:00 GMT")
    f = _fetcher()
    first = f.get(site.url("/feed"))
    assert first.headers["etag"] == '"v1"'
    again = f.get(site.url("/feed"), etag='"v1"')
    assert (again.status, again.body) == (304, b"")
    assert f.get(site.url("/feed"), modified="Tue, 25 Jun 2024 10:00:00 GMT").status == 304
    assert site.requests[-1][1]["if-modified-since"] == "Tue, 25 Jun 2024 10:00:00 GMT"


@pytest.mark.parametrize("page, code, transient", [
    (Page(b"missing", status=404), "E013", False),
    (Page(b"busy", status=503), "E013", True),
    (Page(b"x" * 200_000), "E004", False),
    (Page(b"slow", wait=1.5), "E013", True),
])
def test_failures_are_coded_and_say_whether_trying_again_may_help(site, page, code, transient):
    site.pages["/x"] = page
    with pytest.raises(FetchError) as info:
        _fetcher(timeout=0.5).get(site.url("/x"))
    assert (info.value.code, info.value.transient) == (code, transient)
    assert info.value.detail.startswith(site.url("/x"))


def test_a_gzipped_answer_is_inflated_within_the_size_limit(site):
    site.pages["/z"] = Page(gzip.compress(b"<p>fine</p>"), headers={"Content-Encoding": "gzip"})
    site.pages["/bomb"] = Page(gzip.compress(b"0" * 5_000_000), headers={"Content-Encoding": "gzip"})
    f = _fetcher()
    assert f.get(site.url("/z")).body == b"<p>fine</p>"
    with pytest.raises(FetchError) as info:
        f.get(site.url("/bomb"))
    assert info.value.code == "E004"


def test_redirects_are_followed_on_http_only_and_counted(site):
    site.pages["/old"] = Page(b"", status=301, headers={"Location": "/new"})
    site.pages["/new"] = Page(b"here")
    site.pages["/file"] = Page(b"", status=302, headers={"Location": "file:///etc/passwd"})
    site.pages["/loop"] = Page(b"", status=302, headers={"Location": "/loop"})
    f = _fetcher()
    got = f.get(site.url("/old"))
    assert (got.url, got.body) == (site.url("/new"), b"here")
    for path, words in (("/file", "not an http(s) address"), ("/loop", "redirects")):
        with pytest.raises(FetchError) as info:
            f.get(site.url(path))
        assert words in info.value.detail


def test_a_closed_port_is_a_transient_network_error():
    with pytest.raises(FetchError) as info:
        _fetcher(timeout=2).get("http://127.0.0.1:9/a")
    assert info.value.code == "E013" and info.value.transient and "did not answer" in info.value.detail


@pytest.mark.parametrize("value, want", [("http://a.example/x", True), ("HTTPS://a.example", True),
                                         ("ftp://a.example", False), ("a.txt", False), ("http:/x", False)])
def test_only_http_and_https_are_addresses(value, want):
    assert is_url(value) is want


@pytest.mark.parametrize("delay, timeout, want", [("0.5", "3", (0.5, 3.0)), ("soon", "-1", (2.0, 20.0)),
                                                  ("nan", "0", (2.0, 20.0))])
def test_fetch_settings_are_read_and_a_bad_one_falls_back_to_its_default(monkeypatch, delay, timeout, want):
    monkeypatch.setenv("EVENTWIRE_FETCH_DELAY", delay)
    monkeypatch.setenv("EVENTWIRE_FETCH_TIMEOUT", timeout)
    f = Fetcher.from_settings(max_bytes=10)
    assert (f.delay, f.timeout) == want
    assert Fetcher.from_settings(max_bytes=10, delay=0, timeout=1).delay == 0
