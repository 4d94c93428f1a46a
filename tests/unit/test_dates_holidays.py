"""A holiday's name is a day: the most recent such holiday on or before publication."""
import pytest

from eventwire.resolve.dates import find_dates


@pytest.mark.parametrize("text, published, day", [
    ("A man was shot early New Year's Day outside a tavern.", "2019-01-02", "2019-01-01"),
    ("Two teens were wounded on New Year’s Eve in the east end.", "2019-01-02", "2018-12-31"),
    ("Deputies said the boy was shot on Christmas.", "2018-12-27", "2018-12-25"),
    ("Gunfire broke out Christmas morning at a duplex.", "2018-12-27", "2018-12-25"),
    ("The Fourth of July cookout ended when a man opened fire.", "2018-07-06", "2018-07-04"),
    ("A woman was struck by a stray bullet on Thanksgiving.", "2018-11-24", "2018-11-22"),  # 4th Thursday
    ("Three people were shot over Labor Day in the park.", "2018-09-05", "2018-09-03"),  # 1st Monday
    ("Officers recalled the shooting of Christmas Eve.", "2019-03-01", "2018-12-24"),  # within a month's slack: last year's
])
def test_holiday_is_a_day(text, published, day):
    found = [w for w in find_dates(text, published) if w.precision == "day"]
    assert [w.start for w in found] == [day]
    assert text[found[0].span_start:found[0].span_end] == found[0].text


@pytest.mark.parametrize("text", [
    "The church's Christmas party drew a big crowd.",  # a bare name is no day without "on" or a time of day
    "Kids wore masks at a Halloween parade downtown.",
    "The christmas lights stayed on.",  # names are capitalised as written
])
def test_a_bare_name_is_no_day(text):
    assert [w for w in find_dates(text, "2018-12-27") if w.precision == "day"] == []


def test_without_publication_a_holiday_is_unresolved():
    found = find_dates("He was shot on Christmas Day.", None)
    assert [(w.text, w.precision, w.start) for w in found] == [("Christmas Day", "unresolved", None)]
