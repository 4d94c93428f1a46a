"""The look-ups that made event extraction linear (extract/offsets.py) answer exactly what the
scans they replace answered, in the same order (issue 11: output unchanged)."""
import re
from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.extract.offsets import ByStart, Clauses, Cover, LastEnding, Paragraphs, outermost

SETTINGS = settings(max_examples=120, derandomize=True, database=None, deadline=None)
spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@dataclass
class Item:
    start: int
    end: int
    name: str = ""


@SETTINGS
@given(spans, spans, st.integers(0, 90), st.integers(0, 30))
def test_cover_holds_what_a_scan_finds(many, few, start, length):
    end = start + length
    assert Cover(many).plus(few).holds(start, end) == any(s <= start and end <= e for s, e in many + few)


@SETTINGS
@given(spans, st.integers(0, 90), st.integers(0, 90))
def test_by_start_gives_the_scans_items_in_their_order(pairs, lo, hi):
    items = [Item(s, e, str(i)) for i, (s, e) in enumerate(pairs)]
    index = ByStart(items)
    assert index.starting(lo, hi) == [x for x in items if lo <= x.start < hi]
    assert index.within(lo, hi) == [x for x in items if lo <= x.start and x.end <= hi]


@SETTINGS
@given(spans, st.integers(0, 90))
def test_last_ending_is_the_first_of_the_latest(pairs, offset):
    items = [Item(s, e, str(i)) for i, (s, e) in enumerate(pairs)]
    earlier = [x for x in items if x.end <= offset]
    assert LastEnding(items).ending_by(offset) is (max(earlier, key=lambda x: x.start) if earlier else None)


def _old_clause(pattern, text, offset, pos):
    lo, hi = offset, offset + len(text)
    for m in pattern.finditer(text):
        b0, b1 = offset + m.start(), offset + m.end()
        if b1 <= pos:
            lo = b1
        elif b0 >= pos:
            hi = b0
            break
    return lo, hi


@SETTINGS
@given(st.text(alphabet="ab ;,", max_size=40), st.integers(0, 50), st.integers(0, 45))
def test_clauses_split_as_the_scan_did(text, offset, pos):
    # "x*" matches empty strings too: the scan's edge cases
    for pattern in (re.compile(r";\s+|,\s+a"), re.compile(r";*")):
        breaks = [(offset + m.start(), offset + m.end()) for m in pattern.finditer(text)]
        got = Clauses(breaks, offset, offset + len(text)).of(offset + pos)
        assert got == _old_clause(pattern, text, offset, offset + pos)


@SETTINGS
@given(st.text(alphabet="ab\n", max_size=40), st.integers(0, 45))
def test_paragraph_start_is_rfind(text, pos):
    assert Paragraphs(text).start_before(pos) == text.rfind("\n\n", 0, pos) + 1


@SETTINGS
@given(spans)
def test_outermost_drops_what_another_span_holds(pairs):
    out = sorted(set(pairs))
    assert outermost(pairs) == [p for p in out if not any(q != p and q[0] <= p[0] and p[1] <= q[1] for q in out)]
