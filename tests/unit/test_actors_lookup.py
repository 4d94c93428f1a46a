"""lookup_actor: aliases resolve to one canonical actor, whatever their spelling."""
import pytest

from eventwire.resolve.actors import ActorInfo, country_name, dictionary_version, lookup_actor


@pytest.mark.parametrize(
    "text, name, country, kind",
    [
        ("Russia", "Russia", "RUS", "state"),
        ("the Russian Federation", "Russia", "RUS", "state"),
        ("Moscow", "Russia", "RUS", "state"),
        ("the Kremlin", "Russia", "RUS", "state"),
        ("Kremlin’s", "Russia", "RUS", "state"),
        ("Iran", "Iran", "IRN", "state"),
        ("Islamic Republic of Iran", "Iran", "IRN", "state"),
        ("Tehran's", "Iran", "IRN", "state"),
        ("Syrian Arab Republic", "Syria", "SYR", "state"),
        ("Washington", "United States", "USA", "state"),
        ("the White House", "United States", "USA", "state"),
        ("U.S.", "United States", "USA", "state"),
        ("Kiev", "Ukraine", "UKR", "state"),
        ("Kyiv", "Ukraine", "UKR", "state"),
        ("Ankara", "Turkey", "TUR", "state"),
        ("Britain", "United Kingdom", "GBR", "state"),
        ("Russian", "Russia", "RUS", "state"),
        ("Iranians", "Iran", "IRN", "state"),
    ],
)
def test_country_names_capitals_and_demonyms(text, name, country, kind):
    assert lookup_actor(text) == ActorInfo(name, country, kind)


@pytest.mark.parametrize(
    "text, name, country, kind",
    [
        ("The Russian Defence Ministry", "Russia", "RUS", "military"),
        ("Russian defense ministry", "Russia", "RUS", "military"),
        ("Russia's Foreign Ministry", "Russia", "RUS", "state"),
        ("the Russian military", "Russia", "RUS", "military"),
        ("Iran's National Security Council", "Iran", "IRN", "state"),
        ("Iranian armed forces", "Iran", "IRN", "military"),
        ("Turkish air force", "Turkey", "TUR", "military"),
        ("Syrian government forces", "Syria", "SYR", "military"),
        ("the Syrian regime", "Syria", "SYR", "state"),
        ("the Assad regime", "Syria", "SYR", "state"),
        ("Assad forces", "Syria", "SYR", "military"),
        ("Nigerian police", "Nigeria", "NGA", "police"),
        ("Syrian rebels", "Rebels", "SYR", "rebel"),
        ("Iranian protesters", "Protesters", "IRN", "protesters"),
    ],
)
def test_state_organs_resolve_to_the_country(text, name, country, kind):
    assert lookup_actor(text) == ActorInfo(name, country, kind)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Jabhat al-Nusra", "Jabhat Fateh al-Sham"),
        ("al-Nusra Front", "Jabhat Fateh al-Sham"),
        ("Nusra Front", "Jabhat Fateh al-Sham"),
        ("Jabhat Fateh al-Sham", "Jabhat Fateh al-Sham"),
        ("Jabhat Fateh al Sham", "Jabhat Fateh al-Sham"),
        ("Syria’s al-Qaida branch", "Jabhat Fateh al-Sham"),
        ("Syria's rebranded al-Qaeda branch", "Jabhat Fateh al-Sham"),
        ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("HTS", "Hayat Tahrir al-Sham"),
        ("ISIS", "Islamic State"),
        ("ISIL", "Islamic State"),
        ("Daesh", "Islamic State"),
        ("the Islamic State group", "Islamic State"),
        ("Free Syrian Army", "Free Syrian Army"),
        ("FSA", "Free Syrian Army"),
        ("Hizbollah", "Hezbollah"),
        ("the Taliban", "Taliban"),
        ("al-Shabab", "al-Shabaab"),
        ("Ansar Allah", "Houthis"),
        ("Houthi rebels", "Houthis"),
        ("Kurdistan Workers’ Party", "Kurdistan Workers' Party"),
        ("al Qaeda", "al-Qaeda"),
        ("al-Qaida", "al-Qaeda"),
        ("AQAP", "al-Qaeda in the Arabian Peninsula"),
        ("Wagner mercenaries", "Wagner Group"),
        ("Rapid Support Forces", "Rapid Support Forces"),
        ("SPLM-IO", "SPLA-IO"),
        ("March 23 Movement", "M23"),
    ],
)
def test_armed_groups_and_their_renames(text, name):
    info = lookup_actor(text)
    assert info is not None and info.name == name


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Human Rights Watch", "Human Rights Watch", "ngo"),
        ("Amnesty International", "Amnesty International", "ngo"),
        ("SOHR", "Syrian Observatory for Human Rights", "ngo"),
        ("the Britain-based Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights", "ngo"),
        ("Doctors Without Borders", "Médecins Sans Frontières", "ngo"),
        ("ICRC", "International Committee of the Red Cross", "ngo"),
        ("the UN", "United Nations", "international"),
        ("UN refugee agency", "UNHCR", "international"),
        ("UN Security Council", "UN Security Council", "international"),
        ("American Enterprise Institute", "American Enterprise Institute", "ngo"),
        ("Agence France-Presse", "Agence France-Presse", "media"),
        ("rights groups", "Human rights groups", "ngo"),
        ("the watchdog", "Human rights groups", "ngo"),
        ("activists", "Activists", "other"),
        ("insurgents", "Rebels", "rebel"),
        ("gunmen", "Unidentified armed group", "militia"),
        ("demonstrators", "Protesters", "protesters"),
        ("villagers", "Civilians", "civilians"),
        ("government forces", "Government forces", "military"),
        ("President Vladimir Putin", "Vladimir Putin", "state"),
    ],
)
def test_organisations_and_generic_groups(text, name, kind):
    info = lookup_actor(text)
    assert info is not None and (info.name, info.kind) == (name, kind)


@pytest.mark.parametrize("singular, plural", [("rebel", "rebels"), ("protester", "protesters"),
                                               ("Houthi", "Houthis"), ("civilian", "civilians")])
def test_plural_and_singular_resolve_alike(singular, plural):
    assert lookup_actor(singular) is not None
    assert lookup_actor(singular) == lookup_actor(plural)


@pytest.mark.parametrize("text", ["", "the", "banana bread", "Aleppo", "yesterday", "was in"])
def test_unknown_text_is_none(text):
    assert lookup_actor(text) is None


def test_dictionary_is_versioned_and_names_countries():
    assert dictionary_version()
    assert country_name("RUS") == "Russia"
    assert country_name("XXX") is None
