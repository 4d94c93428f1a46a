"""The page's own day of publication: its address's day or its creation stamp, over a given date
that is a later crawl or update."""
import pytest

from eventwire.resolve.dates.page_published import page_published, stamp_day, url_day


@pytest.mark.parametrize("url, day", [
    ("https://news.example.com/local/2018/03/14/man-shot-on-elm-street/", "2018-03-14"),
    ("https://www.example-herald.com/news/20180314/teen-wounded-in-drive-by", "2018-03-14"),
    ("https://example.com/breaking/ct-two-shot-south-side-20180314-story.html", "2018-03-14"),
    ("https://example.com/story/21447002/four-hurt-outside-tavern", None),  # an id, no day
    ("https://example.com/2018/13/40/not-a-day", None),
    (None, None),
])
def test_url_day(url, day):
    assert url_day(url) == day


@pytest.mark.parametrize("text, day", [
    ("Teen hurt in shooting\nPosted: Wednesday, March 14, 2018 5:02 PM\n\nA teen was shot.", "2018-03-14"),
    ("Teen hurt in shooting\nReporter Sam Doe has more. (Published Friday, March 16, 2018)\n", "2018-03-16"),
    ("Teen hurt in shooting\nUpdated: Friday, March 16, 2018\n\nA teen was shot.", None),  # an update is later
    ("Teen hurt in shooting\nA teen was shot on March 14, 2018, police said.", None),  # no stamp
])
def test_stamp_day(text, day):
    assert stamp_day(text) == day


def test_the_pages_own_day_wins_over_a_later_given_date():
    text = "Man wounded\nPosted: Wednesday, March 14, 2018\n\nA man was shot Tuesday night."
    assert page_published(text, None, "2018-04-02") == ("2018-03-14", "stamp")
    assert page_published(text, "https://example.com/2018/03/13/man-wounded", "2018-04-02") == ("2018-03-13", "url")
    assert page_published(text, None, "2018-03-15") is None  # a day's lag is no later crawl
    assert page_published(text, None, None) == ("2018-03-14", "stamp")
    assert page_published("Man wounded\nA man was shot.", None, "2018-04-02") is None

