"""The story models' window words (extract/story_model.WindowWords), found once per sentence, are
what the scan of the whole sentence per mention found (issue 11: output unchanged)."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.story_model import WindowWords

SETTINGS = settings(max_examples=400, derandomize=True, database=None, deadline=None)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _scanned(text, start, end, sent_start, sent_end, n):
    """The scan it replaces, word for word."""
    before = [w for w in _WORD.findall(text[sent_start:start]) if w.islower()]
    after = [w for w in _WORD.findall(text[end:sent_end]) if w.islower()]
    for w in before[-n:]:
        yield "l:" + w
    for w in after[:n]:
        yield "r:" + w
    for w in before + after:
        yield "s:" + w


def _first_seen(names):
    return list(dict.fromkeys(names))  # what f[name] = 1.0 in a loop keeps, in its order


@SETTINGS
@given(st.text(alphabet="abAB '’.1", max_size=40), st.data(), st.integers(1, 4))
def test_window_words_are_the_scans(text, data, n):
    sent_start = data.draw(st.integers(0, len(text)))
    sent_end = data.draw(st.integers(sent_start, len(text)))
    start = data.draw(st.integers(sent_start, sent_end))
    end = data.draw(st.integers(start, len(text)))
    window = WindowWords(text)
    for _ in range(2):  # the second time from the sentence's words found the first time
        got = list(window(start, end, sent_start, sent_end, n))
        want = list(_scanned(text, start, end, sent_start, sent_end, n))
        assert [w for w in got if w[:2] != "s:"] == [w for w in want if w[:2] != "s:"]
        assert _first_seen(got) == _first_seen(want)
        assert list(window(start, end, sent_start, sent_end, n, sentence=False)) == \
            [w for w in want if w[:2] != "s:"]
