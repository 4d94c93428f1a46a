"""Ingest: bad input becomes a per-document error and the batch goes on."""
from __future__ import annotations

import io
import os
import tracemalloc

import pytest

from eventwire.ingest import read_inputs, read_stream

GOOD = "Troops enter town\n\nTroops entered the town on Friday, residents said.\n"


def _write(path, data: bytes):
    path.write_bytes(data)
    return str(path)


def _big(path, size=50_000_000):
    with open(path, "wb") as fh:  # repeated write, not a 50 MB string in memory
        chunk = b"Words of a long article. " * 40_000
        while fh.tell() < size:
            fh.write(chunk)
    return str(path)


def test_bad_batch_keeps_going_and_good_documents_come_through(tmp_path):
    paths = [
        _write(tmp_path / "01_good.txt", GOOD.encode()),
        _write(tmp_path / "02_empty.txt", b""),
        _write(tmp_path / "03_blank.txt", b"  \n\n \t"),
        _write(tmp_path / "04_binary.txt", b"\x00\x01\x02 not text \x00" * 50),
        _write(tmp_path / "05_zip.txt", b"PK\x03\x04" + os.urandom(200)),
        _write(tmp_path / "06_broken.html", b"<html><body><div><span></span></div></body></html>"),
        _write(tmp_path / "07_cp1252.txt", "Caf\u00e9 talks\n\n\u201cWe agreed,\u201d she said \u2013 in Z\u00fcrich.".encode("cp1252")),
        _write(tmp_path / "08_garbage.txt", bytes(range(128, 256)) * 20),
        _big(tmp_path / "09_huge.txt"),
        str(tmp_path / "10_missing.txt"),
        _write(tmp_path / "11_good.html", b"<html><body><article><p>Police fired tear gas at protesters in the "
               b"capital on Sunday, witnesses said.</p></article></body></html>"),
    ]
    docs = list(read_inputs(paths, max_bytes=20_000_000))
    codes = [d.error.code if d.error else None for d in docs]
    assert codes == [None, "E001", "E001", "E002", "E002", "E006", None, "E003", "E004", "E008", None]
    assert docs[0].text == GOOD
    assert docs[6].text == "Caf\u00e9 talks\n\n\u201cWe agreed,\u201d she said \u2013 in Z\u00fcrich."
    assert "tear gas" in docs[10].text
    for doc, path in zip(docs, paths):
        if doc.error:
            assert doc.id == path and path in doc.error.message and doc.text == ""


