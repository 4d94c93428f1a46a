"""The story's day and place models (extract/story_day.py, story_place.py) and the outlet table
(geo/outlets.py); texts written for the test."""
from eventwire.extract.story import complete_main_event
from eventwire.extract.story_day import day_candidates, incident_day
from eventwire.extract.story_place import in_market, incident_place, outlet_tail, place_candidates, story_places
from eventwire.geo import outlets
from eventwire.geo.outlets import Outlet, site_of
from eventwire.geo.places import resolve_places
from eventwire.model import Document, Event, Evidence, Place, When


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for part in text.replace("\n", ". ").split(". "):
        out.append((start, part))
        start += len(part) + 2
    return out


def _place(text: str, name: str, lat: float, lon: float, start: int, admin1: str = "Ohio",
           precision: str = "city") -> Place:
    return Place(text=text, name=name, country="USA", admin1=admin1, latitude=lat, longitude=lon,
                 geonameid=None, precision=precision, start=start, end=start + len(text))


def _event(text: str, sentence: str, **kw) -> Event:
    start = text.index(sentence)
    return Event(id=sentence[:8], event_type="Violence against civilians", sub_event_type=None,
                 plover_type="ASSAULT", plover_mode=None, cameo_root=None, actor1=None, actor2=None,
                 location=kw.get("place"), date=kw.get("day"), fatalities=None, civilian_targeting=False,
                 attribution=None, hedged=False, evidence=Evidence(sentence=sentence, start=start, end=start + len(sentence)),
                 confidence=0.9, main=True)


def test_the_day_told_with_the_shooting_beats_the_day_police_spoke():
    text = ("Man wounded in shooting\nA man was shot late Saturday night outside a bar on Elm Street. "
            "Police said Monday they had arrested a suspect.")
    doc = Document(id="d", title=None, published="2016-05-09", text=text,
                   events=[_event(text, "A man was shot late Saturday night outside a bar on Elm Street")])
    days = {c.key for c in day_candidates(doc, _sentences(text))}
    assert days == {"2016-05-07", "2016-05-09"}  # Saturday, and Monday (also the publication day)
    day, p = incident_day(doc, _sentences(text))
    assert day.start == "2016-05-07" and p > 0.5


def test_a_report_that_tells_no_day_is_of_its_publication_day():
    text = "Teen shot on Elm Street\nA teenager was shot on Elm Street, police said."
    doc = Document(id="d", title=None, published="2016-05-09", text=text, events=[_event(text, "A teenager was shot")])
    day, _ = incident_day(doc, _sentences(text))
    assert day.start == "2016-05-09" and day.span_start is None


def test_the_scene_town_beats_the_hospital_town():
    text = ("Man shot in Dayton\nA man was shot in Dayton on Sunday. He was taken to a hospital in Columbus. "
            "Dayton police are looking for the shooter.")
    places = [_place("Dayton", "Dayton", 39.76, -84.19, text.index("Dayton")),
              _place("Dayton", "Dayton", 39.76, -84.19, text.index("Dayton", 20)),
              _place("Columbus", "Columbus", 39.96, -83.0, text.index("Columbus")),
              _place("Dayton", "Dayton", 39.76, -84.19, text.rindex("Dayton"))]
    doc = Document(id="d", title=None, published="2016-05-09", text=text, places=places,
                   events=[_event(text, "A man was shot in Dayton on Sunday")])
    place, _ = incident_place(doc, _sentences(text))
    assert place.name == "Dayton"


def test_the_outlet_town_when_the_page_names_none():
    text = "Man shot on Elm Street\nA man was shot on Elm Street on Sunday, police said."
    outlet = Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9)
    doc = Document(id="d", title=None, published="2016-05-09", text=text, events=[_event(text, "A man was shot")])
    cands = place_candidates(doc, _sentences(text), outlet=outlet)
    assert [c.features.get("outlet_alone") for c in cands] == [1.0]
    place, _ = incident_place(doc, _sentences(text), outlet=outlet)
    assert place.name == "Dayton" and place.text == "" and place.precision == "city"


