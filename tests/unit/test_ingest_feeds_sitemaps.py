"""Feeds, sitemaps and URL lists read offline: one document per feed entry with its own text,
the addresses a sitemap or a list names, and a clear failed document for anything broken."""
from __future__ import annotations

import io

import pytest

from eventwire.ingest import kind_of_path, read_inputs, read_stream, sniff_format
from eventwire.ingest.feeds import parse_feed
from eventwire.ingest.sitemaps import parse_sitemap
from eventwire.ingest.urllists import read_url_list

BODY = ("<p>Police fired tear gas at hundreds of protesters in Nairobi on Tuesday, witnesses said.</p>"
        "<p>At least 20 people were arrested after the march on parliament.</p>")

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>http://news.example/</link>
<item><title>Police tear-gas protesters in Nairobi</title><link>http://news.example/a</link>
<pubDate>Tue, 25 Jun 2024 18:05:00 +0300</pubDate><description>Short summary.</description>
<content:encoded><![CDATA[{BODY}]]></content:encoded></item>
<item><title>Rebels shell town</title><link>http://news.example/b</link>
<pubDate>Wed, 26 Jun 2024 07:00:00 GMT</pubDate>
<description>Shelling killed four people in the town on Wednesday, medics said.</description></item>
<item><title>Headline only</title><link>http://news.example/c</link></item>
</channel></rss>""".encode()

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Troops enter town</title><link href="http://atom.example/1"/>
<updated>2024-06-27T10:00:00Z</updated>
<content type="text">Troops entered the town on Thursday after days of fighting, residents said.</content></entry>
</feed>"""

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>http://news.example/a</loc><lastmod>2024-07-01</lastmod>
<news:news><news:publication_date>2024-06-25T18:05:00+03:00</news:publication_date>
<news:title>Police tear-gas protesters</news:title></news:news></url>
<url><loc>http://news.example/b</loc></url>
</urlset>"""


def _docs(tmp_path, name: str, data: bytes, **kw):
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_inputs([str(path)], **kw))


def test_rss_gives_one_document_per_entry_with_title_link_date_and_source(tmp_path):
    a, b, c = _docs(tmp_path, "wire.rss", RSS)
    assert a.error is None and b.error is None
    assert a.text.startswith("Police tear-gas protesters in Nairobi\n\nPolice fired tear gas")
    assert "<p>" not in a.text and "Short summary" not in a.text  # the full content wins over the summary
    assert (a.title, a.url, a.published, a.source) == (
        "Police tear-gas protesters in Nairobi", "http://news.example/a", "2024-06-25", "Example Wire")
    assert b.text == "Rebels shell town\n\nShelling killed four people in the town on Wednesday, medics said."
    assert b.published == "2024-06-26"
    # no text of its own: a failed document that says where and what to do, nothing fetched
    assert c.error.code == "E001" and c.id == "http://news.example/c" and "eventwire watch" in c.error.message


def test_atom_entry_and_the_feed_date_fills_in_only_where_missing(tmp_path):
    (doc,) = _docs(tmp_path, "wire.atom", ATOM, published="2020-01-01")
    assert doc.error is None and doc.published == "2024-06-27" and doc.source == "Atom Wire"
    assert doc.text.startswith("Troops enter town\n\nTroops entered the town")
    *_, undated = _docs(tmp_path, "x.rss", RSS.replace(b"Headline only</title>", b"Headline only</title>"
                                                      b"<description>Troops left the city on Friday night.</description>"),
                        published="2024-07-05")
    assert undated.error is None and undated.published == "2024-07-05"


@pytest.mark.parametrize("data, want", [(RSS, "feed"), (ATOM, "feed"), (SITEMAP, "sitemap"),
                                        (b"<html><body>x</body></html>", "html"), (b"WARC/1.1\r\n", "warc"),
                                        (b'<?xml version="1.0"?><!-- c --><rdf:RDF xmlns:rdf="x">', "feed")])
def test_sniffing_tells_feeds_sitemaps_and_crawls_from_pages(data, want):
    assert sniff_format(data[:8192]) == want


@pytest.mark.parametrize("name, kind", [("a.rss", "feed"), ("b.atom", "feed"), ("c.xml", "xml"),
                                        ("CC-NEWS-20240101.warc.gz", "warc"), ("d.wet.gz", "warc"),
                                        ("e.warc", "warc"), ("f.urls", "urls"), ("g.tar.gz", None),
                                        ("h.html", "html")])
def test_kind_from_the_file_name_reads_double_extensions(name, kind):
    assert kind_of_path(name) == kind


def test_a_feed_on_stdin_is_read_as_a_feed_not_as_one_page():
    docs = list(read_stream(io.BytesIO(ATOM)))
    assert len(docs) == 1 and docs[0].title == "Troops enter town" and "<entry>" not in docs[0].text


@pytest.mark.parametrize("name, data, code", [
    ("broken.rss", b"<rss><channel><item><title>x</title>", None),  # feedparser reads what it can
    ("nothing.xml", b"<?xml version='1.0'?><catalog><book/></catalog>", "E015"),
    ("empty.rss", b"", "E001"),
    ("binary.rss", b"\x00\x01\x02" * 100, "E002"),
])
def test_a_bad_feed_file_is_one_failed_document(tmp_path, name, data, code):
    docs = _docs(tmp_path, name, data)
    if code is None:
        assert all(d.error is None or d.error.code in ("E001", "E015") for d in docs)
    else:
        assert [d.error.code for d in docs] == [code] and docs[0].id.endswith(name)


def test_sitemap_lists_pages_with_news_title_and_publication_date():
    sm = parse_sitemap(SITEMAP)
    assert [p.url for p in sm.pages] == ["http://news.example/a", "http://news.example/b"]
    assert sm.pages[0].title == "Police tear-gas protesters" and sm.pages[0].published.startswith("2024-06-25")
    assert sm.pages[1].published is None  # <lastmod> is a change, not a publication date
    index = parse_sitemap(b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                          b"<sitemap><loc>http://news.example/s1.xml</loc></sitemap></sitemapindex>")
    assert index.sitemaps == ["http://news.example/s1.xml"] and index.pages == []


def test_sitemap_parser_reads_no_entity_and_no_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    evil = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
            '<urlset><url><loc>http://a.example/&x;</loc></url></urlset>').encode()
    assert all("TOP SECRET" not in p.url for p in parse_sitemap(evil).pages)


def test_feed_parser_is_never_handed_an_address_to_fetch():
    with pytest.raises(Exception) as info:
        parse_feed(b"http://127.0.0.1:9/feed.xml")
    assert "E015" in str(info.value)


def test_url_list_skips_blanks_and_comments_and_flags_what_is_no_address():
    data = b"# today's articles\nhttp://a.example/1\n\n  https://b.example/2  \nftp://c.example/3\nnot a url\n"
    assert list(read_url_list(data)) == [(2, "http://a.example/1", True), (4, "https://b.example/2", True),
                                         (5, "ftp://c.example/3", False), (6, "not a url", False)]


def test_a_folder_walk_reads_feeds_but_never_lists_that_would_fetch(tmp_path):
    (tmp_path / "wire.rss").write_bytes(RSS)
    (tmp_path / "list.urls").write_text("http://127.0.0.1:9/a\n", encoding="utf-8")
    (tmp_path / "sitemap.xml").write_bytes(SITEMAP)
    docs = list(read_inputs([str(tmp_path)]))
    assert [d.url for d in docs] == ["http://news.example/a", "http://news.example/b", "http://news.example/c"]