def test_oversized_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.seek(50_000_000)
        fh.write(b"x")
    tracemalloc.start()
    (doc,) = read_inputs([str(path)], max_bytes=1_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert doc.error.code == "E004"
    assert peak < 2_000_000


def test_oversized_stream_is_refused():
    (doc,) = read_stream(io.BytesIO(b"word " * 1000), max_bytes=100)
    assert doc.error.code == "E004"


def test_oversized_jsonl_line_is_one_error_and_the_rest_goes_on():
    data = b'{"text":"A."}\n{"text":"' + b"x" * 5000 + b'"}\n{"text":"B."}\n'
    docs = list(read_stream(io.BytesIO(data), max_bytes=1000))
    assert [(d.text, d.error.code if d.error else None) for d in docs] == [("A.", None), ("", "E004"), ("B.", None)]


@pytest.mark.parametrize("line, code", [
    (b'{"text": "ok\\u0000"}', None),  # an escaped NUL is valid JSON text
    (b'{"text": "caf\xe9 in town"}', None),  # cp1252 line, decoded by the fallback
    (b'{"text": 5}', "E005"),
    (b'"just a string"', "E005"),
    (b'{"text": ""}', "E001"),
])
def test_jsonl_line_problems(line, code):
    (doc,) = read_stream(io.BytesIO(line + b"\n"), fmt="jsonl")
    assert (doc.error.code if doc.error else None) == code


@pytest.mark.parametrize("data, code", [(b"", "E001"), (b"\n  \n", "E001"), (b"\x00\x00abc", "E002")])
def test_stream_problems(data, code):
    (doc,) = read_stream(io.BytesIO(data))
    assert doc.error.code == code


def test_unreadable_file_is_e008(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\n\nText.", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: permissions are not enforced")
        (doc,) = read_inputs([str(path)])
        assert doc.error.code == "E008"
    finally:
        path.chmod(0o644)


def test_utf16_with_bom_is_text(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Headline\n\nBody text.".encode("utf-16"))
    (doc,) = read_inputs([str(path)])
    assert doc.error is None and doc.title == "Headline"


def test_special_file_is_e008(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (doc,) = read_inputs([str(fifo)])
    assert doc.error.code == "E008"


@pytest.mark.parametrize("env, want", [("1000", "E004"), ("", None), ("junk", None)])
def test_size_limit_comes_from_the_environment(tmp_path, monkeypatch, env, want):
    monkeypatch.setenv("EVENTWIRE_MAX_BYTES", env)
    path = tmp_path / "a.txt"
    path.write_text("Title\n\n" + "word " * 1000, encoding="utf-8")
    (doc,) = read_inputs([str(path)])
    assert (doc.error.code if doc.error else None) == want


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_an_article_nested_deep_in_wrappers_is_read(depth):
    # libxml2 reads 256 levels by default and 2,048 as a huge tree: the article must come through either way
    article = ("<p>Police arrested twelve activists in Harare, Zimbabwe, on Friday after a march "
               "against fuel prices, witnesses said.</p><p>The march ended near the parliament.</p>")
    html = ("<html><head><title>Arrests in Harare</title><script>var x = 1;</script></head><body>"
            + "<div>" * depth + article + "</div>" * depth + "</body></html>")
    (doc,) = read_stream(io.BytesIO(html.encode()), fmt="html")
    assert doc.error is None and "Police arrested twelve activists in Harare" in doc.text
    assert "parliament" in doc.text and "var x" not in doc.text


@pytest.mark.parametrize("declared, encoding", [("iso-8859-1", "cp1251"), ("windows-1251", "koi8-r")])
def test_a_page_whose_meta_charset_is_wrong_is_read_right_with_a_warning(tmp_path, declared, encoding):
    words = "Полиция задержала двенадцать активистов в центре Москвы в пятницу вечером после акции протеста."
    html = (f'<html><head><meta charset="{declared}"><title>Москва</title></head><body><article>'
            + f"<p>{words}</p>" * 3 + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    (doc,) = read_inputs([str(path)])
    assert doc.error is None and words in doc.text
    assert [w.code for w in doc.warnings] == ["W004"] and declared in doc.warnings[0].message


WESTERN = {
    "fr": "La police a arrêté douze militants à Genève vendredi soir après une manifestation, ont déclaré des témoins.",
    "es": "La policía detuvo el viernes a doce activistas en Bogotá tras una marcha; según la policía, ningún herido en España.",
    "pt": "A polícia prendeu doze ativistas em São Paulo na sexta-feira após uma marcha; não houve feridos.",
}
CENTRAL = {
    "pl": "Policja zatrzymała w piątek dwunastu działaczy w centrum Warszawy po proteście przeciwko podwyżkom cen paliwa.",
    "cs": "Policie v pátek zadržela dvanáct aktivistů v centru Prahy po protestu proti zdražování pohonných hmot.",
    "hu": "A rendőrség pénteken tizenkét aktivistát vett őrizetbe Budapest központjában a tüntetés után.",
    "ro": "Poliţia a reţinut vineri doisprezece activişti în centrul Bucureştiului după un protest.",
}


def _page(tmp_path, declared: str, words: str, encoding: str):
    html = (f'<html><head><meta charset="{declared}"><title>Nouvelles</title></head><body><article>'
            + f"<p>{words}</p>" * 3 + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))
    (doc,) = read_inputs([str(path)])
    return doc


@pytest.mark.parametrize("declared", ["iso-8859-2", "windows-1250"])
@pytest.mark.parametrize("language", sorted(WESTERN))
def test_a_latin1_page_declared_central_european_is_read_right_with_a_warning(tmp_path, declared, language):
    # both readings are letters ("arrêté à Genève" / "arręté ŕ Genčve"): no chaos tells them apart
    doc = _page(tmp_path, declared, WESTERN[language], "latin-1")
    assert doc.error is None and WESTERN[language] in doc.text
    assert [w.code for w in doc.warnings] == ["W004"] and declared in doc.warnings[0].message


@pytest.mark.parametrize("language", sorted(CENTRAL))
def test_a_central_european_page_declared_right_has_no_warning(tmp_path, language):
    doc = _page(tmp_path, "iso-8859-2", CENTRAL[language], "iso-8859-2")
    assert doc.error is None and CENTRAL[language] in doc.text and doc.warnings == []


def test_a_page_whose_meta_charset_is_right_has_no_warning(tmp_path):
    html = ('<html><head><meta charset="windows-1252"><title>Gen\u00e8ve</title></head><body><article>'
            + "<p>La police a arr\u00eat\u00e9 douze militants \u00e0 Gen\u00e8ve vendredi soir, \u201cpacifiquement\u201d.</p>" * 3
            + "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1252"))
    (doc,) = read_inputs([str(path)])
    assert doc.error is None and "arr\u00eat\u00e9 douze militants \u00e0 Gen\u00e8ve" in doc.text and doc.warnings == []
