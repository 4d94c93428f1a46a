"""Each export format reads back with the ordinary reader of that format."""
from __future__ import annotations

import csv
import io
import json

import pytest

from eventwire.export import ACLED_COLUMNS, FORMATS, export, safe_cell
from eventwire.filters import Filters
from eventwire.store import open_store
from test_store_records import actor, document, event, failed_document, incident


@pytest.fixture()
def store(db):
    s = open_store(db)
    aleppo = document()
    hostile = document('=HYPERLINK("http://evil.example","x") strike, "quoted", in Aleppo\nnext line',
                       source="@evil", events=[])
    hostile.events = [event(hostile.id, hostile.text, where="Aleppo", date="2016-08-10", killed=None,
                            a1=actor("-Bad actor", "militia", "SYR"), a2=None, civilian=False)]
    undated = document("Talks were held somewhere.", events=[])
    undated.events = [event(undated.id, undated.text, event_type=None, sub_type=None, plover="CONSULT",
                            where=None, date=None, killed=None)]
    s.put_documents([aleppo, hostile, undated, failed_document()])
    s.put_incidents([incident("inc_1", [(aleppo.events[0], aleppo), (hostile.events[0], hostile)])])
    s.docs = {"aleppo": aleppo, "hostile": hostile, "undated": undated}
    yield s
    s.close()


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_export_acled_csv_columns_and_values(store, tmp_path):
    out = tmp_path / "events.csv"
    assert export(store, "acled-csv", out) == 2  # the event outside ACLED's types is left out
    rows = read_csv(out)
    assert list(rows[0]) == ACLED_COLUMNS
    row = next(r for r in rows if r["notes"].startswith("Airstrikes killed 19"))
    assert row["event_id_cnty"].startswith("SYR") and row["event_id_cnty"][3:].isdigit()
    assert row["event_date"] == "2016-08-16" and row["year"] == "2016" and row["time_precision"] == "1"
    assert row["disorder_type"] == "Political violence" and row["sub_event_type"] == "Air/drone strike"
    # Russia striking in Syria: its forces, as ACLED names them, and external (8) there
    assert row["actor1"] == "Military Forces of Russia (2000-)" and row["inter1"] == "8"
    assert row["actor2"] == "Civilians (Syria)" and row["inter2"] == "7"
    assert row["interaction"] == "78" and row["civilian_targeting"] == "Civilian targeting"
    assert row["iso"] == "760" and row["country"] == "Syria" and row["region"] == "Middle East"
    assert float(row["latitude"]) == pytest.approx(36.20124) and row["geo_precision"] == "1"
    assert row["fatalities"] == "19" and row["source"] == "Example News" and row["source_scale"] == "Other"
    assert int(row["timestamp"]) > 1_600_000_000


def test_export_acled_csv_protects_against_formula_injection(store, tmp_path):
    out = tmp_path / "events.csv"
    export(store, "acled-csv", out, filters=Filters(country="SYR", since="2016-08-10", until="2016-08-10"))
    (row,) = read_csv(out)
    assert row["notes"].startswith("'=HYPERLINK(")
    assert '"quoted"' in row["notes"] and "\n" not in row["notes"]
    assert row["source"] == "'@evil" and row["actor1"] == "'-Bad actor"
    for value in row.values():
        assert value[:1] not in ("=", "+", "-", "@")


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("  =1", "'  =1"), ("\t=1", "'\t=1"), ("plain", "plain"), ("a\r\nb", "a b"),
    (-33.9, -33.9), (None, ""), (0, 0),
])
def test_export_safe_cell(value, expected):
    assert safe_cell(value) == expected


def test_export_acled_csv_reads_in_pandas(store, tmp_path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "events.csv"
    export(store, "acled-csv", out)
    frame = pd.read_csv(out)
    assert list(frame.columns) == ACLED_COLUMNS and len(frame) == 2
    assert frame["latitude"].dropna().between(-90, 90).all()


def test_export_jsonl_events_and_documents(store):
    buf = io.StringIO()
    assert export(store, "jsonl", buf) == 3
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert {e["document_id"] for e in lines} == {d.id for d in store.docs.values()}
    assert all("evidence" in e and "plover_type" in e for e in lines)
    docs = io.StringIO()
    assert export(store, "jsonl", docs, what="documents") == 4  # failed documents too
    assert export(store, "jsonl", io.StringIO(), what="documents", filters=Filters(country="SYR")) == 2


def test_export_jsonl_incidents(store, tmp_path):
    out = tmp_path / "incidents.jsonl"
    assert export(store, "jsonl", out, what="incidents") == 1
    (inc,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert inc["id"] == "inc_1" and len(inc["event_ids"]) == 2


@pytest.mark.parametrize("what, n", [("events", 2), ("incidents", 1)])
def test_export_geojson(store, tmp_path, what, n):
    out = tmp_path / "out.geojson"
    assert export(store, "geojson", out, what=what) == n  # the event without a place is left out
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.16117, 36.20124]}  # [lon, lat]
    assert all(not isinstance(v, (dict, list)) for v in feature["properties"].values())


@pytest.mark.parametrize("what, n", [("events", 3), ("incidents", 1)])
def test_export_parquet(store, tmp_path, what, n):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out.parquet"
    assert export(store, "parquet", out, what=what) == n
    table = pq.read_table(out)
    assert table.num_rows == n
    rows = table.to_pylist()
    if what == "events":
        assert {r["event_type"] for r in rows} == {"Explosions/Remote violence", None}
        assert str(table.schema.field("location_lat").type) == "double"
        assert str(table.schema.field("fatalities_best").type) == "int64"
        assert str(table.schema.field("date_start").type) == "date32[day]"
    else:
        assert rows[0]["actors"] == ["Russia", "Civilians (Syria)"] and len(rows[0]["event_ids"]) == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_empty_store(db, tmp_path, fmt):
    with open_store(db) as empty:
        assert export(empty, fmt, tmp_path / f"empty.{fmt}") == 0
    size = (tmp_path / f"empty.{fmt}").stat().st_size
    assert size == 0 if fmt in ("jsonl", "plover-json") else size > 0  # csv keeps its header, geojson its collection


@pytest.mark.parametrize("fmt, what", [("xlsx", "events"), ("acled-csv", "people"), ("parquet", "documents"),
                                       ("ucdp-csv", "incidents"), ("plover-json", "incidents")])
def test_export_rejects_unknown(store, tmp_path, fmt, what):
    with pytest.raises(ValueError):
        export(store, fmt, tmp_path / "x", what=what)


def test_export_acled_csv_incidents(store, tmp_path):
    out = tmp_path / "incidents.csv"
    assert export(store, "acled-csv", out, what="incidents") == 1
    (row,) = read_csv(out)
    assert row["event_id_cnty"].startswith("SYR") and row["actor1"] == "Military Forces of Russia (2000-)"
    assert row["source"] == "'@evil; Example News" and row["tags"] == "corroborated"


def test_a_failed_parquet_write_never_deletes_the_file_it_was_given(store, tmp_path, monkeypatch):
    # given a path, pyarrow deletes it when the write fails: as root, `-o /dev/full` lost the device
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "device-stand-in"
    out.write_bytes(b"")

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    with pytest.raises(OSError):
        export(store, "parquet", out, what="events")
    assert out.exists()
