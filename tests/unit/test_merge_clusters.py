"""Which reports merge into one incident, and which stay apart."""
import pytest

from eventwire.merge import merge
from test_merge_helpers import doc, event, place

JISR = place("Jisr al-Shughur", 35.8137, 36.3191, "SYR", "Idlib")
IDLIB_CITY = place("Idlib", 35.9306, 36.6339, "SYR", "Idlib")  # ~34 km from Jisr al-Shughur
EL_OBEID = place("El Obeid", 13.1843, 30.2167, "SDN", "North Kordofan")
NAIROBI = place("Nairobi", -1.2833, 36.8167, "KEN", "Nairobi")
KISUMU = place("Kisumu", -0.1022, 34.7617, "KEN", "Kisumu")
KENYA = place("Kenya", 0.5, 38.0, "KEN", None, precision="country")
IDLIB_PROV = place("Idlib", 35.83, 36.5, "SYR", "Idlib", precision="admin1")
BENI = place("Beni", 0.4911, 29.4731, "COD", "North Kivu")
KASESE = place("Kasese", 0.1833, 30.0833, "UGA", "Western")


def _groups(incidents):
    return sorted(sorted(s.document_id for s in inc.sources) for inc in incidents)


@pytest.mark.parametrize("similarity", ["lexical", "embed"])
def test_reports_of_one_strike_merge(similarity):
    items = [
        (doc("a", "Horizon"), event(where=JISR, killed=9,
                                    sentence="Air strikes hit a water station in Jisr al-Shughur on Monday, killing nine.")),
        (doc("b", "Levant", "2024-10-22"), event(where=JISR, day="2024-10-21", killed=11,
                                                 sentence="The toll from Monday's bombing of Jisr al-Shughur rose to 11.")),
        (doc("c", "Gulf"), event(where=IDLIB_PROV, killed=8,
                                 sentence="At least eight people were killed when warplanes bombed a town in Idlib.")),
    ]
    assert _groups(merge(items, similarity=similarity)) == [["a", "b", "c"]]


@pytest.mark.parametrize("first,second,apart", [
    ((EL_OBEID, "2024-06-03"), (EL_OBEID, "2024-06-06"), "three days apart"),
    ((NAIROBI, "2024-09-10"), (KISUMU, "2024-09-10"), "another town"),
    ((JISR, "2024-10-21"), (IDLIB_CITY, "2024-10-21"), "34 km apart"),
    ((BENI, "2024-08-12"), (KASESE, "2024-08-12"), "another country"),
])
def test_near_misses_stay_apart(first, second, apart):
    items = [(doc("a", "A"), event("Shelling/artillery/missile attack", where=first[0], day=first[1], killed=5)),
             (doc("b", "B"), event("Shelling/artillery/missile attack", where=second[0], day=second[1], killed=5))]
    assert len(merge(items, similarity="lexical")) == 2, apart


def test_vague_report_does_not_chain_two_towns():
    march = "Teachers marched peacefully on Tuesday to demand a pay deal."
    items = [
        (doc("n1", "Capital"), event("Peaceful protest", where=NAIROBI, day="2024-09-10", sentence=march)),
        (doc("n2", "Coast"), event("Peaceful protest", where=NAIROBI, day="2024-09-10", sentence=march)),
        (doc("k1", "Lakeside"), event("Peaceful protest", where=KISUMU, day="2024-09-10", sentence=march)),
        (doc("k2", "Capital"), event("Peaceful protest", where=KISUMU, day="2024-09-10", sentence=march)),
        (doc("v", "Wire"), event("Peaceful protest", where=KENYA, day="2024-09-10", sentence=march)),
    ]
    groups = _groups(merge(items, similarity="lexical"))
    assert len(groups) == 2
    assert not any({"n1", "k1"} <= set(g) for g in groups)


@pytest.mark.parametrize("sub_a,sub_b,merged", [
    ("Air/drone strike", "Shelling/artillery/missile attack", True),  # outlets name the weapon differently
    ("Air/drone strike", "Attack", True),  # one event family: political violence
    ("Air/drone strike", "Peaceful protest", False),
    ("Peaceful protest", "Arrests", False),
])
def test_blocking_by_type_family(sub_a, sub_b, merged):
    items = [(doc("a", "A"), event(sub_a, where=JISR, sentence="Jisr al-Shughur was hit on Monday.")),
             (doc("b", "B"), event(sub_b, where=JISR, sentence="Jisr al-Shughur was hit on Monday."))]
    assert (len(merge(items, similarity="lexical")) == 1) is merged


@pytest.mark.parametrize("day,precision,merged", [
    ("2024-10-22", "day", True),
    ("2024-10-23", "day", True),
    ("2024-10-25", "day", False),
    ("2024-10-01", "month", True),  # "in October": the month of the other report
    ("2024-11-01", "month", False),
])
def test_date_window_follows_precision(day, precision, merged):
    items = [(doc("a", "A"), event(where=JISR, day="2024-10-21", killed=9,
                                   sentence="Air strikes on Jisr al-Shughur killed nine people.")),
             (doc("b", "B", published="2024-11-05"),
              event(where=JISR, day=day, precision=precision, killed=9,
                    sentence="Air strikes on Jisr al-Shughur killed nine people."))]
    assert (len(merge(items, similarity="lexical")) == 1) is merged


def test_undated_report_needs_more_evidence():
    same = "Air strikes on Jisr al-Shughur killed nine people at a water station."
    other = "Warplanes bombed Jisr al-Shughur."
    base = (doc("a", "A"), event(where=JISR, killed=9, sentence=same))
    twin = (doc("b", "B", published="2024-10-22"), event(where=JISR, day=None, killed=9, sentence=same))
    vague = (doc("c", "C", published="2024-10-22"), event("Attack", where=JISR, day=None, sentence=other))
    assert len(merge([base, twin], similarity="lexical")) == 1
    assert len(merge([base, vague], similarity="lexical")) == 2


def test_merge_is_order_independent_and_ids_stable():
    items = [(doc(f"d{i}", f"S{i}"), event(where=JISR, killed=9 + i, sentence="Strikes hit Jisr al-Shughur."))
             for i in range(4)]
    first = merge(items, similarity="lexical")
    again = merge(list(reversed(items)), similarity="lexical")
    assert [i.id for i in first] == [i.id for i in again]
    grown = merge(items + [(doc("x", "X"), event(where=EL_OBEID, day="2024-06-03"))], similarity="lexical")
    assert {i.id for i in first} <= {i.id for i in grown}


def test_unplaced_report_takes_its_documents_country():
    # The extractor left the event unplaced, but the article is datelined in Syria: the report
    # can still join the only Syrian strike of that day, and never a strike elsewhere.
    sentence = "Two more people died overnight from wounds sustained in Monday's bombing, rescuers said."
    lead = (doc("a", "A"), event(where=JISR, killed=9, sentence="Air strikes on Jisr al-Shughur killed nine."))
    elsewhere = (doc("b", "B"), event(where=EL_OBEID, killed=9, sentence="Air strikes on El Obeid killed nine."))
    unplaced = doc("c", "C", places=[place("Syria", 35.0, 38.0, "SYR", precision="country"),
                                     place("Idlib", 35.93, 36.63, "SYR", "Idlib")])
    items = [lead, elsewhere, (unplaced, event(where=None, killed=11, sentence=sentence))]
    groups = _groups(merge(items, similarity="lexical"))
    assert ["a", "c"] in groups and ["b"] in groups
