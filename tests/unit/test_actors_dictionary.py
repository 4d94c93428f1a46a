"""The shipped alias dictionary is well formed and covers what the resolver promises."""
import re

import pytest
import yaml

from eventwire.resolve.actors import DATA_PATH, lookup_actor

KINDS = {"state", "military", "police", "rebel", "militia", "civilians", "protesters", "ngo",
         "media", "international", "other"}


@pytest.fixture(scope="module")
def data():
    return yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))


def test_has_a_version(data):
    assert str(data["version"]).strip()


def test_countries_have_iso3_and_unique_names(data):
    names = [c["name"] for c in data["countries"]]
    assert len(names) == len(set(names))
    assert len(names) >= 190
    for c in data["countries"]:
        assert re.fullmatch(r"[A-Z]{3}", c["iso3"]), c


def test_entries_use_known_kinds_and_countries(data):
    iso3 = {c["iso3"] for c in data["countries"]}
    for section in ("organizations", "people"):
        for e in data[section]:
            assert e["kind"] in KINDS, e["name"]
            assert e.get("country") is None or e["country"] in iso3, e["name"]
            assert e["aliases"] and all(isinstance(a, str) and a.strip() for a in e["aliases"])
    for group in data["organs"]:
        assert group["kind"] in KINDS
        assert all(isinstance(p, str) and p == p.lower() for p in group["phrases"]), group


def test_people_with_an_org_point_at_a_listed_organisation(data):
    orgs = {o["name"] for o in data["organizations"]}
    for p in data["people"]:
        if p.get("org"):
            assert p["org"] in orgs, p["name"]


@pytest.mark.parametrize("country", ["Russia", "Iran", "Syria", "United States", "United Kingdom",
                                     "Ukraine", "Turkey", "China", "Israel", "Palestine", "Yemen",
                                     "Democratic Republic of Congo", "Myanmar", "Sudan", "Mali"])
def test_conflict_countries_resolve_to_themselves(country):
    info = lookup_actor(country)
    assert info is not None and info.name == country and info.kind == "state"


@pytest.mark.parametrize("name", ["Hayat Tahrir al-Sham", "Islamic State", "Hezbollah", "Taliban",
                                  "al-Shabaab", "Boko Haram", "Islamic State West Africa Province",
                                  "Houthis", "Hamas", "Kurdistan Workers' Party",
                                  "People's Protection Units", "Syrian Democratic Forces",
                                  "al-Qaeda", "Jama'at Nusrat al-Islam wal-Muslimin", "M23",
                                  "Allied Democratic Forces", "Wagner Group", "Rapid Support Forces",
                                  "SPLA-IO", "Fano", "UNHCR", "OCHA", "UNICEF",
                                  "World Health Organization", "Reuters", "Associated Press",
                                  "Agence France-Presse", "BBC"])
def test_named_actors_resolve_by_their_canonical_name(name):
    info = lookup_actor(name)
    assert info is not None and info.name == name
