"""What one merged incident says: tolls, disagreements, sources and corroboration."""
import pytest

from eventwire.merge import incident_id, merge, syndication_groups
from test_merge_helpers import doc, event, place

MARKET = place("Selydove", 48.1469, 37.3000, "UKR", "Donetsk")
WIRE = ("SELYDOVE, Ukraine (Meridian Wire) - Russian shelling hit the central market of Selydove on "
        "Tuesday morning, killing 23 people and wounding dozens more, the regional governor said. "
        "Emergency crews were still searching the rubble of several stalls in the afternoon, and the "
        "local hospital asked residents to donate blood.")


def _one(items):
    incidents = merge(items, similarity="lexical")
    assert len(incidents) == 1
    return incidents[0]


def test_tolls_follow_the_conservative_rule():
    inc = _one([
        (doc("a", "Outlet A"), event(where=MARKET, killed=23, sentence="Shelling of the Selydove market killed 23.")),
        (doc("b", "Outlet B", "2024-10-22"), event(where=MARKET, day="2024-10-21", killed=25,
                                                   sentence="The Selydove market toll rose to 25.")),
        (doc("c", "Outlet C"), event(where=MARKET, killed=20, sentence="At least 20 died at the Selydove market.")),
    ])
    assert inc.fatalities == {"best": 20, "low": 20, "high": 25}
    assert "fatalities: 23 (Outlet A), 25 (Outlet B), 20 (Outlet C)" in inc.disagreements
    assert {s.document_id: s.fatalities for s in inc.sources} == {"a": 23, "b": 25, "c": 20}
    assert all(s.evidence.sentence for s in inc.sources)
    assert inc.corroboration == "corroborated"
    assert inc.id == incident_id(s.event_id for s in inc.sources)


def test_date_and_place_disagreements_are_listed():
    near = place("Selydove outskirts", 48.16, 37.31, "UKR", "Donetsk")
    inc = _one([
        (doc("a", "A"), event(where=MARKET, day="2024-10-21", killed=23, sentence="Shelling hit Selydove market.")),
        (doc("b", "B"), event(where=near, day="2024-10-22", killed=23, sentence="Shelling hit Selydove market.")),
    ])
    assert "date: 2024-10-21 (A), 2024-10-22 (B)" in inc.disagreements
    assert any(d.startswith("place: ") for d in inc.disagreements)
    assert (inc.date_start, inc.date_end) == ("2024-10-21", "2024-10-22")


def test_syndicated_copies_count_as_one_source():
    sentence = "Russian shelling hit the central market of Selydove on Tuesday morning, killing 23 people."
    items = [
        (doc("a", "Horizon", text="Market shelled\n\n" + WIRE), event(where=MARKET, killed=23, sentence=sentence)),
        (doc("b", "Globe", text="Advertisement\nTwenty-three killed in Selydove\n\n" + WIRE),
         event(where=MARKET, killed=23, sentence=sentence)),
    ]
    inc = _one(items)
    assert inc.corroboration == "single_source"
    assert len(inc.sources) == 2
    third = (doc("c", "Dnipro Review", text="Selydove mourns. Volunteers said 23 died when shells hit the market."),
             event(where=MARKET, killed=23, sentence="Volunteers said 23 died when shells hit the Selydove market."))
    assert _one(items + [third]).corroboration == "corroborated"


@pytest.mark.parametrize("actor1,said,sentence,grade", [
    ("Russia", "Russia", "Russia said it struck the market.", "acknowledged"),
    ("Russia", "the defence ministry", "The defence ministry said its jets struck a command post.", "acknowledged"),
    ("Balochistan Liberation Army", None, "The Balochistan Liberation Army claimed responsibility for the bombing.",
     "acknowledged"),
    ("Russia", "the governor", "The governor said Russian shells hit the market.", "corroborated"),
])
def test_acknowledged_when_the_perpetrator_speaks(actor1, said, sentence, grade):
    inc = _one([
        (doc("a", "A"), event(where=MARKET, killed=23, actor1=actor1, sentence="Shelling hit Selydove market.")),
        (doc("b", "B"), event(where=MARKET, killed=23, actor1=actor1, said=said, sentence=sentence)),
    ])
    assert inc.corroboration == grade


def test_single_report_is_single_source():
    inc = _one([(doc("a", "A"), event(where=MARKET, killed=3))])
    assert inc.corroboration == "single_source"
    assert inc.fatalities == {"best": 3, "low": 3, "high": 3}
    assert inc.disagreements == []


@pytest.mark.parametrize("other,together", [
    ("Advertisement\n" + WIRE + "\nShare this article", True),
    ("Shelling hit a market in Selydove on Tuesday, killing 23 people, officials said. Rescuers searched "
     "the rubble while the hospital appealed for blood donors.", False),
])
def test_syndication_groups(other, together):
    texts = {"a": WIRE, "b": other}
    groups = syndication_groups([("a", "b")], texts.__getitem__)
    assert (groups.get("a") is not None and groups.get("a") == groups.get("b")) is together


def test_a_name_inside_another_source_is_not_the_perpetrator():
    inc = _one([
        (doc("a", "A"), event("Arrests", where=MARKET, actor1="Zimbabwe", sentence="Police detained activists.")),
        (doc("b", "B"), event("Arrests", where=MARKET, actor1="Zimbabwe", said="Zimbabwe Lawyers for Human Rights",
                              sentence="The activists were detained, Zimbabwe Lawyers for Human Rights said.")),
    ])
    assert inc.corroboration == "corroborated"
