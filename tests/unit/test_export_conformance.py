"""Exports that conform: ACLED CSV against ACLED's codebook (columns, value sets, actor
naming), GeoParquet against the GeoParquet 1.0 specification, UCDP GED's precision codes, PLOVER
records. The codebook checks read ../shared (skipped where it is absent); the value sets the
rows are checked against are the repository's own (data/acled.yaml)."""
from __future__ import annotations

import csv
import datetime
import json
import re
import struct

import pytest

from eventwire.categories import EventType, SubEventType
from eventwire.datafiles import read_yaml
from eventwire.export import export
from eventwire.model import Actor, Place, When
from eventwire.store import Store
from repo_paths import SHARED
from test_store_records import actor, document, event

CODEBOOK = SHARED / "eval" / "acled" / "acled_codebook.csv"
ACLED = read_yaml("acled.yaml")
UCDP = read_yaml("ucdp.yaml")


def _place(name, country, lat, lon, precision="city", admin1=None):
    return Place(text=name, name=name, country=country, admin1=admin1, latitude=lat, longitude=lon,
                 geonameid=None, precision=precision, start=0, end=len(name))


def _doc(text, published="2024-09-15", **kw):
    doc = document(text, published=published, events=[], source=kw.pop("source", None))
    doc.events = [event(doc.id, text, **kw)]
    return doc


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    kenya = _place("Nairobi", "KEN", -1.28333, 36.81667)
    jos = _place("Bukuru", "NGA", 9.79, 8.86)
    selydove = _place("Selydove", "UKR", 48.1465, 37.3022)
    kidal = _place("Kidal", "MLI", 18.44345, 1.40921)
    docs = {
        "protest": _doc("Students marched in Nairobi.", event_type="Protests", sub_type="Peaceful protest",
                        plover="PROTEST", killed=None, civilian=False, a2=None,
                        a1=Actor(text="university students", name="Protesters", country="KEN", kind="protesters",
                                 start=0, end=8)),
        "riot": _doc("Youths burned shops in Bukuru.", event_type="Riots", sub_type="Mob violence",
                     plover="PROTEST", killed=2, a1=actor("Protesters", "protesters", "NGA", text="youths"),
                     a2=actor("Civilians", "civilians", "NGA", text="traders")),
        "shelling": _doc("Russian shelling killed five civilians in Selydove.", sub_type="Shelling/artillery/missile attack",
                         killed=5, a1=actor("Russia", "military", "RUS"), a2=actor("Civilians", "civilians", "UKR")),
        "battle": _doc("Malian troops clashed with gunmen near Kidal.", event_type="Battles", sub_type="Armed clash",
                       plover="FIGHT", killed=4, civilian=False, a1=actor("Mali", "military", "MLI"),
                       a2=actor("Unidentified armed group", "militia", "MLI", text="gunmen")),
        "attack": _doc("Gunmen killed three villagers in Kaduna state.", event_type="Violence against civilians",
                       sub_type="Attack", plover="ASSAULT", killed=3, a1=actor("Gunmen", "militia", "NGA"), a2=None),
        "untyped": _doc("Officials met in Nairobi.", event_type=None, sub_type=None, plover="CONSULT", killed=None),
        "nowhere": _doc("Shelling killed two people.", sub_type="Shelling/artillery/missile attack", where=None, killed=2),
        "undated": _doc("A bomb went off in Selydove.", published=None, date=None, killed=1),
    }
    for key, loc in (("protest", kenya), ("riot", jos), ("shelling", selydove), ("battle", kidal)):
        docs[key].events[0].location = loc
    docs["protest"].events[0].actor2 = docs["attack"].events[0].actor2 = None
    docs["attack"].events[0].location = _place("Kaduna State", "NGA", 10.5, 7.4, precision="admin1", admin1="Kaduna State")
    docs["battle"].events[0].date = When(text="last week", start="2024-11-04", end="2024-11-10", precision="week")
    docs["attack"].events[0].date = When(text="early May", start="2024-05-01", end="2024-05-03", precision="range")
    docs["protest"].events[0].date = When(text="in March", start="2024-03-01", end="2024-03-31", precision="month")
    docs["undated"].events[0].location = selydove
    with Store(tmp_path_factory.mktemp("conform") / "ew.db") as s:
        s.put_documents(docs.values())
        s.docs = docs
        yield s


