"""`serve` over PostgreSQL: every answer of the API is the one it gives over the SQLite file
with the same records, the connection cannot write, and a write elsewhere shows at once."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

import hostile_store as h
from eventwire.model import Document
from eventwire.store import open_store

# What the page asks for, with every kind of filter (test_server_api.py checks the answers).
PATHS = [
    "/api/events?limit=1000", "/api/events?limit=1&offset=1", "/api/incidents",
    "/api/events?type=assault", "/api/events?sub_type=attack", "/api/events?country=syr",
    f"/api/events?actor={h.ENTITY.replace('&', '%26').replace('#', '%23')}", "/api/events?actor=protest*",
    "/api/events?since=2016-08-18", "/api/events?until=2016-08", "/api/events?near=36.2,37.2,50",
    "/api/events?min_quality=0.9", "/api/events?q=SVG%20ONLOAD", "/api/events?q=100%25", "/api/events?q=_",
    "/api/events?bbox=30,30,40,45", "/api/events?bbox=30,170,60,-170", "/api/incidents?actor=protest*",
    "/api/incidents?min_quality=0.5", "/api/incidents?q=aleppo",
    "/api/stats", "/api/stats?type=Protests", "/api/timeline?bucket=day", "/api/timeline?bucket=week",
    "/api/timeline", "/api/timeline?kind=incidents", "/api/clusters?zoom=0", "/api/clusters?zoom=8&bbox=30,30,40,40",
    "/api/clusters?kind=incidents&zoom=3",
    "/api/events.csv?country=IRQ", "/api/events.geojson?min_quality=0.5", "/api/incidents.geojson",
    "/api/incidents.csv",
]


def _client(db: str):
    from fastapi.testclient import TestClient

    from eventwire.server.app import create_app

    return TestClient(create_app(db, allowed_hosts=["testserver"]))


@pytest.fixture(scope="module")
def pg(postgres_server, hostile):
    """Clients of the app over the hostile records in an SQLite file and in PostgreSQL."""
    url = postgres_server.new_database()
    h.build(url)
    with _client(hostile["path"]) as lite, _client(url) as post:
        yield {"url": url, "sqlite": lite, "postgresql": post}


def test_every_answer_is_the_one_sqlite_gives(pg, hostile):
    records = [f"/api/documents/{d['id']}" for d in hostile["documents"]]
    records += [f"/api/events/{e['id']}" for d in hostile["documents"] for e in d["events"]]
    records += [f"/api/incidents/{hostile['incident']['id']}", "/api/events/nope"]
    for path in PATHS + records:
        lite, post = pg["sqlite"].get(path), pg["postgresql"].get(path)
        assert post.status_code == lite.status_code, (path, post.text[:300])
        assert _unstamped(post) == _unstamped(lite), path
    assert pg["postgresql"].get("/api/events").json()["total"] == 3


def _unstamped(response) -> bytes | list:
    """The answer, less the CSV's `timestamp` (when each store took the document in)."""
    if not response.headers["content-type"].startswith("text/csv"):
        return response.content
    return [{k: v for k, v in row.items() if k != "timestamp"} for row in csv.DictReader(io.StringIO(response.text))]


def test_the_server_connection_cannot_write(pg):
    import psycopg

    store = pg["postgresql"].app.state.reader._store()
    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        store.select("DELETE FROM events")


def test_a_document_stored_meanwhile_shows_in_the_counts(postgres_server):
    url = postgres_server.new_database()
    h.build(url)
    with _client(url) as client:
        assert client.get("/api/stats").json()["events"] == 3
        doc = h.documents()[1]
        doc = {**doc, "id": "doc_another", "events": [{**doc["events"][0], "id": "ev_another"}]}
        with open_store(url) as store:
            store.put_document(Document.from_dict(doc))
        assert client.get("/api/stats").json()["events"] == 4  # the cached count was not kept


def test_serve_takes_a_postgresql_url_and_hides_its_password(pg, monkeypatch):
    import uvicorn

    from eventwire.cli import main

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(app))
    url = pg["url"].replace("eventwire@", "eventwire:pw@")  # the test server trusts any password
    r = CliRunner().invoke(main, ["serve", "--db", url])
    assert r.exit_code == 0 and len(calls) == 1, r.output
    assert "eventwire:***@" in r.output and ":pw@" not in r.output
