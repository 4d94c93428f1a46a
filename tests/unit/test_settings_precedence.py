"""Settings: packaged default < user file < environment < CLI value."""
from eventwire import settings


def test_precedence(tmp_path, monkeypatch):
    cfg = tmp_path / "settings.toml"
    monkeypatch.setenv("EVENTWIRE_CONFIG", str(cfg))
    monkeypatch.delenv("EVENTWIRE_DB", raising=False)
    assert settings.get("db") == "eventwire.db"
    cfg.write_text('db = "from-file.db"\n')
    assert settings.get("db") == "from-file.db"
    monkeypatch.setenv("EVENTWIRE_DB", "from-env.db")
    assert settings.get("db") == "from-env.db"
    assert settings.get("db", "from-cli.db") == "from-cli.db"


def test_every_setting_has_help():
    assert all(s.help and s.name for s in settings.SETTINGS.values())
