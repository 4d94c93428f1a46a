"""assess() flags: each kind fires on a hand-written defect and stays quiet on normal prose."""
import re

import pytest

from eventwire.quality import (THRESHOLDS, assess, contradictions, name_variants, near_duplicates,
                               penalty_for_span, removed_flags, score, sentence_flags,
                               unresolved_attributions)
from eventwire.extract.quotes import find_quotes
from eventwire.model import Actor, Quality, QualityFlag, Removed


def split(text):
    spans, start = [], 0
    for m in re.finditer(r"(?<=[.!?])[”\"]?\s+|\n+", text):
        end = m.start() + (1 if text[m.start()] in "”\"" else 0)
        if text[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def kinds(flags):
    return [f.kind for f in flags]


# --- near duplicates -----------------------------------------------------------------------

PARAPHRASES = [
    ("After the strikes, the planes went back to the base.",
     "After the sorties, the bombers returned to the base in Iran."),
    ("The rebels seized control of the town after two days of fighting.",
     "After two days of clashes, the insurgents took over the town."),
    ("Thousands of people fled their homes as the fighting spread.",
     "As the fighting spread, thousands of residents abandoned their homes."),
    ("The explosion damaged several buildings near the market.",
     "Several buildings close to the market were damaged by the blast."),
]
DIFFERENT = [
    # same topic and shape, different event: each names a place/day/number the other lacks
    ("Russian jets struck Aleppo on Tuesday, killing 19 civilians.",
     "Syrian jets struck Idlib on Monday, killing 12 fighters."),
    ("The explosion damaged several buildings near the market.",
     "A second explosion hit a police station near the market an hour later."),
    ("The president called for calm after the riots in the capital.",
     "The president dismissed the police chief after the riots in the capital."),
    # a short background line echoing part of a long lead
    ("A roadside bomb ripped through a military vehicle on the road linking Marka to the town of "
     "Afgooye on Wednesday, killing seven soldiers and wounding four, a military officer said.",
     "The road between Marka and Afgooye is one of the busiest in the region."),
]


@pytest.mark.parametrize("a, b", PARAPHRASES)
def test_paraphrase_pair_is_flagged(a, b):
    text = f"{a}\n\nFighting went on elsewhere in the province during the night.\n\n{b}"
    flags = near_duplicates(text, split(text), [])
    assert kinds(flags) == ["near_duplicate"]
    spans = flags[0].spans
    assert text[spans[0][0]:spans[0][1]] == a and text[spans[1][0]:spans[1][1]] == b


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_statements_are_not_flagged(a, b):
    text = f"{a}\n\n{b}"
    assert near_duplicates(text, split(text), []) == []


def test_threshold_sits_between_the_hand_written_pairs():
    from eventwire.embed import embed

    v = embed([x for p in PARAPHRASES for x in p])
    cos = [float(v[2 * i] @ v[2 * i + 1]) for i in range(len(PARAPHRASES))]
    assert min(cos) >= THRESHOLDS.near_dup_cosine


def test_same_actor_named_two_ways_is_not_a_clash():
    a = "Moscow sent more bombers to the base in Hamadan this week."
    b = "Russia deployed additional bombers to the Hamadan base this week."
    text = f"{a} {b}"
    actors = [Actor("Moscow", "Russia", "RUS", "state", 0, 6),
              Actor("Russia", "Russia", "RUS", "state", len(a) + 1, len(a) + 7)]
    assert kinds(near_duplicates(text, split(text), actors)) == ["near_duplicate"]


# --- name variants -------------------------------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("Iran and Russia signed a deal. The deal shows cooperation between Iran and Russian Federation.", True),
    ("Russia has sent bombers. Rights groups criticised Russian Federation for the strikes.", True),
    ("Washington said the United States would respond. The United States of America says the strikes "
     "are aimed only at military sites.", True),
    ("Nigeria's police are overstretched. Kidnapping is an industry in the Federal Republic of "
     "Nigeria, analysts say.", True),
    # normal variation: metonyms, adjectives, "the US"/"the United States", full name first
    ("Moscow denied it. The Kremlin said Russian forces would stay, and Russia would not withdraw.", False),
    ("The United States and the US Navy said the strikes were lawful; the US will continue.", False),
    ("The Russian Federation and Iran signed an accord. Russia will supply fuel and Russia will build a plant.", False),
    ("Ethiopia's prime minister spoke. Ethiopia said it would hold talks.", False),
    # an official title inside a quote is the speaker's register
    ('Russia said it would respond. "The Russian Federation will defend itself," the envoy said.', False),
])
def test_name_variant(text, flagged):
    flags = name_variants(text, [], find_quotes(text, split(text), []))
    assert bool(flags) == flagged
    if flagged:
        long = flags[0].detail.split(" / ")[1].split(":")[0]
        assert long in text
        assert all(text[s:e] for s, e in flags[0].spans)


def test_name_variant_detail_names_both_forms():
    text = "Iran and Russia signed a deal. It shows cooperation between Iran and Russian Federation."
    (flag,) = name_variants(text, [], [])
    assert "Russia / Russian Federation" in flag.detail
    assert [text[s:e] for s, e in flag.spans] == ["Russia", "Russian Federation"]


# --- contradictions ------------------------------------------------------------------------

