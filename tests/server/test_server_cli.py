"""`eventwire serve`: loopback by default, a warning anywhere else, refusal of a missing database."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.cli_serve import is_loopback


@pytest.fixture
def served(monkeypatch):
    calls = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    return calls


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
                                         ("127.0.0.2", True), ("0.0.0.0", False), ("192.168.1.5", False),
                                         ("example.org", False)])
def test_loopback(host, local):
    assert is_loopback(host) is local


def test_serves_on_loopback_without_warning(hostile, served):
    result = CliRunner().invoke(main, ["serve", "--db", hostile["path"], "--port", "8123"])
    assert result.exit_code == 0, result.output
    (app, kw), = served
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8123
    assert "warning" not in result.output and "http://127.0.0.1:8123/" in result.output


def test_warns_when_asked_to_listen_elsewhere(hostile, served):
    result = CliRunner().invoke(main, ["serve", "--db", hostile["path"], "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "warning: listening on 0.0.0.0" in result.output and "--host 127.0.0.1" in result.output
    assert served[0][1]["host"] == "0.0.0.0"


def test_a_missing_database_is_refused_not_created(tmp_path, served):
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no database" in result.output
    assert not (tmp_path / "typo.db").exists() and not served
