"""How `ingest`, `demo` and `watch` store a run's documents: the open store with its counts and
progress, one document stored and counted (its error said on stderr), incidents merged at the end."""
from __future__ import annotations

import contextlib

import click

from .cli_report import quiet, safe
from .errors import CODES, EventwireError
from .model import Document


@contextlib.contextmanager
def storing(db: str, total: int | None = None):
    """The open store, its counts and a progress display; incidents are merged once
    everything is stored."""
    from .progress import Progress, Tally
    from .store import open_store

    stats = {"new": 0, "unchanged": 0, "failed": 0, "tally": Tally(),
             "progress": Progress(total, quiet=quiet())}
    store = open_store(db)
    try:
        yield store, stats
        stats["progress"].close()  # the bar ends before the merge logs anything
        _merge(store)
    finally:
        stats["progress"].close()
        store.close()


def count_document(stats: dict, doc: Document, *, written: bool) -> None:
    """Count one stored document. A document with an id seen earlier in this run replaced
    the earlier one: not new, not unchanged, but said in a W003 line and in the summary."""
    repeated = stats["tally"].add(doc)
    stats["progress"].update()
    if doc.error:
        stats["failed"] += 1
    elif repeated:
        if not quiet():
            click.echo(f"  {safe(doc.id)}: W003 {CODES['W003']}", err=True)
    else:
        stats["new" if written else "unchanged"] += 1


def store_one(store, stats: dict, doc: Document) -> None:
    """Store one processed document, say its error if it has one, and count it."""
    try:
        written = store.put_document(doc)
    except ValueError as exc:  # a value the store cannot hold (a toll beyond 64 bits)
        written, doc.error = False, EventwireError("E009", str(exc)).to_error()
    if doc.error is not None:
        click.echo(f"  {safe(doc.id)}: {doc.error.code} {safe(doc.error.message)}", err=True)
    count_document(stats, doc, written=written)


def _merge(store) -> None:
    try:
        from .merge import merge_store
    except ImportError:
        return
    with store.merging():
        merge_store(store)
