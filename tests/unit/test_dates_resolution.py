"""find_dates / resolve_date: news conventions against a publication date."""
import pytest

from eventwire.resolve.dates import find_dates, resolve_date

PUB = "2016-08-16"  # a Tuesday


@pytest.mark.parametrize("sentence, text, start, end, precision", [
    ("Gunmen attacked the convoy on Tuesday, police said.", "Tuesday", "2016-08-16", "2016-08-16", "day"),
    ("The offensive began on Sunday.", "Sunday", "2016-08-14", "2016-08-14", "day"),
    ("The minister arrived on Monday.", "Monday", "2016-08-15", "2016-08-15", "day"),
    ("Protests erupted on Wednesday.", "Wednesday", "2016-08-10", "2016-08-10", "day"),
    ("The bridge was bombed last Tuesday.", "last Tuesday", "2016-08-09", "2016-08-09", "day"),
    ("Talks resume next Tuesday.", "next Tuesday", "2016-08-23", "2016-08-23", "day"),
    ("The town fell yesterday.", "yesterday", "2016-08-15", "2016-08-15", "day"),
    ("Shelling continued today.", "today", "2016-08-16", "2016-08-16", "day"),
    ("Three mortars hit the camp last night.", "last night", "2016-08-15", "2016-08-15", "day"),
    ("The ceasefire collapsed last week.", "last week", "2016-08-08", "2016-08-14", "week"),
    ("Aid convoys arrived this week.", "this week", "2016-08-15", "2016-08-21", "week"),
    ("Prices rose last month.", "last month", "2016-07-01", "2016-07-31", "month"),
    ("He resigned last year.", "last year", "2015-01-01", "2015-12-31", "year"),
    ("The plant was seized three days ago.", "three days ago", "2016-08-13", "2016-08-13", "day"),
    ("Clashes broke out over the weekend.", "over the weekend", "2016-08-13", "2016-08-14", "range"),
    ("The leader said in March that troops would withdraw.", "March", "2016-03-01", "2016-03-31", "month"),
    ("A report in December described the base.", "December", "2015-12-01", "2015-12-31", "month"),
    ("Jets landed there in late November.", "late November", "2015-11-21", "2015-11-30", "range"),
    ("Fighting flared in early July.", "early July", "2016-07-01", "2016-07-10", "range"),
    ("Fighting flared in mid-June.", "mid-June", "2016-06-11", "2016-06-20", "range"),
    ("Two men were found shot early June 4 in a parked car.", "June 4", "2016-06-04", "2016-06-04", "day"),
    ("Strikes hit the city at the end of February.", "the end of February", "2016-02-21", "2016-02-29", "range"),
    ("The siege lasted from 3 to 5 May.", "from 3 to 5 May", "2016-05-03", "2016-05-05", "range"),
    ("Voting took place 5-7 March.", "5-7 March", "2016-03-05", "2016-03-07", "range"),
    ("Raids were recorded between 2 April and 9 July.", "between 2 April and 9 July", "2016-04-02", "2016-07-09", "range"),
    ("Raids were recorded between June 4 and June 9, 2014.", "between June 4 and June 9, 2014", "2014-06-04", "2014-06-09", "range"),
    ("The mission was launched on 30 September 2015.", "30 September 2015", "2015-09-30", "2015-09-30", "day"),
    ("The mission was launched on September 30, 2015.", "September 30, 2015", "2015-09-30", "2015-09-30", "day"),
    ("The mission was launched on 2015-09-30.", "2015-09-30", "2015-09-30", "2015-09-30", "day"),
    ("On 23 February 2022, rebels shelled the town.", "23 February 2022", "2022-02-23", "2022-02-23", "day"),
    ("The treaty was signed on the 4th of July 2012.", "the 4th of July 2012", "2012-07-04", "2012-07-04", "day"),
    ("The vote was held on Sunday, July 3, 2016.", "Sunday, July 3, 2016", "2016-07-03", "2016-07-03", "day"),
    ("The camp was shelled on 5 June.", "5 June", "2016-06-05", "2016-06-05", "day"),
    ("The camp was shelled on 28 December.", "28 December", "2015-12-28", "2015-12-28", "day"),
    ("The rally was held in March 2014.", "March 2014", "2014-03-01", "2014-03-31", "month"),
    ("The group was founded in 2014.", "2014", "2014-01-01", "2014-12-31", "year"),
    ("Attacks rose between 2011 and 2013.", "between 2011 and 2013", "2011-01-01", "2013-12-31", "range"),
    ("The party ruled in the 1990s.", "the 1990s", "1990-01-01", "1999-12-31", "range"),
])
def test_find_dates_resolves_against_publication(sentence, text, start, end, precision):
    got = find_dates(sentence, PUB)
    assert len(got) == 1, got
    w = got[0]
    assert (w.text, w.start, w.end, w.precision) == (text, start, end, precision)
    assert sentence[w.span_start:w.span_end] == text


