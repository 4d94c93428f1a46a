"""Addresses as inputs: a URL a user gives is fetched and read by what it is (page, text, feed,
sitemap, crawl); a URL list or a sitemap has its pages fetched; each failure is one failed
document named by its address; nothing is fetched that the user did not name."""
from __future__ import annotations

import pytest

import warc_files as w
from eventwire.ingest import count_inputs, read_inputs
from http_site import Page, site  # noqa: F401 (the fixture)

ARTICLE = (b"<html><head><title>Police tear-gas protesters | Wire</title>"
           b'<meta property="article:published_time" content="2024-06-25T18:05:00+03:00"></head><body><article>'
           b"<p>Police fired tear gas at hundreds of protesters in Nairobi on Tuesday, witnesses said.</p>"
           b"<p>At least 20 people were arrested after the march on parliament.</p></article></body></html>")
UNDATED = (b"<html><body><article><p>Troops entered the town on Thursday after days of fighting, "
           b"residents said.</p><p>The army said it controlled the centre.</p></article></body></html>")


def _feed(site) -> bytes:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Troops enter town</title><link>{site.url('/b')}</link><pubDate>Thu, 27 Jun 2024 09:00:00 GMT</pubDate>
<description>Troops entered the town on Thursday after days of fighting, residents said.</description></item>
</channel></rss>""".encode()


def _sitemap(site, *paths) -> bytes:
    urls = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in paths)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def test_a_page_address_is_fetched_and_read_as_html(site):
    site.pages["/a"] = Page(ARTICLE)
    (doc,) = read_inputs([site.url("/a")])
    assert doc.error is None and doc.url == site.url("/a") and doc.published == "2024-06-25"
    assert doc.text.startswith("Police tear-gas protesters\n")
    (given,) = read_inputs([site.url("/a")], published="2024-07-01")
    assert given.published == "2024-07-01"  # as for a file: the user's date wins
    assert count_inputs([site.url("/a")]) is None


@pytest.mark.parametrize("page, code, words", [
    (Page(b"nope", status=404), "E013", "HTTP 404"),
    (Page(b"%PDF-1.7 \x00\x01binary", content_type="application/pdf"), "E002", "binary"),
    (Page(b"<html><body></body></html>"), "E006", "no article text"),
    (Page(b"x" * 3_000), "E004", "limit"),
])
def test_a_failed_address_is_one_failed_document_with_a_clear_error(site, page, code, words):
    site.pages["/x"] = page
    (doc,) = read_inputs([site.url("/x")], max_bytes=2_000)
    assert doc.error.code == code and doc.id == site.url("/x") and words in doc.error.message


def test_a_feed_address_gives_its_entries_and_follows_no_link(site):
    site.pages["/feed.xml"] = Page(_feed(site), content_type="application/rss+xml")
    site.pages["/b"] = Page(UNDATED)
    (doc,) = read_inputs([site.url("/feed.xml")])
    assert doc.error is None and doc.url == site.url("/b") and doc.published == "2024-06-27"
    assert site.asked("/b") == 0


def test_a_feed_file_fetches_nothing(site, tmp_path):
    path = tmp_path / "wire.rss"
    path.write_bytes(_feed(site))
    assert [d.error for d in read_inputs([str(path)])] == [None]
    assert site.requests == []


def test_a_url_list_has_its_pages_fetched_in_order_and_bad_lines_flagged(site, tmp_path):
    site.pages["/a"], site.pages["/b"] = Page(ARTICLE), Page(UNDATED)
    path = tmp_path / "today.urls"
    path.write_text(f"# picked by hand\n{site.url('/a')}\nnews.example/c\n{site.url('/missing')}\n{site.url('/b')}\n",
                    encoding="utf-8")
    docs = list(read_inputs([str(path)], published="2024-06-28"))
    assert [d.error.code if d.error else None for d in docs] == [None, "E015", "E013", None]
    assert docs[1].id == f"{path}:3" and "not an http(s) address" in docs[1].error.message
    assert docs[0].published == "2024-06-25" and docs[3].published == "2024-06-28"  # fills in only


def test_a_sitemap_file_and_a_sitemap_index_address_have_their_pages_fetched(site, tmp_path):
    site.pages["/a"], site.pages["/b"] = Page(ARTICLE), Page(UNDATED)
    site.pages["/s1.xml"] = Page(_sitemap(site, "/a"), content_type="application/xml")
    site.pages["/s2.xml"] = Page(_sitemap(site, "/b"), content_type="application/xml")
    site.pages["/index.xml"] = Page(f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{site.url('/s1.xml')}</loc></sitemap><sitemap><loc>{site.url('/s2.xml')}</loc></sitemap>
        <sitemap><loc>{site.url('/nothing.xml')}</loc></sitemap></sitemapindex>""".encode(), content_type="text/xml")
    path = tmp_path / "sitemap.xml"
    path.write_bytes(_sitemap(site, "/b", "/a"))
    assert [d.url for d in read_inputs([str(path)])] == [site.url("/b"), site.url("/a")]
    docs = list(read_inputs([site.url("/index.xml")]))
    assert [d.url for d in docs] == [site.url("/a"), site.url("/b"), site.url("/nothing.xml")]
    assert docs[-1].error.code == "E013"


def test_a_crawl_file_address_is_read_as_warc(site, tmp_path):
    path = w.build(tmp_path / "c.warc.gz", [w.response("http://news.example/a", ARTICLE)])
    site.pages["/c.warc.gz"] = Page(open(path, "rb").read(), content_type="application/warc")
    (doc,) = read_inputs([site.url("/c.warc.gz")])
    assert doc.error is None and doc.url == "http://news.example/a"


def test_one_fetcher_per_run_reads_robots_once_per_site(site):
    site.pages["/a"], site.pages["/b"] = Page(ARTICLE), Page(UNDATED)
    list(read_inputs([site.url("/a"), site.url("/b")]))
    assert site.asked("/robots.txt") == 1
