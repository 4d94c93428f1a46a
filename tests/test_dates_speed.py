"""find_dates must stay cheap: it runs on every sentence of every article."""
import time

from eventwire.resolve.dates import find_dates

SENTENCES = [
    "Air raids on two districts of the city on Tuesday killed 19 civilians, activists said.",
    "The watchdog said the weapons were used at least 18 times between 5 June and 10 August.",
    "The operation was launched on 30 September 2015 and expanded in late November.",
    "Officials said in March that most forces would withdraw, as talks resumed in Geneva.",
    "The minister was in the capital on Monday, where he discussed deeper cooperation.",
    "Rights groups have criticised both sides for repeated strikes on civilian targets.",
] * 12  # roughly a 1000-word article


def test_a_thousand_word_article_takes_well_under_20_ms():
    find_dates(SENTENCES[0], "2016-08-16")  # compile once
    t0 = time.perf_counter()
    for _ in range(5):
        for s in SENTENCES:
            find_dates(s, "2016-08-16")
    per_article = (time.perf_counter() - t0) / 5
    assert per_article < 0.02
