"""The SQL that differs between the two stores (SQLite, PostgreSQL), named once each so the
store's queries are written once. Statements use `?` placeholders in both: the PostgreSQL
connection turns them into its own."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    name: str
    # LIKE that ignores case: SQLite's LIKE already does (for ASCII); PostgreSQL's needs ILIKE.
    like: str
    # A FROM item listing the JSON array `incidents.actors` as rows of one column `value`.
    actor_values: str
    # True when a document's quality JSON lists flags.
    has_flags: str
    # The LIMIT that means none (SQLite: -1, PostgreSQL: NULL).
    no_limit: int | None
    # A column naming one row of a table, the cheapest to join back on (SQLite's rowid).
    row_key: str
    # Put before a column to keep the planner off that column's own index (SQLite's unary +;
    # PostgreSQL's planner needs no such hint, and + is no operator on its text).
    unindexed: str

    def equal_nocase(self, column: str) -> str:
        """`column = ?` without regard to case."""
        if self.name == "sqlite":
            return f"{column} = ? COLLATE NOCASE"
        return f"lower({column}) = lower(?::text)"  # ::text: lower() has range overloads too

    def insert(self, table: str, columns: Iterable[str], *, conflict: str = "",
               key: str = "id") -> str:
        """INSERT of one row; `conflict`: "" (an error), "ignore" (keep the row there) or
        "replace" (the new row wins) when `key` is already there."""
        cols = [f'"{c}"' for c in columns]
        values = ", ".join("?" * len(cols))
        if self.name == "sqlite":
            verb = {"": "INSERT", "ignore": "INSERT OR IGNORE", "replace": "INSERT OR REPLACE"}[conflict]
            return f"{verb} INTO {table} ({', '.join(cols)}) VALUES ({values})"
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({values})"
        if conflict == "ignore":
            sql += " ON CONFLICT DO NOTHING"
        elif conflict == "replace":
            sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in cols if c != f'"{key}"')
            sql += f' ON CONFLICT ("{key}") DO UPDATE SET {sets}'
        return sql


SQLITE = Dialect(
    name="sqlite", like="LIKE",
    actor_values="json_each(incidents.actors)",
    has_flags="json_array_length(quality, '$.flags') > 0", no_limit=-1,
    row_key="rowid", unindexed="+",
)
POSTGRES = Dialect(
    name="postgresql", like="ILIKE",
    actor_values="json_array_elements_text(incidents.actors::json) AS a(value)",
    has_flags="json_array_length((quality::json) -> 'flags') > 0", no_limit=None,
    row_key="id", unindexed="",
)
