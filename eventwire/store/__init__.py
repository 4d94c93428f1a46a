"""Storage: SQLite (WAL) with numbered migrations; see sqlite.Store."""
from .sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
