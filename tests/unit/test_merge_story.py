"""Reports that lean on their article's lead story, related types, edited wire copies."""
import pytest

from eventwire.merge import merge
from eventwire.model import Evidence
from test_merge_helpers import doc, event, place

SACABA = place("Sacaba", -17.4042, -66.0408, "BOL", "Cochabamba")
QUILLACOLLO = place("Quillacollo", -17.3925, -66.2784, "BOL", "Cochabamba")  # ~25 km west
BOLIVIA = place("Bolivia", -17.0, -65.0, "BOL", None, precision="country")
TSAFE = place("Tsafe", 11.9574, 6.9224, "NGA", "Zamfara")
ZAMFARA = place("Zamfara", 12.1, 6.2, "NGA", "Zamfara", precision="admin1")
SOKOTO = place("Sokoto", 13.0622, 5.2339, "NGA", "Sokoto")  # another state

_RIOT = "Hundreds of protesters set fire to a police station in Sacaba on Tuesday."


def _ev(sub, *, at, start, where=None, day=None, sentence="x", **kw):
    ev = event(sub, where=where, day=day, sentence=sentence, **kw)
    ev.evidence = Evidence(sentence=sentence, start=start, end=start + len(sentence))
    return ev


def _groups(incidents):
    return sorted(sorted({s.document_id for s in inc.sources}) for inc in incidents)


def _together(incidents, ev_a, ev_b):
    of = {s.event_id: inc.id for inc in incidents for s in inc.sources}
    return of[ev_a.id] == of[ev_b.id]


def _riot_report(riot_day="2024-05-28", riot_where=SACABA):
    return (doc("a", "Andes Post", "2024-05-28"),
            _ev("Violent demonstration", at="a", start=0, where=riot_where, day=riot_day, sentence=_RIOT))


@pytest.mark.parametrize("riot_day,riot_where,together", [
    ("2024-05-28", SACABA, True),   # the day before the lead's arrests
    ("2024-05-29", SACABA, True),
    ("2024-05-25", SACABA, False),  # three days before the lead: another riot
    ("2024-05-28", QUILLACOLLO, False),  # another town, same day
])
def test_unplaced_undated_sentence_takes_its_articles_lead(riot_day, riot_where, together):
    # Doc b leads with the arrests (Sacaba, Wednesday); its riot sentence says neither where
    # nor when, so it is about the lead's place and the day before or the lead's day.
    lead = _ev("Arrests", at="b", start=0, where=SACABA, day="2024-05-29",
               sentence="Police arrested 31 people in Sacaba on Wednesday over the riot.")
    riot = _ev("Violent demonstration", at="b", start=200,
               sentence="The riot, in which protesters set fire to a police station, followed the arrest of a coca leader.")
    b = doc("b", "Meridian Wire", "2024-05-29")
    incidents = merge([_riot_report(riot_day, riot_where), (b, lead), (b, riot)], similarity="lexical")
    a_riot = next(s.event_id for inc in incidents for s in inc.sources if s.document_id == "a")
    of = {s.event_id: inc.id for inc in incidents for s in inc.sources}
    assert (of[a_riot] == of[riot.id]) is together
    # The taken place and day are never shown as the report's own.
    src = next(s for inc in incidents for s in inc.sources if s.event_id == riot.id)
    assert src.place is None and src.date is None


def test_sentence_without_place_or_day_goes_with_its_lead_whatever_its_type():
    lead = _ev("Violent demonstration", at="b", start=0, where=SACABA, day="2024-05-28", sentence=_RIOT)
    hurt = _ev("Attack", at="b", start=120, sentence="Nine police officers were injured.")
    b = doc("b", "B", "2024-05-28")
    assert _together(merge([(b, lead), (b, hurt)], similarity="lexical"), lead, hurt)


def test_a_later_landmark_does_not_move_a_countrywide_report():
    # "...in southwestern Bolivia on Tuesday" then "...50 km from Sacaba": the report stays
    # country-level and may still join the Quillacollo attack of that day.
    first = _ev("Attack", at="b", start=0, where=BOLIVIA, day="2024-05-28",
                sentence="Gunmen killed six people at a market in central Bolivia on Tuesday.")
    landmark = _ev("Attack", at="b", start=150, where=SACABA,
                   sentence="The market lies on the highway about 25 km from Sacaba.")
    other = _ev("Attack", at="c", start=0, where=QUILLACOLLO, day="2024-05-28",
                sentence="Gunmen killed six people at a market in Quillacollo on Tuesday.")
    items = [(doc("b", "B", "2024-05-28"), first), (doc("b", "B", "2024-05-28"), landmark),
             (doc("c", "C", "2024-05-28"), other)]
    incidents = merge(items, similarity="lexical")
    assert _together(incidents, first, other)


@pytest.mark.parametrize("town,together", [(TSAFE, True), (SOKOTO, False)])
def test_headline_town_refines_a_province_lead(town, together):
    head = _ev("Abduction/forced disappearance", at="b", start=0, where=town,
               sentence="43 abducted as bandits invade community")
    lead = _ev("Abduction/forced disappearance", at="b", start=60, where=ZAMFARA, day="2024-11-02",
               sentence="Bandits on Saturday abducted 43 people in a village of Zamfara State.")
    b = doc("b", "B", "2024-11-02")
    assert _together(merge([(b, head), (b, lead)], similarity="lexical"), head, lead) is together


