
import pytest

from eventwire.geo import build, lookup
from eventwire.geo.lookup import Candidate, candidates, normalize


@pytest.mark.parametrize("name, iso3, kind", [
    ("Aleppo", "SYR", "city"),
    ("ALEPPO", "SYR", "city"),
    ("Halab", "SYR", "city"),          # alternate name
    ("Tehran", "IRN", "city"),
    ("Zürich", "CHE", "city"),
    ("Zurich", "CHE", "city"),         # diacritics-insensitive
    ("Syria", "SYR", "country"),
    ("Russian Federation", "RUS", "country"),
    ("U.S.", "USA", "country"),
    ("Idlib", "SYR", "admin1"),
    ("California", "USA", "admin1"),
    ("Middle East", None, "region"),
])
def test_candidates_include_the_place(name, iso3, kind):
    found = candidates(name)
    assert any(c.country == iso3 and c.kind == kind for c in found), found[:5]


def test_candidate_fields_are_filled():
    c = next(c for c in candidates("Aleppo") if c.kind == "city")
    assert isinstance(c, Candidate)
    assert c.geonameid == 170063
    assert (c.lat, c.lon) == pytest.approx((36.20124, 37.16117))
    assert c.admin1 == "Aleppo"
    assert c.population > 1_000_000


@pytest.mark.parametrize("name", ["Monday", "President", "Russian", "", "   "])
def test_no_candidates_for_non_places(name):
    assert candidates(name) == []


@pytest.mark.parametrize("raw, key", [
    ("Ma`arrat an Nu`man", "maarrat an numan"),
    ("St. Louis", "st louis"),
    ("U.S.", "us"),
    ("Łódź", "lodz"),
    ("Saint-Denis", "saint denis"),
])
def test_normalize(raw, key):
    assert normalize(raw) == key


def test_candidates_sorted_by_population():
    pops = [c.population for c in candidates("Geneva")]
    assert pops == sorted(pops, reverse=True)


def test_a_fresh_handle_reads_the_built_index():
    lookup.get()  # make sure the index exists (built on first use)
    g = lookup.Gazetteer()
    assert any(c.country == "SYR" for c in g.lookup("damascus"))


@pytest.mark.slow  # a full build takes ~8 s; `make install` runs it anyway
def test_build_writes_a_readable_index(tmp_path):
    path = build.build(tmp_path / "g.sqlite")
    g = lookup.Gazetteer(path)
    assert any(c.kind == "country" for c in g.candidates("Syria"))
    assert g.demonyms.get("syrian") == "SYR"
