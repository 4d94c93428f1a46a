"""A date put first in a sentence sets the time of what it tells; later dates in it are details'."""
import pytest

import eventwire
from eventwire.resolve.dates import find_dates, sets_the_scene

PUB = "2023-06-20"


@pytest.mark.parametrize("sentence, start", [
    ("On 3 June 2023, relatives of two farmers who were killed in 2019 rallied outside the court in Lima.",
     "2023-06-03"),
    ("Around 12 June 2023 (between 9 - 14 June), soldiers arrested six traders in the town of Kindu.",
     "2023-06-12"),
    ("On Friday, hundreds of nurses marched in Nairobi to mark the strike of 7 March 2021.", "2023-06-16"),
    # no date put first: the one nearest the event word
    ("Hundreds of nurses marched in Nairobi on Friday, a week after talks failed on 9 June 2023.", "2023-06-16"),
])
def test_the_fronted_day_dates_the_event(sentence, start):
    doc = eventwire.extract(sentence, published=PUB, mentions=True)  # each sentence's own event
    ev = next(e for e in doc.events if e.event_type)
    assert ev.date is not None and ev.date.start == start


@pytest.mark.parametrize("sentence, fronted", [
    ("On 3 June 2023, soldiers arrested six traders.", ["3 June 2023"]),
    ("Security measures: On 3 June 2023, the congress extended the emergency.", ["3 June 2023"]),
    ("Late on Friday, gunmen attacked the convoy.", ["Friday"]),
    ("Gunmen attacked the convoy on Friday.", []),
])
def test_sets_the_scene(sentence, fronted):
    assert [d.text for d in find_dates(sentence, PUB) if sets_the_scene(d, sentence, 0)] == fronted
