"""The server's tests: an app over the hostile store, through Starlette's ASGI test client."""
from __future__ import annotations

import pytest

import hostile_store


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("server") / "hostile.db"
    built = hostile_store.build(str(path))
    return {"path": str(path), **built}


@pytest.fixture(scope="session")
def app(hostile):
    from eventwire.server.app import create_app

    return create_app(hostile["path"], allowed_hosts=["testserver"])


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c
