"""Storage: SQLite (one file, WAL) or PostgreSQL (a postgresql:// URL), the same records,
schema steps and queries; `open_store` picks the backend from what `--db` names."""
from __future__ import annotations

from .base import BaseStore, StoreError
from .postgres import PostgresStore, is_url
from .sqlite import Store

__all__ = ["BaseStore", "PostgresStore", "Store", "StoreError", "is_url", "open_store"]


def open_store(db: str, **options) -> BaseStore:
    """The store at `db`: a postgresql:// (or postgres://) URL, else an SQLite file path.
    `options` are the stores' own: create, readonly, timeout."""
    if is_url(str(db)):
        return PostgresStore(str(db), **options)
    return Store(db, **options)