@pytest.mark.parametrize("sentence, text, precision", [
    ("Gunmen attacked the convoy on Tuesday.", "Tuesday", "unresolved"),
    ("The town fell yesterday.", "yesterday", "unresolved"),
    ("The leader said in March that troops would withdraw.", "March", "unresolved"),
    ("The camp was shelled on 5 June.", "5 June", "unresolved"),
    ("Jets landed there in late November.", "late November", "unresolved"),
    ("The siege lasted from 3 to 5 May.", "from 3 to 5 May", "unresolved"),
    ("Clashes broke out last week.", "last week", "unresolved"),
])
def test_without_publication_relative_dates_are_never_guessed(sentence, text, precision):
    (w,) = find_dates(sentence, None)
    assert (w.text, w.precision, w.start, w.end) == (text, precision, None, None)


@pytest.mark.parametrize("sentence, start, precision", [
    ("The mission was launched on 30 September 2015.", "2015-09-30", "day"),
    ("The rally was held in March 2014.", "2014-03-01", "month"),
    ("The group was founded in 2014.", "2014-01-01", "year"),
])
def test_without_publication_full_dates_still_resolve(sentence, start, precision):
    (w,) = find_dates(sentence, None)
    assert (w.start, w.precision) == (start, precision)


@pytest.mark.parametrize("sentence", [
    "Incendiary weapons have been used at least 18 times.",
    "It is now the sixth year of the five-year war.",
    "Air raids on two rebel-held districts continued.",
    "The deal may also allow further inroads.",
    "Thousands joined a march on the capital.",
    "Cooperation has expanded in recent months.",
    "The siege lasted for three days.",
    "She spoke to the Sunday Times about Good Friday.",
    "Police fired 40 rounds at 120 protesters.",
])
def test_non_dates_are_not_reported(sentence):
    assert find_dates(sentence, PUB) == []


def test_offsets_are_shifted_and_sorted():
    s = "On Monday and again on 5 June the town was shelled."
    got = find_dates(s, PUB, offset=100)
    assert [w.text for w in got] == ["Monday", "5 June"]
    assert [(w.span_start - 100, w.span_end - 100) for w in got] == [(3, 9), (23, 29)]


@pytest.mark.parametrize("expr, published, start, precision", [
    ("on Sunday", PUB, "2016-08-14", "day"),
    ("late November", PUB, "2015-11-21", "range"),
    ("Sept. 30th, 2015", None, "2015-09-30", "day"),
    ("two weeks ago", PUB, "2016-08-01", "week"),
    ("yesterday", None, None, "unresolved"),
    ("noon", PUB, None, "unresolved"),
    ("", PUB, None, "unresolved"),
])
def test_resolve_date(expr, published, start, precision):
    w = resolve_date(expr, published)
    assert (w.start, w.precision) == (start, precision)


def test_bad_publication_date_counts_as_unknown():
    (w,) = find_dates("It happened on Tuesday.", "not a date")
    assert w.precision == "unresolved"
