"""WARC and WET files (built here with warcio, as Common Crawl lays them out): one document per
article record, everything else passed over, a broken file or record a failed document."""
from __future__ import annotations

import gzip
import io

import pytest

import warc_files as w
from eventwire.ingest import count_inputs, read_inputs, read_stream

PAGE = (b"<html><head><title>Police tear-gas protesters | Wire</title>"
        b'<meta property="article:published_time" content="2024-06-25T18:05:00+03:00"></head><body><article>'
        b"<p>Police fired tear gas at hundreds of protesters in Nairobi on Tuesday, witnesses said.</p>"
        b"<p>At least 20 people were arrested after the march on parliament.</p></article></body></html>")


def _crawl():
    return [w.request("http://news.example/a"), w.response("http://news.example/a", PAGE),
            w.response("http://news.example/old", b"moved", status="301 Moved Permanently"),
            w.response("http://news.example/gone", b"gone", status="404 Not Found"),
            w.response("http://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", content_type="image/png"),
            w.response("http://news.example/feed", b"Troops entered the town on Thursday, residents said.",
                       content_type="text/plain"),
            w.response("http://news.example/empty", b"<html><body></body></html>")]


@pytest.mark.parametrize("gz", [True, False])
def test_cc_news_warc_gives_the_article_responses_only(tmp_path, gz):
    path = w.build(tmp_path / ("CC-NEWS-20240625.warc.gz" if gz else "crawl.warc"), _crawl(), gzip=gz)
    docs = list(read_inputs([path]))
    assert [d.url for d in docs] == ["http://news.example/a", "http://news.example/feed", "http://news.example/empty"]
    page, text, empty = docs
    assert page.error is None and page.text.startswith("Police tear-gas protesters")
    assert page.published == "2024-06-25"  # the page's own date, not the crawl date
    assert text.error is None and text.text.startswith("Troops entered the town")
    assert empty.error.code == "E006" and empty.id == "http://news.example/empty"
    assert count_inputs([path]) is None  # not known before reading


def test_wet_conversion_records_are_plain_text_documents(tmp_path):
    path = w.build(tmp_path / "x.warc.wet.gz", [w.conversion("http://news.example/a", "Rebels shell town\n\n"
                                                             "Shelling killed four people on Monday.")])
    (doc,) = read_inputs([path], published="2024-06-24")
    assert doc.error is None and doc.title == "Rebels shell town" and doc.url == "http://news.example/a"
    assert doc.published == "2024-06-24"  # a WET record has no page date: the given one fills in


def test_a_record_over_the_size_limit_is_one_failed_document_and_the_rest_go_on(tmp_path):
    big = b"<html><body><p>" + b"Words of a long article. " * 2000 + b"</p></body></html>"
    path = w.build(tmp_path / "c.warc.gz", [w.response("http://news.example/big", big),
                                            w.response("http://news.example/a", PAGE)])
    big_doc, small = read_inputs([path], max_bytes=10_000)
    assert big_doc.error.code == "E004" and big_doc.id == "http://news.example/big"
    assert small.error is None


def test_a_truncated_or_fake_warc_fails_with_e015_after_what_it_read(tmp_path):
    good = open(w.build(tmp_path / "g.warc", [w.response("http://news.example/a", PAGE)], gzip=False), "rb").read()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(good + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nshort")
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(gzip.compress(b"this is not a warc file at all\n" * 10))
    docs = list(read_inputs([str(cut), str(fake)]))
    assert docs[0].error is None
    assert [d.error.code for d in docs[1:]] == ["E015", "E015"]
    assert "not readable as WARC" in docs[-1].error.message


def test_a_gzipped_warc_on_stdin_is_sniffed(tmp_path):
    path = w.build(tmp_path / "s.warc.gz", [w.response("http://news.example/a", PAGE)])
    (doc,) = read_stream(io.BytesIO(open(path, "rb").read()))
    assert doc.error is None and doc.url == "http://news.example/a"