def _csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def acled_rows(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("acled") / "events.csv"
    export(store, "acled-csv", out)
    return {r["notes"].split()[0]: r for r in _csv(out)}


def test_acled_csv_holds_only_events_acled_would_code(acled_rows):
    # no ACLED type, no place, no date (no own date and no publication date): left out
    assert sorted(acled_rows) == ["Gunmen", "Malian", "Russian", "Students", "Youths"]


def test_acled_csv_names_actors_as_acled_does(acled_rows):
    protest, riot, shelling = acled_rows["Students"], acled_rows["Youths"], acled_rows["Russian"]
    assert (protest["actor1"], protest["assoc_actor_1"], protest["inter1"]) == ("Protesters (Kenya)", "Students (Kenya)", "6")
    assert (protest["actor2"], protest["inter2"], protest["interaction"]) == ("", "0", "60")
    assert (riot["actor1"], riot["inter1"], riot["actor2"], riot["assoc_actor_2"], riot["interaction"]) == (
        "Rioters (Nigeria)", "5", "Civilians (Nigeria)", "Traders (Nigeria)", "57")
    assert (shelling["actor1"], shelling["inter1"], shelling["interaction"]) == ("Military Forces of Russia (2000-)", "8", "78")
    battle = acled_rows["Malian"]
    assert (battle["actor1"], battle["inter1"]) == ("Military Forces of Mali (2021-)", "1")
    assert (battle["actor2"], battle["inter2"], battle["interaction"]) == ("Unidentified Armed Group (Mali)", "3", "13")
    attack = acled_rows["Gunmen"]  # an attack on civilians names them even when the text does not
    assert (attack["actor1"], attack["actor2"], attack["interaction"]) == (
        "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", "37")


def test_acled_csv_codes_precision_place_and_ids(acled_rows):
    assert [acled_rows[k]["time_precision"] for k in ("Russian", "Malian", "Gunmen", "Students")] == ["1", "2", "2", "3"]
    assert acled_rows["Gunmen"]["geo_precision"] == "3" and acled_rows["Russian"]["geo_precision"] == "1"
    assert acled_rows["Russian"]["admin1"] == "" and acled_rows["Russian"]["admin2"] == "Pokrovsk Raion"
    assert acled_rows["Gunmen"]["admin1"] == "Kaduna State"
    ids = [r["event_id_cnty"] for r in acled_rows.values()]
    assert len(set(ids)) == len(ids)
    for row in acled_rows.values():
        iso3 = row["event_id_cnty"][:3]
        assert re.fullmatch(r"[A-Z]{3}\d+", row["event_id_cnty"]) and row["iso"].isdigit()
        assert {"UKR": "Ukraine", "KEN": "Kenya", "NGA": "Nigeria", "MLI": "Mali"}[iso3] == row["country"]


def test_acled_csv_cells_are_in_acled_value_sets(acled_rows):
    types = {str(t) for t in EventType}
    subs = {str(s) for s in SubEventType}
    interactions = set(ACLED["interactions"]) | set(ACLED["interactions_in_acled_data"])
    for row in acled_rows.values():
        assert list(row) == ACLED["columns"]
        assert row["event_type"] in types and row["sub_event_type"] in subs
        assert datetime.date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert int(row["time_precision"]) in (1, 2, 3) and int(row["geo_precision"]) in (1, 2, 3)
        inter1, inter2 = int(row["inter1"]), int(row["inter2"])
        assert 1 <= inter1 <= 8 and 0 <= inter2 <= 8 and (inter2 == 0) == (row["actor2"] == "")
        assert int(row["interaction"]) in interactions
        assert int(row["interaction"]) == (min(inter1, inter2) * 10 + max(inter1, inter2) if inter2 else inter1 * 10)
        assert row["source_scale"] in ACLED["source_scales"] + [""]
        assert row["actor1"] and -90 <= float(row["latitude"]) <= 90


def _codebook() -> dict[str, str]:
    if not CODEBOOK.is_file():
        pytest.skip(f"ACLED's codebook is read from {CODEBOOK} (evaluation data, not shipped)")
    with open(CODEBOOK, encoding="utf-8", newline="") as f:
        return {r["Variable"]: r["Values"] for r in csv.DictReader(f)}


def _codes(values: str) -> dict[int, str]:
    return {int(m.group(1)): m.group(2).strip() for m in re.finditer(r"(\d+)\s*=\s*([^;]+)", values)}


def _spelling(name: str) -> str:  # the codebook writes "Strategic Developments", "protestors"
    return name.lower().replace("protestors", "protesters")


def test_acled_columns_and_codes_agree_with_the_codebook():
    book = _codebook()
    assert [c for c in ACLED["columns"] if c not in book] == ACLED["columns_beyond_codebook"]
    assert set(_codes(book["inter1"])) == set(ACLED["inter"]) - {0} == set(_codes(book["inter2"]))
    assert sorted(_codes(book["interaction"])) == ACLED["interactions"]
    assert set(_codes(book["time_precision"])) == set(ACLED["time_precision"].values())
    assert set(_codes(book["geo_precision"])) == set(ACLED["geo_precision"].values())
    assert {_spelling(t) for t in book["event_type"].split("; ")} == {_spelling(t) for t in EventType}
    assert {_spelling(s) for s in book["sub_event_type"].split("; ")} == {_spelling(s) for s in SubEventType}


def test_geoparquet_follows_the_specification(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "events.parquet"
    n = export(store, "parquet", out)
    table = pq.read_table(out)
    geo = json.loads(table.schema.metadata[b"geo"])
    # GeoParquet 1.0: version, primary_column and columns are required; each column needs
    # encoding "WKB" and geometry_types; bbox is [xmin, ymin, xmax, ymax]; no crs = OGC:CRS84
    assert geo["version"] == "1.0.0" and geo["primary_column"] in geo["columns"]
    column = geo["columns"][geo["primary_column"]]
    assert column["encoding"] == "WKB" and column["geometry_types"] == ["Point"]
    assert "crs" not in column and len(column["bbox"]) == 4
    assert str(table.schema.field("geometry").type) == "binary"
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert str(table.schema.field("document_published").type) == "date32[day]"
    assert str(table.schema.field("fatalities_best").type) == "int64"
    rows = table.to_pylist()
    assert len(rows) == n
    for r in rows:
        if r["location_lat"] is None:
            assert r["geometry"] is None
            continue
        order, kind, x, y = struct.unpack("<BIdd", r["geometry"])
        assert (order, kind, x, y) == (1, 1, r["location_lon"], r["location_lat"])
        xmin, ymin, xmax, ymax = column["bbox"]
        assert xmin <= x <= xmax and ymin <= y <= ymax


def test_geoparquet_opens_in_geopandas(store, tmp_path):
    gpd = pytest.importorskip("geopandas")  # not a requirement: checked when installed
    out = tmp_path / "events.parquet"
    export(store, "parquet", out)
    frame = gpd.read_parquet(out)
    assert frame.geometry.name == "geometry" and frame.crs is not None


def test_ucdp_csv_codes_precision_as_ged(store, tmp_path):
    out = tmp_path / "ged.csv"
    export(store, "ucdp-csv", out)
    rows = _csv(out)
    assert list(rows[0]) == UCDP["columns"]
    # organised violence with deaths, placed and dated: no protest, no riot, nothing unplaced
    by_kind = {r["id"]: r for r in rows}
    shelling = next(r for r in by_kind.values() if r["side_a"] == "Government of Russia")
    assert (shelling["type_of_violence"], shelling["side_b"], shelling["where_prec"], shelling["date_prec"]) == (
        "3", "Civilians", "1", "1")
    assert shelling["deaths_civilians"] == "5" and shelling["best"] == "5" and shelling["geom_wkt"] == "POINT (37.3022 48.1465)"
    assert shelling["region"] == "Europe" and shelling["country"] == "Ukraine"
    battle = next(r for r in by_kind.values() if r["side_a"] == "Government of Mali")
    assert (battle["type_of_violence"], battle["date_prec"], battle["date_start"], battle["date_end"]) == (
        "1", "3", "2024-11-04", "2024-11-10")
    attack = next(r for r in by_kind.values() if r["side_a"] == "Gunmen")
    assert (attack["where_prec"], attack["date_prec"], attack["type_of_violence"]) == ("4", "2", "3")  # one-sided
    for r in by_kind.values():
        assert int(r["low"]) <= int(r["best"]) <= int(r["high"]) and int(r["best"]) >= 1
        assert int(r["where_prec"]) in range(1, 8) and int(r["date_prec"]) in range(1, 6)
        assert sum(int(r[k]) for k in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")) == int(r["best"])
    assert len(by_kind) == 3


def test_plover_json_records(store, tmp_path):
    out = tmp_path / "plover.jsonl"
    n = export(store, "plover-json", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == n == 7  # every event with a date (its own or its article's)
    quads = read_yaml("plover.yaml")["quad"]
    for r in records:
        assert r["id"].startswith("ev_") and datetime.date.fromisoformat(r["date"])
        assert isinstance(r["event"], list) and isinstance(r["source"], list)
        assert r.get("quad_code") == quads.get(r["event"][0])
    shelling = next(r for r in records if r["event_text"][0].startswith("Russian"))
    assert shelling["event"] == ["ASSAULT"] and shelling["quad_code"] == 4
    assert shelling["source"] == [{"code": "RUS", "actor_text": "Russia", "sector": "MIL", "identifier_text": "Russia"}]
    assert shelling["event_loc"]["country code"] == "UA" and shelling["size_info"] == {"dead": 5}
