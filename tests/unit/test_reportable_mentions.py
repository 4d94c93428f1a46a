"""Mentions of one event within a page become one record (eventwire/extract/mentions.py), and
the reportable-event model's files hang together."""
from eventwire.extract import mentions
from eventwire.extract.reportable import cues, model, threshold
from eventwire.model import Event, Evidence, Place, When


def _place(name, lat, lon, precision="city", country="MLI", admin1="Mopti", gid=None):
    return Place(text=name, name=name, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 geonameid=gid, precision=precision, start=0, end=0)


def _event(start, *, type_="Violence against civilians", place=None, day=None):
    when = When(text=day, start=day, end=day, precision="day") if day else None
    return Event(id=f"ev{start}", event_type=type_, sub_event_type="Attack", plover_type="ASSAULT",
                 plover_mode=None, cameo_root="18", actor1=None, actor2=None, location=place, date=when,
                 fatalities=None, civilian_targeting=True, attribution=None, hedged=False,
                 evidence=Evidence(sentence="s", start=start, end=start + 1), confidence=0.5)


def test_mentions_that_agree_are_one_event_and_towns_apart_are_two():
    town = _place("Bandiagara", 14.35, -3.61)
    country = _place("Mali", 17.0, -4.0, precision="country", admin1=None)
    other_town = _place("Sangha", 14.47, -3.31)  # about 35 km away
    evs = [_event(0, place=country), _event(10, place=town, day="2024-06-02"), _event(20),
           _event(30, place=other_town, day="2024-06-02"), _event(40, place=town, day="2024-05-01"),
           _event(50, type_="Protests", place=town)]
    assert mentions.group(evs) == [[0, 1, 2], [3], [4], [5]]


def test_collapsed_record_keeps_every_evidence_and_the_finest_facts():
    town = _place("Bandiagara", 14.35, -3.61)
    lead = _event(10, place=town, day="2024-06-02")
    headline = _event(0, place=_place("Mali", 17.0, -4.0, precision="country", admin1=None))
    ev = mentions.collapse([headline, lead])
    assert ev.location.name == "Bandiagara" and ev.date.start == "2024-06-02"
    assert [e.start for e in ev.evidence_spans] == [0, 10]


def test_the_model_file_and_its_cues_are_consistent():
    m = model()
    assert len(m["features"]) == len(m["coef"]) == len(m["mean"]) == len(m["scale"])
    assert 0.0 < threshold("reportable") < 1.0
    assert "will" in cues()["future_aux"]


def test_a_headline_names_the_leads_scene_loosely():
    province_town = _place("Idlib", 35.93, 36.63, country="SYR", admin1="Idlib")
    town = _place("Jisr ash Shughur", 35.81, 36.32, country="SYR", admin1="Idlib")  # about 30 km away
    headline, lead = _event(0, place=province_town), _event(50, place=town, day="2024-10-21")
    assert mentions.group([headline, lead], headline_end=40) == [[0, 1]]
    assert mentions.group([headline, lead]) == [[0], [1]]  # two towns in the body are two scenes
    ev = mentions.collapse([headline, lead], headline_end=40)
    assert ev.location.name == "Jisr ash Shughur" and [e.start for e in ev.evidence_spans] == [0, 50]


def test_calendar_days_are_told_apart_from_days_counted_from_the_page():
    from eventwire.resolve.dates import names_calendar_day
    assert names_calendar_day("30 September 2015") and names_calendar_day("between 5 June and 10 August")
    assert names_calendar_day("March 28, 2018")
    assert not names_calendar_day("Monday") and not names_calendar_day("two days ago")
    assert not names_calendar_day("last week")


def test_strategic_developments_of_two_sub_types_are_two_happenings():
    agreement, arrests = _event(0), _event(10)
    for ev, sub in ((agreement, "Agreement"), (arrests, "Arrests")):
        ev.event_type, ev.sub_event_type = "Strategic developments", sub
    assert mentions.group([agreement, arrests]) == [[0], [1]]


def test_days_that_cannot_be_placed_clash_when_they_differ_and_a_named_day_stands_apart():
    sunday = When(text="Sunday", start=None, end=None, precision="unresolved")
    tuesday = When(text="Tuesday", start=None, end=None, precision="unresolved")
    assert not mentions.same_time(sunday, tuesday) and mentions.same_time(sunday, sunday)
    dated, undated = _event(100), _event(200)
    dated.date = When(text="30 September 2015", start="2015-09-30", end="2015-09-30", precision="day",
                      span_start=100, span_end=101)
    assert mentions.group([dated, undated]) == [[0], [1]]
    assert mentions.group([undated, dated], headline_end=150) == [[1, 0]]  # a headline names no day


def test_two_readings_of_one_sentence_the_extraction_chooses():
    from eventwire.extract.reportable import _one_sentence_two_readings
    riot, attack, other = _event(0), _event(0), _event(50)
    riot.confidence, attack.confidence = 0.9, 0.6
    ranked = _one_sentence_two_readings([[1], [0], [2]], [riot, attack, other], [0.5, 0.8, 0.9])
    assert ranked[0] == [0]
    assert _one_sentence_two_readings([[2], [1], [0]], [riot, attack, other], [0.5, 0.8, 0.9])[0] == [2]


def test_verbal_events_of_two_sources_are_two_events_armed_violence_told_by_two_names_is_one():
    from dataclasses import replace

    from eventwire.model import Actor

    def actor(name, start):
        return Actor(text=name, name=name, country=None, kind="ngo", start=start, end=start + 1)

    accuse = replace(_event(0), event_type=None, sub_event_type=None, plover_type="ACCUSE")
    fsa = replace(accuse, actor1=actor("Free Syrian Army", 0))
    ngos = replace(accuse, id="b", actor1=actor("Amnesty International", 10), evidence=Evidence(sentence="s", start=10, end=11))
    assert mentions.group([fsa, ngos]) == [[0], [1]]
    assert mentions.group([fsa, replace(ngos, actor1=actor("Free Syrian Army", 10))]) == [[0, 1]]
    attack = _event(0, place=_place("Bandiagara", 14.35, -3.61))
    told_again = replace(_event(10), actor1=actor("gunmen", 10))
    assert mentions.group([replace(attack, actor1=actor("attackers", 0)), told_again]) == [[0, 1]]


def test_the_classifiers_none_reading_is_a_feature_that_lowers_the_probability():
    from eventwire.extract.reportable import _reads_none
    from eventwire.extract.classify import Prediction

    m = model()
    assert "reads_none" in m["features"] and m["coef"][m["features"].index("reads_none")] < 0
    none = Prediction(None, None, 0.9, 0.0, (("none", 0.9), ("Armed clash", 0.05)))
    assert _reads_none(none) == 0.9 and _reads_none(None) == 0.0
