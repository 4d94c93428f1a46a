"""Fuzz: damaged feeds, sitemaps and WARC files (valid ones with bytes flipped, cut or inserted)
give documents or failed documents, never an exception. Derandomized, a few seconds."""
from __future__ import annotations

import functools
import io
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warc_files as w
from eventwire.errors import EventwireError
from eventwire.ingest import read_stream
from eventwire.ingest.sitemaps import parse_sitemap
from eventwire.ingest.warc import read_warc

FUZZ = settings(max_examples=40, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

PAGE = b"<html><body><article><p>Police fired tear gas at protesters in Nairobi on Tuesday.</p></article></body></html>"
RSS = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title>'
       b"<link>http://a.example/1</link><pubDate>Tue, 25 Jun 2024 09:00:00 GMT</pubDate>"
       b"<description>Troops entered the town on Thursday, residents said.</description></item></channel></rss>")
SITEMAP = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc>http://a.example/1</loc></url></urlset>")

edits = st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert"]), st.floats(0, 1), st.binary(min_size=1, max_size=20)),
                 min_size=1, max_size=4)


def _damage(data: bytes, changes) -> bytes:
    b = bytearray(data)
    for kind, where, junk in changes:
        at = int(where * (len(b) - 1)) if b else 0
        if kind == "flip" and b:
            b[at] ^= junk[0] or 1
        elif kind == "cut":
            del b[at:at + len(junk) * 3]
        else:
            b[at:at] = junk
    return bytes(b)


def _check(docs) -> None:
    for doc in docs:
        assert isinstance(doc.id, str) and (doc.error is not None or doc.text.strip())


@FUZZ
@given(edits)
def test_damaged_feeds_never_raise(changes):
    _check(read_stream(io.BytesIO(_damage(RSS, changes)), max_bytes=100_000))


@FUZZ
@given(edits)
def test_damaged_sitemaps_parse_or_say_e015(changes):
    try:
        parse_sitemap(_damage(SITEMAP, changes))
    except EventwireError as exc:
        assert exc.code == "E015"


@functools.cache
def _warc(gz: bool) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        path = w.build(os.path.join(folder, "x.warc"), [
            w.request("http://a.example/1"), w.response("http://a.example/1", PAGE),
            w.conversion("http://a.example/2", "Some words of text here.")], gzip=gz)
        return open(path, "rb").read()


@FUZZ
@given(st.booleans(), edits)
def test_damaged_warc_files_never_raise(gz, changes):
    _check(read_warc(io.BytesIO(_damage(_warc(gz), changes)), name="x", max_bytes=100_000))
