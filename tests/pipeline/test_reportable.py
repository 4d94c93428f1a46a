"""Events, not mentions: one record per event of the story's days, exactly one of them main."""
import eventwire


_STORY = ("Thousands protest in Algiers against the president\n\n"
          "Thousands of people marched through Algiers on Friday to protest against a fifth term for the president.\n\n"
          "Police fired tear gas at the crowd near the main post office.\n\n"
          "Opposition parties plan a general strike next week.")


def test_one_record_per_event_one_main_and_plans_are_no_events():
    doc = eventwire.extract(_STORY, published="2019-03-10")
    assert sum(e.main for e in doc.events) == 1
    protests = [e for e in doc.events if e.event_type == "Protests"]
    assert len(protests) == 1 and protests[0].main
    assert len(protests[0].evidence_spans) >= 2  # the lead and the police response at least
    assert protests[0].date is not None and protests[0].date.start == "2019-03-08"
    assert not any("general strike" in s.sentence for e in doc.events for s in e.evidence_spans)
    raw = eventwire.extract(_STORY, published="2019-03-10", mentions=True)
    assert len(raw.events) > len(doc.events) and not any(e.main for e in raw.events)


def test_a_page_without_events_has_no_main():
    doc = eventwire.extract("The council will meet on Tuesday to discuss the budget.", published="2024-06-04")
    assert not any(e.main for e in doc.events)


_BACKGROUND = ("Gunmen kill five villagers in central Mali\n\n"
               "Gunmen killed five villagers in an attack on Ogossagou on Sunday, local officials said.\n\n"
               "The army launched its operation against the militants in the region on 12 March 2019.\n\n"
               "Residents said attacks on villages have become common.")


def test_a_background_fact_with_its_calendar_day_is_kept_beside_the_news_but_never_main():
    doc = eventwire.extract(_BACKGROUND, published="2024-06-04")
    main = [e for e in doc.events if e.main]
    assert len(main) == 1 and main[0].date is not None and main[0].date.start == "2024-06-02"
    dated = [e for e in doc.events if e.date is not None and e.date.start == "2019-03-12"]
    assert dated and not any(e.main for e in dated)
    assert not any("become common" in e.evidence.sentence for e in doc.events)
    # alone on a page, with no event of its own days, the same fact is not kept
    alone = eventwire.extract(_BACKGROUND.split("\n\n", 2)[2], published="2024-06-04")
    assert not alone.events
