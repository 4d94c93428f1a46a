"""The JSON API through the ASGI test client, on a store full of hostile text."""
from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest

import hostile_store as h

STATIC = Path(__file__).resolve().parents[2] / "eventwire" / "server" / "static"


def ids(client, path: str, **params) -> list[str]:
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return [row["id"] for row in r.json()["items"]]


# -- lists, filters, pages -----------------------------------------------------------------

def test_events_are_ordered_and_pages_are_stable(client, hostile):
    everything = ids(client, "/api/events", limit=1000)
    assert len(everything) == 3
    paged = [i for off in range(0, 3) for i in ids(client, "/api/events", limit=1, offset=off)]
    assert paged == everything
    dates = [row["date"] for row in client.get("/api/events").json()["items"]]
    assert dates == sorted(dates)
    page = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert (page["total"], page["limit"], page["offset"], len(page["items"])) == (3, 2, 2, 1)


@pytest.mark.parametrize("params, expected", [
    ({"type": "Protests"}, 1),
    ({"type": "assault"}, 2),                      # a PLOVER type, any case
    ({"sub_type": "Attack"}, 1),
    ({"country": "syr"}, 1),
    ({"actor": h.ENTITY}, 1),                      # the name as written, entities and all
    ({"actor": "protest*"}, 1),
    ({"since": "2016-08-18"}, 2),
    ({"until": "2016-08"}, 2),
    ({"since": "2016-08-17", "until": "2016-08-31"}, 1),
    ({"near": "36.2,37.2,50"}, 1),
    ({"min_quality": "0.9"}, 1),
    ({"q": "SVG ONLOAD"}, 1),                      # case-insensitive substring of the evidence
    ({"q": "100%"}, 0),                            # LIKE wildcards are literal
    ({"q": "_"}, 0),
    ({"bbox": "30,30,40,45"}, 2),
    ({"bbox": "30,170,60,-170"}, 0),               # across the antimeridian
    ({"type": "", "country": ""}, 3),              # empty means no filter
])
def test_event_filters(client, params, expected):
    page = client.get("/api/events", params=params).json()
    assert page["total"] == expected == len(page["items"]), page


def test_incident_filters(client, hostile):
    assert client.get("/api/incidents").json()["total"] == 1
    assert client.get("/api/incidents", params={"min_quality": "0.9"}).json()["total"] == 0
    assert client.get("/api/incidents", params={"q": "villagers"}).json()["total"] == 1
    assert client.get("/api/incidents", params={"actor": h.BREAKOUT}).json()["total"] == 1
    row = client.get("/api/incidents").json()["items"][0]
    assert row["actors"] == [h.ENTITY, h.BREAKOUT]


@pytest.mark.parametrize("params, param", [
    ({"type": "Battle"}, "type"),
    ({"sub_type": "<script>"}, "sub_type"),
    ({"country": "Syria"}, "country"),
    ({"since": "2016-02-30"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2017", "until": "2016"}, "since/until"),
    ({"near": "91,0,10"}, "near"),
    ({"near": "nan,0,10"}, "near"),
    ({"min_quality": "1.5"}, "min_quality"),
    ({"min_quality": "nan"}, "min_quality"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "50,0,40,10"}, "bbox"),
])
def test_bad_filters_are_400_naming_the_parameter(client, params, param):
    for path in ("/api/events", "/api/incidents", "/api/stats", "/api/events.csv", "/api/clusters"):
        if "bbox" in params and path in ("/api/stats", "/api/events.csv"):
            continue
        r = client.get(path, params=params)
        assert r.status_code == 400, (path, r.text)
        assert r.json()["param"] == param and r.json()["detail"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 1001}, {"offset": -1}, {"limit": "x"},
                                    {"type": "x" * 201}])
def test_bad_paging_is_4xx(client, params):
    assert client.get("/api/events", params=params).status_code == 422


# -- single records ------------------------------------------------------------------------

def test_records_and_their_404s(client, hostile):
    doc = hostile["documents"][0]
    event = doc["events"][0]
    got = client.get(f"/api/documents/{doc['id']}").json()
    assert got["text"] == doc["text"] and got["title"] == doc["title"] and got["removed"] == doc["removed"]
    assert got["quality"]["flags"][0]["spans"] == doc["quality"]["flags"][0]["spans"]
    ev = client.get(f"/api/events/{event['id']}").json()
    assert ev["evidence"] == event["evidence"] and ev["incident_ids"] == [hostile["incident"]["id"]]
    inc = client.get(f"/api/incidents/{hostile['incident']['id']}").json()
    assert inc["event_ids"] == [event["id"]]
    assert inc["documents"][0]["title"] == h.SCRIPT + " " + h.ENTITY
    for path in ("/api/documents/nope", "/api/events/%3Cscript%3E", "/api/incidents/x"):
        r = client.get(path)
        assert r.status_code == 404 and r.headers["content-type"] == "application/json"


