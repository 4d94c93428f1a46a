"""Publication dates as sources write them: read to YYYY-MM-DD in the source's own zone; an
unreadable one keeps its document, with the date empty, the text as written and warning W001."""
import json

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import main
from eventwire.ingest import read_inputs
from eventwire.ingest.dates import read_date


@pytest.mark.parametrize("written, day", [
    ("2016-08-16", "2016-08-16"),
    ("17 December 2016", "2016-12-17"),
    ("DEC. 14, 2016, 2:54 AM EST", "2016-12-14"),
    ("Wed Nov 23, 2016 | 3:02pm EST", "2016-11-23"),
    ("2009-03-20 12:24:52.002364-05", "2009-03-20"),
    ("2016-12-17T23:30:00-08:00", "2016-12-17"),  # the source's own day, not UTC's
    ("2016-12-17T10:00:00.000+0530", "2016-12-17"),
    ("2016-08-16T10:00:00Z", "2016-08-16"),
    ("Sat, 17 Dec 2016 10:00:00 +0000", "2016-12-17"),
    ("Updated: March 3, 2017 at 10:05 a.m. ET", "2017-03-03"),
    ("Tuesday 12 March 2019 08.47 GMT", "2019-03-12"),
    ("Nov. 23rd, 2016", "2016-11-23"),
    ("17.12.2016", "2016-12-17"),  # 17 can only be the day
    ("20161217", "2016-12-17"),
])
def test_common_forms_are_read(written, day):
    assert read_date(written) == day


@pytest.mark.parametrize("written", [
    "2020-01-01T99:99", "2016-13-01", "2016-02-30", "December 2016", "03/04/2016", "yesterday",
    "5", "1850-01-01", "17 December 2016 25:00", "", None, {"date": "2016-08-16"}, "x" * 500,
])
def test_what_is_not_certain_is_not_read(written):
    assert read_date(written) is None


def test_an_unreadable_date_keeps_the_document_with_a_warning():
    doc = eventwire.extract("Police arrested 12 activists in Harare, Zimbabwe, on Friday.", published="2020-01-01T99:99")
    assert doc.error is None and doc.events
    assert (doc.published, doc.published_from, doc.published_raw) == (None, None, "2020-01-01T99:99")
    assert [w.code for w in doc.warnings] == ["W001"]


def test_the_dateline_fills_an_unreadable_date_and_says_so():
    doc = eventwire.extract("HARARE, Nov. 4, 2024 - Police arrested 12 activists on Friday.", published="next week")
    assert (doc.published, doc.published_from, doc.published_raw) == ("2024-11-04", "dateline", "next week")


def test_jsonl_dates_in_any_form_reach_the_documents(tmp_path):
    path = tmp_path / "docs.jsonl"
    rows = [{"id": "a", "text": "A.", "published": "17 December 2016"},
            {"id": "b", "text": "B.", "published": "Wed Nov 23, 2016 | 3:02pm EST"},
            {"id": "c", "text": "C.", "published": "2020-01-01T99:99"},
            {"id": "d", "text": "D.", "published": 20161217}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = list(read_inputs([str(path)]))
    assert [d.error for d in docs] == [None] * 4
    assert [d.published for d in docs] == ["2016-12-17", "2016-11-23", "2020-01-01T99:99", "2016-12-17"]


def test_a_typed_published_option_that_cannot_be_read_stops_with_a_hint(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Police arrested 12 activists in Harare.", encoding="utf-8")
    r = CliRunner().invoke(main, ["extract", str(path), "--published", "2020-01-01T99:99"])
    assert r.exit_code == 2 and "YYYY-MM-DD" in r.output and "Traceback" not in r.output
    r = CliRunner().invoke(main, ["extract", str(path), "--published", "17 December 2016"])
    assert r.exit_code == 0 and json.loads(r.stdout)["published"] == "2016-12-17"