def test_main_event_of_a_report_takes_the_modelled_day_for_a_told_one():
    text = "Man shot\nA man was shot Saturday night on Elm Street. Police said Monday they had no suspect."
    told = When(text="Monday", start="2016-05-09", end="2016-05-09", precision="day",
                span_start=text.index("Monday"), span_end=text.index("Monday") + 6)
    main = _event(text, "Police said Monday they had no suspect", day=told)
    doc = Document(id="d", title=None, published="2016-05-09", text=text, events=[main])
    complete_main_event(doc, _sentences(text))
    assert main.date.start == "2016-05-07"


def test_outlet_site_names():
    assert site_of("www.Example-News.com") == "example-news.com"
    assert site_of(None, "https://m.example.com/news/1") == "example.com"
    assert site_of("Example News", "http://www.example.com/a") == "example.com"
    assert site_of(None, None) is None


def test_the_outlet_region_places_an_ambiguous_town():
    text = "A man was shot in Columbia on Saturday."
    mention = [("Columbia", text.index("Columbia"), text.index("Columbia") + 8)]
    assert resolve_places(mention, text)[0].admin1 == "South Carolina"
    assert resolve_places(mention, text, home=("USA", "Tennessee"))[0].admin1 == "Tennessee"


def test_a_calendar_day_the_main_sentence_names_stays():
    sentence = "On 30 June 2022, soldiers clashed with militants near the border"
    text = "Two killed in shooting late Saturday night\n" + sentence + "."
    own = When(text="30 June 2022", start="2022-06-30", end="2022-06-30", precision="day",
               span_start=text.index("30 June"), span_end=text.index("30 June") + 12)
    main = _event(text, sentence, day=own)
    doc = Document(id="d", title=None, published="2022-07-07", text=text, events=[main])
    assert incident_day(doc, _sentences(text))[0].start == "2022-07-02"  # the model's pick: the headline's day
    complete_main_event(doc, _sentences(text))
    assert main.date.start == "2022-06-30"



def _span_main(monkeypatch, sentence: str, rest: str, said: str, start: str, end: str, precision: str) -> Event:
    """The main event of a report (its outlet known) dated by the span `said` in its `sentence`,
    after complete_main_event."""
    import eventwire.extract.story as story
    monkeypatch.setattr(story, "outlet_of_page", lambda source, url: Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9))
    text = f"Shooting\n{sentence}.{rest}"
    at = text.index(said)
    main = _event(text, sentence, day=When(text=said, start=start, end=end, precision=precision,
                                           span_start=at, span_end=at + len(said)))
    complete_main_event(Document(id="d", title=None, published="2016-05-09", text=text, events=[main]), _sentences(text))
    return main


def test_a_span_takes_the_modelled_day_inside_it(monkeypatch):
    main = _span_main(monkeypatch, "Two men were wounded in a shooting over the weekend",
                      " The men were shot late Saturday on Elm Street, police said.", "over the weekend",
                      "2016-05-07", "2016-05-08", "range")
    assert (main.date.start, main.date.precision) == ("2016-05-07", "day")


def test_a_span_stays_when_the_modelled_day_lies_outside_it(monkeypatch):
    main = _span_main(monkeypatch, "A man was charged Monday in a shooting last week", "", "last week",
                      "2016-05-02", "2016-05-08", "week")
    assert main.date.precision == "week"


def test_the_main_events_bare_weekday_is_the_one_the_page_names_in_full():
    sentence = "A girl was hit in a drive-by shooting Monday night"
    text = f"Girl shot\n{sentence}. Officers said it was near 11 p.m. Monday, May 23, at a home on Elm Street."
    at = text.index("Monday")
    main = _event(text, sentence, day=When(text="Monday", start="2016-05-30", end="2016-05-30", precision="day",
                                           span_start=at, span_end=at + 6))
    complete_main_event(Document(id="d", title=None, published="2016-06-01", text=text, events=[main]), _sentences(text))
    assert (main.date.start, main.date.text) == ("2016-05-23", "Monday")


def test_a_span_does_not_give_way_to_the_untold_publication_day(monkeypatch):
    main = _span_main(monkeypatch, "Two men were charged this week with a killing", "", "this week",
                      "2016-05-09", "2016-05-15", "week")
    assert main.date.precision == "week"