def test_hostile_text_comes_back_exactly_as_json(client, hostile):
    """JSON, never HTML: the strings come back byte for byte; escaping is the page's job."""
    r = client.get("/api/events", params={"limit": 10})
    assert r.headers["content-type"] == "application/json"
    text = r.text
    rows = r.json()["items"]
    assert {row["actor1"] for row in rows} >= {h.ENTITY, h.FORMULA}
    assert any(row["attribution_source"] == h.ONERROR for row in rows)
    assert "&amp;lt;" not in text  # not escaped twice either


# -- aggregates ----------------------------------------------------------------------------

def test_stats_timeline_clusters(client):
    stats = client.get("/api/stats").json()
    assert (stats["events"], stats["incidents"], stats["documents"]) == (3, 1, 2)
    assert stats["date_range"] == ["2016-08-16", "2016-09-02"]
    assert {a["name"] for a in stats["top_actors"]} >= {h.ENTITY, h.SCRIPT}
    assert client.get("/api/stats", params={"type": "Protests"}).json()["events"] == 1
    days = client.get("/api/timeline", params={"bucket": "day"}).json()
    assert days["bucket"] == "day" and sum(c["count"] for c in days["counts"]) == 3
    weeks = client.get("/api/timeline", params={"bucket": "week"}).json()
    assert [c["start"] for c in weeks["counts"]] == ["2016-08-15", "2016-08-29"]  # Mondays
    assert client.get("/api/timeline").json()["bucket"] == "day"  # a short span
    world = client.get("/api/clusters", params={"zoom": 0}).json()["cells"]
    assert sum(c["count"] for c in world) == 3
    near = client.get("/api/clusters", params={"zoom": 8, "bbox": "30,30,40,40"}).json()["cells"]
    assert [c["count"] for c in near] == [1] and near[0]["id"] == hostile_event_id(client, "Aleppo")
    inc = client.get("/api/clusters", params={"kind": "incidents", "zoom": 3}).json()["cells"]
    assert [c["types"] for c in inc] == [{"Violence against civilians": 1}]


def hostile_event_id(client, place: str) -> str:
    return next(r["id"] for r in client.get("/api/events").json()["items"] if r["location_name"] == place)


# -- downloads -----------------------------------------------------------------------------

def test_downloads_of_the_current_filter(client):
    r = client.get("/api/events.csv", params={"country": "IRQ"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == 'attachment; filename="eventwire-events.csv"'
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1 and rows[0]["actor1"] == "'" + h.FORMULA  # no spreadsheet formula
    geo = client.get("/api/events.geojson", params={"min_quality": "0.5"}).json()
    assert len(geo["features"]) == 3
    assert len(client.get("/api/events.geojson", params={"q": "Kyiv"}).json()["features"]) == 1
    inc = client.get("/api/incidents.geojson").json()
    assert inc["features"][0]["properties"]["corroboration"] == "single source"
    assert client.get("/api/incidents.csv").text.count("\n") == 2


# -- what keeps the page safe --------------------------------------------------------------

def test_every_answer_carries_the_security_headers(client):
    for path in ("/", "/static/js/main.js", "/api/events", "/api/documents/nope", "/api/openapi.json",
                 "/static/nope.js"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_the_page_has_no_inline_script_and_builds_no_markup_from_data(client):
    html = client.get("/").text
    assert client.get("/").headers["content-type"].startswith("text/html")
    for tag in re.findall(r"<script\b[^>]*>(.*?)</script>", html, flags=re.S):
        assert tag.strip() == ""  # every script is a file of this server
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", html)
    assert not re.search(r"\son[a-z]+\s*=", html)  # no inline handlers
    for js in (STATIC / "js").glob("*.js"):
        source = js.read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in source, f"{js.name} uses {sink}"
    assert client.get("/docs").status_code == 404  # the docs page would load remote scripts


def test_a_foreign_host_header_is_refused(client):
    """A page elsewhere cannot read the API through a DNS name rebound to 127.0.0.1."""
    assert client.get("/api/events", headers={"host": "evil.example"}).status_code == 400


def test_the_server_connection_cannot_write(app):
    store = app.state.reader._store()
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.select("DELETE FROM events")


def test_openapi_lists_every_endpoint(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert paths >= {"/api/events", "/api/incidents", "/api/documents/{document_id}", "/api/events/{event_id}",
                     "/api/incidents/{incident_id}", "/api/stats", "/api/timeline", "/api/clusters",
                     "/api/events.csv", "/api/events.geojson", "/api/incidents.csv", "/api/incidents.geojson"}


def test_vendored_files_are_served_with_their_licences(client):
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/LICENSE",
                 "/static/vendor/topojson-client/topojson-client.min.js",
                 "/static/vendor/world-atlas/countries-110m.json", "/static/vendor/world-atlas/LICENSE"):
        assert client.get(path).status_code == 200, path
    world = json.loads(client.get("/static/vendor/world-atlas/countries-110m.json").text)
    assert world["type"] == "Topology" and "countries" in world["objects"]
