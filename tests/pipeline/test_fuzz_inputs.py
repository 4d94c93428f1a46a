"""Fuzz: whatever bytes, JSON or text come in, ingest and extract give one document per input,
never raise, and what they give can be printed and stored. Derandomized (the same examples on
every run, so CI is never flaky) and small enough for a few seconds in `make test`; the inputs
of the issue 11 crash run are pinned as explicit examples."""
import io
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_stream
from eventwire.ingest.dates import read_date
from eventwire.ingest.jsonl import read_extracted
from eventwire.model import Document, InputDoc, to_dict
from eventwire.pipeline import process
from eventwire.store import Store

FAST = settings(max_examples=40, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
json_values = st.recursive(scalars, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                           max_leaves=12)
# Text as articles are, plus what breaks naive code: controls, NULs, lone surrogates, odd spaces.
article_text = st.text(alphabet=st.characters(codec=None, categories=None), max_size=300) | st.sampled_from([
    "\ud800", "Police arrested 12 activists in Harare on Friday.", "John Smith, , who runs X, said 3 died.",
    "\x00\x01\x1b[31m", "  \n\n  ", "Protesters marched. " * 3,
])


def _printable(doc) -> None:
    """What the CLI does with a document: JSON, encoded for the terminal, must not fail."""
    json.dumps(to_dict(doc), ensure_ascii=False).encode("utf-8")


@FAST
@given(st.binary(max_size=400))
@example(b'{"text": "\\ud800"}\n')
@example(b"[" * 5000 + b"]" * 5000 + b"\n")
@example(b'{"id": "n", "text": "a\x00b"}\n{"text": "fine"}\n')
@example(b"\xff\xfe<\x00h\x00")
def test_any_bytes_on_stdin_give_documents_not_exceptions(data):
    for doc in read_stream(io.BytesIO(data), max_bytes=10_000):
        assert isinstance(doc, InputDoc) and isinstance(doc.id, str)
        assert doc.error is not None or doc.text.strip()


@FAST
@given(st.lists(json_values, min_size=1, max_size=5))
@example([{"text": "x", "published": {"a": 1}, "title": ["t"], "id": 7}])
@example([{"text": "ok", "id": "same"}, {"text": "ok too", "id": "same"}])
def test_any_json_lines_give_one_document_each(values):
    data = "\n".join(json.dumps(v) for v in values).encode("utf-8") + b"\n"
    docs = list(read_stream(io.BytesIO(data), fmt="jsonl"))
    assert len(docs) == len(values)


@FAST
@given(st.text(max_size=60) | scalars)
@example("2020-01-01T99:99")
@example("Wed Nov 23, 2016 | 3:02pm EST")
def test_any_published_value_is_a_date_or_none(value):
    day = read_date(value)
    assert day is None or (len(day) == 10 and day[4] == "-" and day[7] == "-")


@SLOW
@given(st.lists(st.tuples(article_text, st.text(max_size=20) | st.none(), st.text(max_size=30) | st.none()),
                min_size=1, max_size=3))
@example([("Police arrested 12 activists in Harare on Friday.", "2020-01-01T99:99", "t\ud800")])
@example([("Des manifestants ont défilé samedi à Paris contre la réforme des retraites du gouvernement. " * 4,
           "17 December 2016", None)])
def test_extract_gives_one_printable_document_per_input(rows):
    inputs = [InputDoc(id=f"d{i}", text=text, published=published, title=title)
              for i, (text, published, title) in enumerate(rows)]
    docs = list(process(inputs))
    assert [d.id for d in docs] == [i.id for i in inputs]
    for doc in docs:
        _printable(doc)
        assert doc.published is None or read_date(doc.published) == doc.published


@SLOW
@given(st.lists(json_values, min_size=1, max_size=4))
@example([{"id": "e", "events": [{"id": ["x"], "fatalities": {"best": 1e400}}]}])
@example([{"id": "t", "title": {"a": 1}, "events": [{"id": "ev", "fatalities": {"best": 10 ** 20}}]}])
def test_extracted_lines_are_stored_or_refused_with_a_valueerror(values):
    data = "\n".join(json.dumps(v) for v in values).encode("utf-8") + b"\n"
    with Store(":memory:") as store:
        for _, doc, why in read_extracted(io.BytesIO(data)):
            if doc is None:
                assert why
                continue
            try:
                store.put_document(Document.from_dict(doc))
            except ValueError:
                pass  # the CLI reports it as the document's failure
