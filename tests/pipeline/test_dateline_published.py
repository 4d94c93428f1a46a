"""A story with no publication date takes the day its dateline gives, and says so."""
import pytest

import eventwire
from eventwire.extract.events import dateline_date


@pytest.mark.parametrize("text, day", [
    ("Army kills 18 rebels\n\nBAMAKO, Nov. 4, 2024 - Mali's army said on Monday it killed 18 rebels.", "2024-11-04"),
    ("ARIHA, Syria, March 12, 2024 - Air strikes killed 12 people.", "2024-03-12"),
    ("SELYDOVE, Ukraine (Sept. 14) - At least 20 people were killed.", None),  # no year: no day
    ("MILLTOWN, Ohio (Nov. 4, 2024)— A boy was hurt while cleaning a rifle.", "2024-11-04"),  # dash unspaced
    ("Talks resume\n\nDiplomats met in Geneva on March 12, 2024.", None),  # a date, but no dateline
])
def test_dateline_day(text, day):
    assert dateline_date(text) == day


def test_dateline_day_resolves_relative_dates_and_is_marked():
    doc = eventwire.extract("BAMAKO, Nov. 4, 2024 - Mali's army said soldiers killed 18 rebels near Kidal on Sunday.")
    assert (doc.published, doc.published_from) == ("2024-11-04", "dateline")
    assert doc.events[0].date.start == "2024-11-03"


def test_a_given_date_wins_over_the_dateline():
    doc = eventwire.extract("BAMAKO, Nov. 4, 2024 - Soldiers killed 18 rebels near Kidal on Sunday.",
                            published="2024-11-05")
    assert (doc.published, doc.published_from) == ("2024-11-05", "input")