@pytest.mark.parametrize("text, covered", [
    ("The siege has become the focus of the civil war, now in its sixth year. Talks resumed in "
     "Geneva on ending the five-year war.", ("sixth year", "five-year war")),
    ("The conflict, now in its third year, has displaced millions. Aid groups say the two-year "
     "conflict has emptied whole towns.", ("third year", "two-year conflict")),
    ("Shells hit the market in Lysove on Saturday, killing 23 people. Officials said the 21 people "
     "killed at the market had been buying food.", ("killing 23 people", "the 21 people killed")),
    ("A petition signed by more than 12,000 people was handed in. Organisers said nearly 20,000 "
     "people had signed the petition.", ("12,000", "20,000")),
])
def test_contradiction_is_flagged_with_both_spans(text, covered):
    flags = contradictions(text, split(text))
    assert kinds(flags) == ["contradiction"]
    got = [text[s:e] for s, e in flags[0].spans]
    assert all(any(c in g for g in got) for c in covered)


@pytest.mark.parametrize("text", [
    # consistent ages
    ("The war, now in its sixth year, goes on. More than five years of war have ruined the city."),
    # a toll that is presented as an update
    ("Shells hit the market in Lysove on Saturday, killing 23 people. The toll later rose to 25 "
     "people killed at the market."),
    # two incidents: other day, other place
    ("Air strikes killed 12 people in Ariha on Monday. On Tuesday, strikes killed four people in Ariha."),
    ("Gunmen killed 14 people in Beni. In Kasese, across the border, rebels killed six people."),
    # a party's own claim is an attributed disagreement
    ("The bomb killed seven soldiers near Balad on Wednesday. The group claimed it had killed 15 soldiers."),
    # killed and wounded are different counts
    ("The blast killed 9 people at the market. It wounded 31 people at the market."),
])
def test_no_contradiction(text):
    assert contradictions(text, split(text)) == []


# --- unresolved attributions ---------------------------------------------------------------

@pytest.mark.parametrize("text, phrase", [
    ('Aid workers said the shelling had become routine. "We count the dead every morning," he said.', "he said"),
    ("Shelling continued in the north. The watchdog said 40 families had fled.", "The watchdog said"),
])
def test_unresolved_attribution_spans_the_phrase(text, phrase):
    flags = unresolved_attributions(text, find_quotes(text, split(text), []))
    assert [text[s:e] for f in flags for s, e in f.spans] == [phrase]


def test_resolved_attributions_are_not_flagged():
    text = ('Governor Ana Ruiz said the market was hit twice. "There were only civilians," she said. '
            "The army said it was investigating. It said no soldiers were nearby.")
    assert unresolved_attributions(text, find_quotes(text, split(text), [])) == []


# --- removed material, score, helpers ------------------------------------------------------

def test_removed_material_gives_one_flag_per_kind():
    removed = [Removed("Advertisement", "boilerplate", 0, 13), Removed("Share", "boilerplate", 20, 25),
               Removed("Photo: Rescuers search the rubble", "boilerplate", 30, 62),
               Removed("The aftermath of the strike", "caption", 70, 97)]
    flags = removed_flags(removed)
    assert kinds(flags) == ["boilerplate", "caption"]
    assert "Advertisement" in flags[0].detail and "Share" in flags[0].detail
    assert "Photo: Rescuers" in flags[1].detail and flags[1].spans == []


def test_score_clean_high_stitched_low_and_diminishing():
    assert score([]) == 1.0
    assert score([QualityFlag("boilerplate", ""), QualityFlag("caption", "")]) >= 0.95
    one = score([QualityFlag("contradiction", "")])
    two = score([QualityFlag("contradiction", "")] * 2)
    many = score([QualityFlag("contradiction", "")] * 20)
    assert one > two > many >= 0.65  # one kind can cost at most 2 * its weight
    mixed = score([QualityFlag(k, "") for k in ("near_duplicate", "name_variant", "contradiction",
                                                 "unresolved_attribution")])
    assert mixed < 0.6


def test_penalty_and_sentence_flags_follow_spans():
    q = Quality(flags=[QualityFlag("contradiction", "", [[10, 20], [50, 60]]),
                       QualityFlag("near_duplicate", "", [[15, 18]])])
    assert penalty_for_span(q, 0, 9) == 1.0
    assert penalty_for_span(q, 0, 12) == pytest.approx(0.75)
    assert penalty_for_span(q, 12, 30) == pytest.approx(0.75 * 0.9)
    assert sentence_flags(q, [(0, 9), (9, 30), (40, 70)]) == {1: ["contradiction", "near_duplicate"],
                                                              2: ["contradiction"]}


def test_clean_wire_story_scores_high():
    text = ("Air strikes kill 12 in Ariha market town\n\n"
            "Air strikes on the town of Ariha killed 12 people on Monday, including four children, "
            "according to local rescue workers.\n\n"
            '"We pulled two children out alive," said Khaled Omar, a volunteer in Ariha. '
            '"The planes came back a second time," he said.\n\n'
            "The Ariha Rights Observatory, a Britain-based monitor, said Russian aircraft carried out "
            "the strikes. Russia's defence ministry did not comment. The monitor said the death toll "
            "could rise.\n\n"
            "Idlib is home to about three million people, many displaced during more than a decade of war.")
    sents = split(text)
    q = assess(text, sents, [Removed("Share", "boilerplate", 0, 5)], [], find_quotes(text, sents, []))
    assert kinds(q.flags) == ["boilerplate"]
    assert q.score >= 0.85
