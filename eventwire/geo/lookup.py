"""Looking names up in the gazetteer index: name keys, `Candidate`, and the read-only
`Gazetteer` over the SQLite file.

The index (eventwire/data/gazetteer.sqlite, git-ignored) is built once by
`python -m eventwire.geo.build` (run by `make install`) or lazily on first use. Opening it
costs nothing, and a lookup is one indexed query, so no process pays for the 75 MB JSON.

    python -m eventwire.geo.lookup NAME     # show the candidates for a name
"""
from __future__ import annotations

import argparse
import functools
import os
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .data import DATA_DIR, DIRECTIONS
from .translit import loose_key

DB_NAME = "gazetteer.sqlite"
SCHEMA_VERSION = "16"
SOURCE_GEONAMES, SOURCE_ACLED = "geonames", "acled-train"

# how a name key points at a place: its own name, one of its alternate names, an
# abbreviation/code (all capitals, short), which the ruler trusts least, or only the loose
# key of another romanisation (translit.py), tried when no exact key matches.
HOW_NAME, HOW_ALT, HOW_ABBR, HOW_LOOSE = 0, 1, 2, 3


@dataclass(frozen=True)
class Candidate:
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    population: int
    kind: str  # city | admin2 | admin1 | country | continent | region
    how: int = HOW_NAME  # HOW_NAME | HOW_ALT | HOW_ABBR | HOW_LOOSE: how the looked-up name matched
    admin2: str | None = None  # second-level region, where the source names it
    source: str = SOURCE_GEONAMES  # SOURCE_GEONAMES | SOURCE_ACLED (places read from the notes)


# ---------------------------------------------------------------- name keys

_TRANSLIT = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "đ": "d", "ħ": "h", "ı": "i",
                           "œ": "oe", "þ": "th", "ð": "d", "ŧ": "t", "ŀ": "l"})
_DROP = re.compile(r"[.'’‘`ʿʾʼ\"]")
_SPACE = re.compile(r"[\s\-–—,/()&]+")
_ASCII_KEY = re.compile(r"^[a-z0-9 ]+$")


@functools.lru_cache(maxsize=100_000)  # the ruler asks for the same words' keys over and over
def normalize(name: str) -> str:
    """Lookup key: case-, diacritics- and punctuation-insensitive ("Ma`arrat" = "Maarrat",
    "St. Louis" = "st louis", "U.S." = "us")."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.casefold().translate(_TRANSLIT)
    s = _DROP.sub("", s)
    return _SPACE.sub(" ", s).strip()


def usable_key(key: str) -> bool:
    # Latin-script keys only: the text we read is English, and other scripts only bloat the index.
    return len(key) >= 2 and bool(_ASCII_KEY.match(key)) and not key.isdigit()


def translate_directions(key: str) -> str:
    """"nord kivu" <-> "north kivu", "nord ouest" <-> "north west": region names reach English
    text both in French and in English. `key` is normalized; unchanged when it has no
    leading compass word."""
    words = key.split()
    if len(words) < 2 or words[0] not in DIRECTIONS:
        return key
    n = 1
    while n < len(words) and words[n] in DIRECTIONS:
        n += 1
    return " ".join([DIRECTIONS[w] for w in words[:n]] + words[n:])


# ---------------------------------------------------------------- the index file

def db_path() -> Path:
    override = os.environ.get("EVENTWIRE_GAZETTEER")
    return Path(override) if override else DATA_DIR / DB_NAME


def is_current(path: Path) -> bool:
    """The file exists and was built by this schema version."""
    if not path.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return bool(row) and row[0] == SCHEMA_VERSION


class Gazetteer:
    """Read-only view of the index file."""

    def __init__(self, path: Path | None = None):
        path = path or db_path()
        if not is_current(path):
            from .build import build  # built on first use when missing or stale

            build(path)
        self._con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True,
                                    check_same_thread=False)

    @functools.lru_cache(maxsize=200_000)
    def lookup(self, key: str) -> tuple[Candidate, ...]:
        """Candidates for an already-normalized key, most populous first."""
        if not key:
            return ()
        rows = self._con.execute(
            "SELECT p.name, p.geonameid, p.lat, p.lon, p.iso3, p.admin1, p.population, p.kind, "
            "MIN(n.how), p.admin2, p.source FROM name n JOIN place p ON p.pid = n.pid WHERE n.key = ? "
            "GROUP BY p.pid ORDER BY p.population DESC, p.source = 'acled-train'", (key,)).fetchall()
        return tuple(Candidate(*r) for r in rows)

    @functools.lru_cache(maxsize=200_000)
    def lookup_loose(self, key: str) -> tuple[Candidate, ...]:
        """Candidates whose name, in any of its spellings, has the loose key of `key` (a
        normalized key), most populous first, each marked HOW_LOOSE."""
        lk = loose_key(key) if key else ""
        if not lk:
            return ()
        rows = self._con.execute(
            "SELECT p.name, p.geonameid, p.lat, p.lon, p.iso3, p.admin1, p.population, p.kind, "
            f"{HOW_LOOSE}, p.admin2, p.source FROM loose n JOIN place p ON p.pid = n.pid WHERE n.key = ? "
            "ORDER BY p.population DESC, p.source = 'acled-train'", (lk,)).fetchall()
        return tuple(Candidate(*r) for r in rows)

    def lookup_any(self, key: str) -> tuple[Candidate, ...]:
        """Exact key first; the loose key only when the exact one finds nothing."""
        return self.lookup(key) or self.lookup_loose(key)

    @functools.cached_property
    def demonyms(self) -> dict[str, str]:
        """Country adjective key ("syrian") -> ISO3."""
        return dict(self._con.execute("SELECT key, iso3 FROM demonym").fetchall())

    def candidates(self, name: str) -> list[Candidate]:
        return list(self.lookup(normalize(name)))

    def has(self, key: str) -> bool:
        return bool(self.lookup(key))


@functools.lru_cache(maxsize=1)
def get() -> Gazetteer:
    """The process-wide gazetteer (built on first use when the index file is missing)."""
    return Gazetteer()


def candidates(name: str) -> list[Candidate]:
    """Places called `name` (case/diacritics-insensitive, alternate names included),
    most populous first."""
    return get().candidates(name)


def _main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.geo.lookup",
                                     description="show the gazetteer candidates for a name")
    parser.add_argument("name")
    args = parser.parse_args(list(argv) if argv is not None else None)
    for c in candidates(args.name)[:20]:
        print(c)  # CLI entry point, not library code
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
