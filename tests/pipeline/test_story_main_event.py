"""The main event completed from its story (eventwire/extract/story.py); texts written for the test."""
from eventwire.extract.story import complete_main_event, dateline_place, lead_day
from eventwire.model import Casualties, Document, Event, Evidence, Place, When


def _place(name: str, lat: float, lon: float, precision: str = "city") -> Place:
    return Place(text=name, name=name, country="USA", admin1=None, latitude=lat, longitude=lon,
                 geonameid=None, precision=precision, start=0, end=len(name))


def _doc(text: str, published: str | None, *events: Event) -> Document:
    return Document(id="d", title=None, published=published, text=text, events=list(events))


def _event(conf: float, sentence: str, *, place=None, day=None, dead=None, kind="Violence against civilians") -> Event:
    return Event(id=sentence[:8], event_type=kind, sub_event_type=None, plover_type="ASSAULT", plover_mode=None,
                 cameo_root=None, actor1=None, actor2=None, location=place,
                 date=When(text=day, start=day, end=day, precision="day") if day else None,
                 fatalities=Casualties(text="x", best=dead, low=dead, high=dead) if dead is not None else None,
                 civilian_targeting=False, attribution=None, hedged=False,
                 evidence=Evidence(sentence=sentence, start=0, end=len(sentence)), confidence=conf)


def test_main_event_takes_empty_slots_from_its_story():
    town = _place("Springfield", 39.8, -89.6)
    main = _event(0.9, "Man dies in Springfield shooting")
    other = _event(0.7, "He was shot on Elm Street on Saturday.", place=town, day="2016-05-07", dead=1)
    assert complete_main_event(_doc(main.evidence.sentence, None, main, other)) is main
    assert (main.location, main.date.start, main.fatalities.best) == (town, "2016-05-07", 1)


def test_own_slots_and_other_incidents_are_kept():
    main = _event(0.9, "Two shot in Springfield on Saturday.", place=_place("Springfield", 39.8, -89.6),
                  day="2016-05-07", dead=0)
    aside = _event(0.7, "Separately, a man was killed in Peoria.", place=_place("Peoria", 40.7, -89.6), dead=1)
    complete_main_event(_doc(main.evidence.sentence, None, main, aside))
    assert main.location.name == "Springfield" and main.fatalities.best == 0


def test_dateline_town_with_its_state():
    place = dateline_place("Headline\nWARREN, Mich. (WXYZ) - Police say four people were shot.")
    assert place is not None and place.name == "Warren" and place.admin1 == "Michigan"
    assert place.text == "WARREN"


def test_lead_day_skips_stamps_and_days_things_were_said():
    text = ("Teen shot\nPosted: Monday, May 9, 2016\nPolice said Monday that a teen was shot "
            "Saturday night on Elm Street.")
    day = lead_day(text, "2016-05-09")
    assert day is not None and day.start == "2016-05-07"
    assert lead_day(text, None) is None


def test_own_day_kept_a_told_day_replaced_by_the_incident_day():
    text = "Two shot\nTwo men were shot on Elm Street Saturday night. Police said Monday they had no suspect."
    own = _event(0.9, "Two men were shot on Elm Street Saturday night.", day="2016-05-07")
    own.date.span_start = text.index("Saturday")
    complete_main_event(_doc(text, "2016-05-09", own))
    assert own.date.start == "2016-05-07"  # the event's own sentence gave the incident's day: kept
    told = _event(0.9, "Police said Monday they had no suspect.", day="2016-05-09")
    told.date.span_start = text.index("Monday")
    complete_main_event(_doc(text, "2016-05-09", told))
    assert told.date.start == "2016-05-07"  # "said Monday" is when it was told: the incident's Saturday


def test_a_separate_incident_later_in_the_story_gives_nothing():
    main = _event(0.9, "A motorcycle bomb blew up beside a police post on Wednesday, killing three people.",
                  day="2024-09-18", dead=3)
    other = _event(0.6, "Earlier on Wednesday, a separate roadside bomb killed police officers in Bannu district.",
                   place=_place("Bannu", 32.99, 70.6), day="2024-09-18")
    complete_main_event(_doc(main.evidence.sentence, "2024-09-18", main, other))
    assert main.location is None


def test_a_reference_town_is_no_scene():
    text = "The blast hit a market in the district, about 50 kilometres south of the provincial capital Quetta."
    quetta = Place(text="Quetta", name="Quetta", country="PAK", admin1=None, latitude=30.2, longitude=67.0,
                   geonameid=None, precision="city", start=text.index("Quetta"), end=len(text) - 1)
    main = _event(0.9, "A suicide bomber killed six people on Tuesday.", day="2025-02-18", dead=6)
    other = _event(0.6, text, place=quetta, day="2025-02-18")
    complete_main_event(_doc(text, "2025-02-18", main, other))
    assert main.location is None
