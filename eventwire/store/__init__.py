"""Storage: SQLite (WAL) with numbered migrations; see sqlite.Store."""
from .sqlite import Store

__all__ = ["Store"]
