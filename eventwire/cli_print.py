"""How the read commands print records: events as a table, CSV or JSONL (a view of the one
flat row, flat.py), incidents as a table or JSONL, and the demo's summary. Article text is
hostile: every cell goes through cli_report.safe (terminal) or export.safe_cell (CSV)."""
from __future__ import annotations

import csv
import json
import sys

import click

from .cli_report import safe
from .flat import flat_event
from .model import StoredEvent, StoredIncident
from .store.summary import Summary

# The command line's view of a flat event row: (its column, the row's column).
_VIEW = [("id", "id"), ("date", "date_start"), ("event_type", "event_type"), ("sub_event_type", "sub_event_type"),
         ("plover_type", "plover_type"), ("actor1", "actor1_name"), ("actor2", "actor2_name"),
         ("location", "location_name"), ("latitude", "location_lat"), ("longitude", "location_lon"),
         ("deaths", "fatalities_best"), ("source", "attribution_source"), ("document_id", "document_id"),
         ("evidence", "evidence_sentence")]
_TABLE = [("date", 10), ("event_type", 26), ("sub_event_type", 24), ("actor1", 22), ("actor2", 22),
          ("location", 16), ("deaths", 6), ("evidence", 60)]


def dump(record) -> str:
    """One record as one line of JSON (the contract's shape)."""
    return json.dumps(record.to_dict(), ensure_ascii=False)


def events(rows: list[StoredEvent], fmt: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(dump(r))
        return
    flat = [{name: row[col] for name, col in _VIEW} for row in map(flat_event, rows)]
    if fmt == "csv":
        from .export import safe_cell

        w = csv.DictWriter(sys.stdout, fieldnames=[name for name, _ in _VIEW] if flat else ["id"])
        w.writeheader()
        for r in flat:
            w.writerow({k: safe_cell(v) for k, v in r.items()})
        return
    click.echo("  ".join(name.ljust(w) for name, w in _TABLE))
    for r in flat:
        click.echo("  ".join(safe(r.get(name), w).ljust(w) for name, w in _TABLE))
    click.echo(f"({len(rows)} events)")


def incidents(rows: list[StoredIncident], fmt: str) -> None:
    if fmt == "jsonl":
        for r in rows:
            click.echo(dump(r))
        return
    for r in rows:
        fat = r.fatalities or {}
        loc = r.location.name if r.location else None
        click.echo(f"{safe(r.date_start)}  {safe(r.sub_event_type or r.plover_type, 28):28}  "
                   f"{safe(loc, 18):18}  deaths best={fat.get('best')} low={fat.get('low')} high={fat.get('high')}  "
                   f"sources={len(r.sources or [])}  {safe(r.corroboration)}")
    click.echo(f"({len(rows)} incidents)")


def summary(s: Summary) -> None:
    click.echo(f"Documents: {s.documents}   events: {s.events}"
               f"   incidents: {s.incidents}   dates: {' to '.join(d for d in s.date_range if d)}")
    click.echo("Events by type:")
    for name, n in sorted(s.events_by_type.items(), key=lambda x: -x[1]):
        click.echo(f"  {n:4}  {safe(name)}")
    click.echo("Top places:")
    for place in s.top_places[:8]:
        click.echo(f"  {place.events:4}  {safe(place.name)} ({safe(place.country)})")
    click.echo(f"Flagged pages (page-quality flags beyond removed boilerplate): {len(s.flagged)}")
    for page in s.flagged[:8]:
        click.echo(f"  {page.quality_score:.2f}  {safe(page.title or page.id, 60)}  [{safe(', '.join(page.flags))}]")