@pytest.mark.parametrize("sub_a,day_b,where_b,together", [
    ("Attack", "2024-05-28", SACABA, True),        # a riot one outlet calls a mob attack
    ("Armed clash", "2024-05-28", SACABA, True),
    ("Attack", "2024-05-31", SACABA, False),       # three days later
    ("Attack", "2024-05-28", QUILLACOLLO, False),  # another town
    ("Air/drone strike", "2024-05-28", SACABA, False),  # never told as a riot
])
def test_related_types_meet_only_when_pinned_together(sub_a, day_b, where_b, together):
    sentence = "A mob set fire to the police station in Sacaba, injuring nine officers."
    a = _ev(sub_a, at="a", start=0, where=SACABA, day="2024-05-28", sentence=sentence)
    b = _ev("Violent demonstration", at="b", start=0, where=where_b, day=day_b, sentence=sentence)
    incidents = merge([(doc("a", "A", "2024-05-28"), a), (doc("b", "B", "2024-05-31"), b)], similarity="lexical")
    assert _together(incidents, a, b) is together


def test_edited_wire_copies_are_one_source():
    body = ("Hundreds of protesters set fire to a police station and a prosecutor's office in Sacaba on "
            "Tuesday after the arrest of a coca growers' leader, police said. Nine officers were hurt and "
            "the town's main road stayed blocked into the night, residents said.")
    s1 = "COCHABAMBA, Bolivia, May 28 (Wire) - Hundreds of protesters set fire to a police station and a prosecutor's office in Sacaba on Tuesday."
    s2 = "Hundreds of protesters set fire to a police station and a prosecutor's office in Sacaba on Tuesday."
    items = [
        (doc("a", "Andes Post", "2024-05-28", text="COCHABAMBA, Bolivia, May 28 (Wire) - " + body),
         _ev("Violent demonstration", at="a", start=0, where=SACABA, day="2024-05-28", sentence=s1)),
        (doc("b", "Globe", "2024-05-28", text="Riot in Sacaba\n\n" + body),
         _ev("Violent demonstration", at="b", start=0, where=SACABA, day="2024-05-28", sentence=s2)),
    ]
    (incident,) = merge(items, similarity="lexical")
    assert incident.corroboration == "single_source"


ZAPORIZHZHIA = place("Zaporizhzhia", 47.8229, 35.1903, "UKR", "Zaporizhzhia")
KYIV_DISTRICT = place("Shevchenkivskyi", 50.4547, 30.5238, "UKR", "Kyiv City", precision="admin2")


def test_a_district_named_in_a_city_story_is_that_citys():
    # The gazetteer put the district in Kyiv; the article is about Zaporizhzhia.
    lead = _ev("Air/drone strike", at="b", start=0, where=ZAPORIZHZHIA, day="2025-04-08",
               sentence="Glide bombs struck a residential district of Zaporizhzhia on Tuesday.")
    wounded = _ev("Attack", at="b", start=200, where=KYIV_DISTRICT, day="2025-04-08",
                  sentence="Twenty-four people were wounded in Tuesday's attack on Shevchenkivskyi.")
    other = _ev("Air/drone strike", at="c", start=0, where=ZAPORIZHZHIA, day="2025-04-08",
                sentence="Twenty-four people were wounded in Tuesday's bombing of Zaporizhzhia.")
    items = [(doc("b", "B", "2025-04-08"), lead), (doc("b", "B", "2025-04-08"), wounded),
             (doc("c", "C", "2025-04-08"), other)]
    assert _together(merge(items, similarity="lexical"), wounded, other)


@pytest.mark.parametrize("names,together", [
    ([place("Harare", -17.8292, 31.0522, "ZWE", "Harare")], True),  # the one town it names
    ([place("Harare", -17.8292, 31.0522, "ZWE", "Harare"), place("Bulawayo", -20.15, 28.58, "ZWE", "Bulawayo")], False),
])
def test_countrywide_report_leans_on_the_one_town_its_article_names(names, together):
    sentence = "Fourteen members of the main opposition party were held, their lawyers said."
    zimbabwe = place("Zimbabwe", -19.0, 29.75, "ZWE", None, precision="country")
    vague = doc("b", "B", "2024-06-17", places=[zimbabwe, *names])
    a = _ev("Arrests", at="a", start=0, where=names[0], day="2024-06-16", actor1="Zimbabwe",
            sentence="Police raided a home in Harare on Sunday and arrested 12 opposition activists.")
    b = _ev("Arrests", at="b", start=0, where=zimbabwe, day="2024-06-16", actor1="Zimbabwe", sentence=sentence)
    c = _ev("Arrests", at="c", start=0, where=place("Bulawayo", -20.15, 28.58, "ZWE", "Bulawayo"),
            day="2024-06-16", actor1="Zimbabwe",
            sentence="Police in Bulawayo arrested nine opposition activists at a meeting on Sunday.")
    incidents = merge([(doc("a", "A", "2024-06-16"), a), (doc("c", "C", "2024-06-16"), c), (vague, b)],
                      similarity="lexical")
    assert _together(incidents, a, b) is together
    assert not _together(incidents, c, b)  # two towns named: a hint at neither
