"""clean(): every offset in the cleaned text maps back to the same character."""
from __future__ import annotations

import pytest

from eventwire.clean import clean

CASES = [
    "Share\n\nHeadline here\n\nAdvertisement\n\nFirst para.\nSecond para.\n\nFirst para.",
    "Title\r\n\r\n  Body  with   spaces\tand tabs.\r\nMore.",
    "Title\n\nCaf\u00c3\u00a9 owners said the \u00e2\u20ac\u0153strike\u00e2\u20ac\x9d was heavy.\n\nEnd.",  # mojibake
    "Title\n\ncombining e\u0301 accents and \ufb01 ligature.",
    "Wrapped text that goes on for a while and then\nbreaks mid sentence because someone hit\nthe return key at column sixty.",
]


@pytest.mark.parametrize("text", CASES)
def test_unchanged_characters_map_back_exactly(text):
    out = clean(text)
    for i, ch in enumerate(out.text):
        o = out.to_original(i)
        assert 0 <= o <= len(text)
        if ch not in " \n" and ch in text:
            # characters ftfy did not rewrite are exactly where they were
            assert text[o] == ch or not text[o].isascii(), (i, ch, text[o])


@pytest.mark.parametrize("text", CASES)
def test_word_spans_map_back_to_the_same_words(text):
    out = clean(text)
    import re

    for m in re.finditer(r"[A-Za-z]{4,}", out.text):
        s, e = out.to_original(m.start()), out.to_original(m.end())
        assert text[s:e] == m.group(), (m.group(), text[s:e])


def test_mojibake_is_repaired_and_span_covers_the_original_bytes():
    text = "Title\n\nCaf\u00c3\u00a9 owners said so.\n\nEnd."
    out = clean(text)
    assert "Caf\u00e9 owners" in out.text
    s = out.text.index("Caf\u00e9")
    a, b = out.to_original(s), out.to_original(s + 4)
    assert text[a:b] == "Caf\u00c3\u00a9"


def test_curly_quotes_are_kept():
    text = "Title\n\n\u201cWe will fight,\u201d he said. It\u2019s over."
    assert clean(text).text == text


def test_end_and_out_of_range_offsets_clamp():
    text = "Title\n\nBody.\n\nAdvertisement\n"
    out = clean(text)
    assert out.to_original(len(out.text)) == text.index("Body.") + len("Body.")
    assert out.to_original(10_000) <= len(text)
    assert out.to_original(-5) == 0
    assert clean("").to_original(0) == 0
