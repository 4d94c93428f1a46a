"""A local report of an arrest or a vigil in a shooting it also tells is the shooting's report
(extract/story.py); texts written for the test."""
import dataclasses

from eventwire.extract import story
from eventwire.extract.story import complete_main_event
from eventwire.geo.outlets import Outlet
from eventwire.model import Document, Event, Evidence, When

TEXT = ("Man arrested in fatal shooting of teen\nPolice arrested a 20-year-old man on Monday in the fatal "
        "shooting of a 16-year-old boy. The boy was shot and killed on Elm Street on Saturday night, police said. "
        "Separately, a woman was shot in the arm in another part of town.")
PUBLISHED = "2016-05-10"


def _event(sentence: str, type_: str, sub: str, day: str, confidence: float, main: bool = False) -> Event:
    start = TEXT.index(sentence)
    day_text = "Monday" if day == "2016-05-09" else "Saturday"
    return Event(id=sentence[:8], event_type=type_, sub_event_type=sub, plover_type=None, plover_mode=None,
                 cameo_root=None, actor1=None, actor2=None, location=None,
                 date=When(text=day_text, start=day, end=day, precision="day"), fatalities=None,
                 civilian_targeting=False, attribution=None, hedged=False,
                 evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                 confidence=confidence, main=main)


def _doc() -> Document:
    arrest = _event("Man arrested in fatal shooting of teen", "Strategic developments", "Arrests", "2016-05-09", 0.8, True)
    shooting = _event("The boy was shot and killed on Elm Street on Saturday night, police said",
                      "Violence against civilians", "Attack", "2016-05-07", 0.3)
    aside = _event("Separately, a woman was shot in the arm in another part of town",
                   "Violence against civilians", "Attack", "2016-05-09", 0.5)
    return Document(id="d", title=None, published=PUBLISHED, text=TEXT, events=[arrest, shooting, aside])


def _sentences() -> list[tuple[int, str]]:
    return [(TEXT.index(s), s) for s in TEXT.replace("\n", ". ").split(". ") if s]


def test_on_a_local_page_the_shooting_is_the_main_event(monkeypatch):
    monkeypatch.setattr(story, "outlet_of_page", lambda source, url: Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9))
    doc = _doc()
    main = complete_main_event(doc, _sentences())
    arrest, shooting, aside = doc.events
    assert main is shooting and shooting.main and not arrest.main and not aside.main  # not the aside's
    assert (shooting.confidence, arrest.confidence) == (0.8, 0.3)  # the page's surest probability is the shooting's
    assert main.date.start == "2016-05-07"


def test_without_a_known_outlet_the_arrest_stays_main(monkeypatch):
    monkeypatch.setattr(story, "outlet_of_page", lambda source, url: None)
    doc = _doc()
    main = complete_main_event(doc, _sentences())
    assert main is doc.events[0] and main.sub_event_type == "Arrests" and main.date.start == "2016-05-09"


def test_a_shooting_dated_after_publication_is_no_report_of_it(monkeypatch):
    monkeypatch.setattr(story, "outlet_of_page", lambda source, url: Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9))
    doc = _doc()
    doc.events = [doc.events[0], dataclasses.replace(doc.events[1], date=When(text="Friday", start="2016-05-13",
                                                                             end="2016-05-13", precision="day"))]
    assert complete_main_event(doc, _sentences()) is doc.events[0]
