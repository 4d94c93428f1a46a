"""Ingest: each input format becomes the right documents."""
from __future__ import annotations

import io
import json

import pytest

from eventwire.ingest import read_inputs, read_stream, sniff_format
from eventwire.ingest.text import make_id

ARTICLE = "Share\n\nRebels shell city centre\n\nShelling killed 4 people on Monday, medics said.\n"

PAGE = """<html><head><title>Rebels shell city centre | Example News</title>
<meta property="og:title" content="Rebels shell city centre">
<meta property="article:published_time" content="2019-03-04T08:00:00Z">
</head><body><nav><a href="/">Home</a></nav><article><h2>Elsewhere</h2>
<p>Shelling killed four people in the city centre on Monday, medics at the main hospital said.</p>
<p>The army said it had returned fire and that two soldiers were wounded in the exchange.</p>
<p>Residents said the bombardment lasted for more than three hours before it stopped.</p>
</article><footer>All rights reserved</footer></body></html>"""


def _docs(paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_txt_is_one_document_with_title_kept_in_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = _docs([path], published="2019-03-05")
    assert doc.error is None
    assert doc.text == ARTICLE  # nothing stripped: clean() owns removal, offsets hold
    assert doc.title == "Rebels shell city centre"  # "Share" is furniture, not the title
    assert doc.published == "2019-03-05"
    assert doc.id == make_id(ARTICLE) and doc.id.startswith("doc_") and len(doc.id) == 20


def test_id_is_stable_across_line_endings():
    assert make_id("Title\r\nBody.") == make_id("Title\nBody.")
    assert make_id("Title\nBody.") != make_id("Title\nOther body.")


@pytest.mark.parametrize("published, want", [(None, "2019-03-04"), ("2020-01-02", "2020-01-02")])
def test_html_gives_title_line_text_and_page_date(tmp_path, published, want):
    path = tmp_path / "a.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = _docs([path], published=published)
    assert doc.error is None
    assert doc.title == "Rebels shell city centre"
    assert doc.text.startswith("Rebels shell city centre\n")
    assert "Shelling killed four people" in doc.text and "Home" not in doc.text
    assert doc.published == want


def test_html_fragment_without_body_still_gives_text():
    (doc,) = read_stream(io.BytesIO(b"<p>Shelling killed four people on Monday, medics said.</p>"))
    assert doc.error is None and doc.text.startswith("Shelling killed four people")


def test_jsonl_keeps_order_skips_blank_lines_and_flags_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "one", "text": "First.", "published": "2016-08-16", "title": "T", "url": "u", "source": "s"}),
        "",
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "Dated unreadably.", "published": "03/04/2016"}),
        json.dumps({"text": "Last."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = _docs([path])
    # an unreadable date never drops its document: it travels as written, the pipeline warns
    assert [d.error.code if d.error else None for d in docs] == [None, "E005", "E005", "E005", None, None]
    assert docs[4].published == "03/04/2016"
    first = docs[0]
    assert (first.id, first.text, first.published, first.title, first.url, first.source) == (
        "one", "First.", "2016-08-16", "T", "u", "s")
    assert docs[3].id == "no-text"  # a bad line keeps its id when it has one
    assert docs[-1].id == make_id("Last.")


def test_jsonl_line_date_wins_and_argument_fills_in(tmp_path):
    path = tmp_path / "b.ndjson"
    path.write_text('{"text":"A.","published":"2016-01-01"}\n{"text":"B."}\n', encoding="utf-8")
    assert [d.published for d in _docs([path], published="2017-02-02")] == ["2016-01-01", "2017-02-02"]


def test_directory_is_walked_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed\n\nText z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Aye\n\nText a.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id":"c1","text":"C one."}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    docs = _docs([tmp_path])
    assert [d.title or d.id for d in docs] == ["Aye", "Zed", "c1"]


@pytest.mark.parametrize("head, fmt", [
    (b'  \n{"text": "x"}', "jsonl"),
    (b"\xef\xbb\xbf<html>", "html"),
    (b"<p>x</p>", "html"),
    (b"Plain words", "text"),
])
def test_stdin_format_is_sniffed(head, fmt):
    assert sniff_format(head) == fmt


def test_stream_jsonl_and_text():
    docs = list(read_stream(io.BytesIO(b'{"text":"A."}\n\n{"text":"B."}\n')))
    assert [d.text for d in docs] == ["A.", "B."]
    (doc,) = read_stream(io.BytesIO("Headline\n\nBody café.".encode()), published="2016-08-16")
    assert (doc.title, doc.published, doc.text) == ("Headline", "2016-08-16", "Headline\n\nBody café.")


@pytest.mark.parametrize("value, want", [("2016-08-16", "2016-08-16"), ("2016-08-16T10:00:00Z", "2016-08-16"),
                                         ("16/08/2016", "2016-08-16"), ("2016-13-01", "2016-13-01")])
def test_published_argument_is_read_or_kept_as_written(value, want):
    (doc,) = read_stream(io.BytesIO(b"Title\n\nBody."), published=value)
    assert doc.error is None and doc.published == want


def test_a_lowercase_word_is_no_place_mention():
    from spacy.tokens import Span

    from eventwire import components  # noqa: F401  (registers the analysis factories)
    from eventwire.nlp import analysis_names, load

    nlp = load(analysis=True)
    doc = nlp("Rioters smashed a metro station in Santiago on Thursday.", disable=analysis_names())
    doc.ents = [Span(doc, 3, 4, label="GPE"), Span(doc, 6, 7, label="GPE")]  # as the NER may say
    assert [m[0] for m in nlp.get_pipe("eventwire_places").mentions(doc)] == ["Santiago"]
