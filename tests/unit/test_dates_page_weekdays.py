"""bind_weekdays: a bare weekday read with the full dates the page gives (texts written for the test)."""
from eventwire.resolve.dates import bind_weekdays, find_dates

PUB = "2016-06-01"  # a Wednesday; the most recent Monday is May 30


def _bound(text: str, stamp=lambda w: False) -> list[tuple[str, str]]:
    return [(w.text, w.start) for w in bind_weekdays(find_dates(text, PUB), PUB, stamp=stamp)]


def test_a_bare_weekday_is_the_day_the_page_names_in_full():
    text = "A girl was hit in a drive-by Monday night. Officers said it was near 11 p.m. Monday, May 23."
    assert _bound(text) == [("Monday", "2016-05-23"), ("Monday, May 23", "2016-05-23")]


def test_a_modified_weekday_keeps_its_own_week():
    text = "The suspect was seen last Monday. The shooting was on Monday, May 16."
    assert _bound(text)[0] == ("last Monday", "2016-05-30")


def test_days_after_publication_and_page_stamps_bind_nothing():
    upcoming = "He was arrested Monday and will appear in court Monday, June 6."
    assert _bound(upcoming)[0] == ("Monday", "2016-05-30")
    stamped = "Posted Monday, May 23. A man was shot Monday outside a store."
    assert _bound(stamped, stamp=lambda w: w.text.endswith("May 23"))[1] == ("Monday", "2016-05-30")


def test_two_full_days_of_one_weekday_leave_the_bare_one_alone():
    text = "He was shot Monday, May 16, and died Monday, May 23. Friends gathered Monday."
    assert _bound(text)[-1] == ("Monday", "2016-05-30")


def test_a_full_day_whose_weekday_is_wrong_binds_nothing():
    text = "The boy was shot Friday, May 23. His family spoke Friday."  # May 23, 2016 was a Monday
    assert _bound(text)[-1] == ("Friday", "2016-05-27")