def test_towns_of_the_title_outlet_tail_are_not_named_by_the_page():
    text = ("Man shot on Elm Street - WXYZ News 7 Dayton, Ohio News Weather & Sports\n"
            "A man was shot on Elm Street in Springfield on Sunday.")
    places = [_place("Dayton", "Dayton", 39.76, -84.19, text.index("Dayton")),
              _place("Springfield", "Springfield", 39.92, -83.81, text.index("Springfield"))]
    doc = Document(id="d", title=None, published="2016-05-09", text=text, places=places,
                   events=[_event(text, "A man was shot on Elm Street in Springfield on Sunday")])
    assert [c.value.name for c in place_candidates(doc, _sentences(text))] == ["Springfield"]
    assert outlet_tail("Man shot in Dayton - police say\nbody") == []


def test_a_police_force_names_its_town():
    text = "Two shot at apartments\nKettering Police officers responded to shots fired at an apartment complex."
    doc = Document(id="d", title=None, published="2016-05-09", text=text)
    ohio = Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9)
    assert [(p.text, p.admin1) for p in story_places(doc, ohio)] == [("Kettering", "Ohio")]
    text = "The State Police and the Metro Police said a man was shot."
    assert story_places(Document(id="d", title=None, published="2016-05-09", text=text)) == []


def test_a_main_event_placed_nowhere_takes_the_town_the_page_names():
    text = "Man shot\nA man was shot on Elm Street, police said. Officers in Dayton searched the area."
    places = [_place("Dayton", "Dayton", 39.76, -84.19, text.index("Dayton"))]
    main = _event(text, "A man was shot on Elm Street, police said")
    main.event_type = "Strategic developments"  # not a violent type: the story's place only fills a gap
    doc = Document(id="d", title=None, published="2016-05-09", text=text, places=places, events=[main],
                   source="dayton-news.example")
    table = {"dayton-news.example": Outlet("USA", "Ohio")}  # an outlet known by its state only
    original = outlets._table
    outlets._table = lambda: table
    try:
        complete_main_event(doc, _sentences(text))
    finally:
        outlets._table = original
    assert main.location.name == "Dayton" and main.location.start == text.index("Dayton")
    unknown = _event(text, "A man was shot on Elm Street, police said")
    unknown.event_type = "Strategic developments"
    complete_main_event(Document(id="d", title=None, published="2016-05-09", text=text, places=places,
                                 events=[unknown]), _sentences(text))
    assert unknown.location is None  # no outlet: the page's town is not taken


def test_a_namesake_abroad_is_no_scene_of_a_local_outlet():
    text = "Teen shot\nA teen was shot in St. Lucie on Sunday, police said."
    abroad = Place(text="St. Lucie", name="Saint Lucia", country="ZAF", admin1="KwaZulu-Natal", latitude=-28.4,
                   longitude=32.4, geonameid=None, precision="city", start=text.index("St."), end=text.index("St.") + 9)
    doc = Document(id="d", title=None, published="2016-05-09", text=text, places=[abroad])
    outlet = Outlet("USA", "Ohio", "Dayton", 39.76, -84.19, 0.9)
    assert [c.features.get("outlet_town") for c in place_candidates(doc, _sentences(text), outlet=outlet)] == [1.0]
    assert [c.value.name for c in place_candidates(doc, _sentences(text))] == ["Saint Lucia"]


def test_a_name_cut_before_its_county_is_the_county():
    text = "Boy shot while hunting\nThe Becker County Sheriff's Office said a boy was shot near Frazee."
    becker = resolve_places([("Becker", text.index("Becker"), text.index("Becker") + 6)], text)[0]
    assert becker.precision == "city"  # the town of Becker, 200 km from the county
    doc = Document(id="d", title=None, published="2016-05-09", text=text, places=[becker])
    mn = Outlet("USA", "Minnesota", "Fargo", 46.88, -96.79, 0.9)
    (county,) = story_places(doc, mn)
    assert (county.text, county.name, county.precision) == ("Becker County", "Becker County", "admin2")


def test_a_namesake_in_the_outlets_market_is_the_one_its_page_means():
    text = "Four shot in Wilmington\nPolice in Wilmington are investigating a shooting."
    far = resolve_places([("Wilmington", 14, 24)], text, home=("USA", "North Carolina"))[0]
    assert far.admin1 == "North Carolina"
    philadelphia = Outlet("USA", None, "Philadelphia", 39.93, -75.19, 0.8)
    (near,) = in_market([far], philadelphia)
    assert (near.text, near.admin1, near.start) == ("Wilmington", "Delaware", 14)
    assert in_market([far], None) == [far]
