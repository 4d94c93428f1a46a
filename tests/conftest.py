import pytest

import pg_server
from repo_paths import SHARED


def pytest_collection_modifyitems(config, items):
    """Tests marked `shared` read ../shared (the team's evaluation data), which users don't have."""
    if (SHARED / "eval").is_dir():
        return
    skip = pytest.mark.skip(reason=f"needs the evaluation data in {SHARED} (not shipped with eventwire)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole run, started on first use (initdb + pg_ctl in a
    temporary folder, 127.0.0.1, a free port); skips with the reason where it cannot run."""
    try:
        server = pg_server.start()
    except pg_server.Missing as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server
    server.stop()


@pytest.fixture()
def postgres_url(postgres_server):
    """A new empty database on the test server."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path):
    """Where a store test keeps its data: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "ew.db")
    return request.getfixturevalue("postgres_url")
