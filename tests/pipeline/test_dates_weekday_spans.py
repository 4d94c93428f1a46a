"""Spells of days named by weekdays ("between Friday and Sunday", "since Thursday") are ranges."""
import pytest

import eventwire
from eventwire.resolve.dates import find_dates

PUB = "2023-03-08"  # a Wednesday


@pytest.mark.parametrize("sentence, text, start, end", [
    ("Gunmen raided four villages between Friday and Sunday, aid workers said.",
     "between Friday and Sunday", "2023-03-03", "2023-03-05"),
    ("Rallies were held on Saturday and Sunday in the capital.", "Saturday and Sunday", "2023-03-04", "2023-03-05"),
    ("Clashes went on from Thursday to Monday.", "from Thursday to Monday", "2023-03-02", "2023-03-06"),
    # the spell may cross a week's end
    ("Shelling hit the port between Saturday and Tuesday.", "between Saturday and Tuesday", "2023-03-04", "2023-03-07"),
    ("Fighting has displaced 3,000 people since Sunday.", "since Sunday", "2023-03-05", "2023-03-08"),
    ("Looting has gone on since Wednesday.", "since Wednesday", "2023-03-08", "2023-03-08"),
])
def test_weekday_spans_are_ranges(sentence, text, start, end):
    got = find_dates(sentence, PUB)
    assert [(w.text, w.start, w.end, w.precision) for w in got] == [(text, start, end, "range")]
    assert sentence[got[0].span_start:got[0].span_end] == text


@pytest.mark.parametrize("sentence", [
    "Gunmen raided four villages between Friday and Sunday.",
    "Fighting has displaced 3,000 people since Sunday.",
])
def test_without_publication_date_unresolved(sentence):
    got = find_dates(sentence, None)
    assert len(got) == 1 and got[0].precision == "unresolved" and got[0].start is None


def test_a_few_days_of_fighting_is_one_incident_not_a_running_total():
    doc = eventwire.extract("Clashes between two armed groups have killed at least 21 people near the town of "
                            "Tibu since Friday, the regional governor said.", published=PUB)
    ev = next(e for e in doc.events if e.event_type)
    assert ev.date is not None and (ev.date.start, ev.date.end, ev.date.precision) == ("2023-03-03", "2023-03-08", "range")
    assert ev.fatalities is not None and ev.fatalities.best == 21
