"""The JSON API: lists with stable pages, single records, map cells, the timeline, counts and
downloads, each with the same filters as the CLI. Every view of the page reads only these."""
from __future__ import annotations

import io
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from ..filters import Filters as FilterRecord
from . import params
from .data import Reader

_PROBLEM = {"application/json": {"schema": {
    "type": "object", "required": ["detail"],
    "properties": {"detail": {"type": "string"}, "param": {"type": "string"}}}}}
router = APIRouter(prefix="/api", responses={
    400: {"description": "A filter that is not valid: `param` names it, `detail` says what is wanted",
          "content": _PROBLEM}})
_NOT_FOUND = {404: {"description": "No such record in this database", "content": _PROBLEM}}

Filters = Annotated[FilterRecord, Depends(params.filters)]
Box = Annotated[tuple | None, Depends(params.bbox)]
Kind = Annotated[Literal["events", "incidents"], Query(description="what the map or timeline counts")]

# A map cell is about 48 screen pixels: degrees per cell at Leaflet zoom z (256 px tiles).
_CELL_DEG_AT_ZOOM_0 = 48 * 360 / 256


def reader(request: Request) -> Reader:
    return request.app.state.reader


Store = Annotated[Reader, Depends(reader)]


def _found(record: dict | None, what: str, key: str) -> dict:
    if record is None:
        raise HTTPException(status_code=404, detail=f"no {what} {key!r} in this database")
    return record


@router.get("/events", summary="Events matching the filters, one page at a time")
def events(store: Store, filters: Filters, bbox: Box, limit: params.Limit = 100, offset: params.Offset = 0) -> dict:
    """Light rows ordered by date (undated last), then document and position in it: the order
    is total, so pages never overlap or skip while the database is unchanged."""
    return store.events_page(filters, limit=limit, offset=offset, bbox=bbox)


@router.get("/incidents", summary="Incidents matching the filters, one page at a time")
def incidents(store: Store, filters: Filters, bbox: Box, limit: params.Limit = 100,
              offset: params.Offset = 0) -> dict:
    return store.incidents_page(filters, limit=limit, offset=offset, bbox=bbox)


def _download(what: str, fmt: str):
    media, suffix = {"acled-csv": ("text/csv; charset=utf-8", "csv"),
                     "geojson": ("application/geo+json", "geojson")}[fmt]

    def download(store: Store, filters: Filters) -> Response:
        out = io.StringIO()
        store.export(fmt, what, filters, out)
        return Response(out.getvalue(), media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="eventwire-{what}.{suffix}"'})

    download.__name__ = f"download_{what}_{suffix}"
    download.__doc__ = (f"The {what} of the current filter as {'ACLED-style CSV' if suffix == 'csv' else 'GeoJSON'}"
                        " (what `eventwire export` writes).")
    return suffix, download


for _what in ("events", "incidents"):
    for _fmt in ("acled-csv", "geojson"):
        _suffix, _fn = _download(_what, _fmt)
        router.add_api_route(f"/{_what}.{_suffix}", _fn, methods=["GET"], response_class=Response,
                             summary=f"Download the filtered {_what} ({_suffix})",
                             responses={200: {"content": {"text/csv" if _suffix == "csv" else
                                                          "application/geo+json": {}}}})


@router.get("/events/{event_id}", responses=_NOT_FOUND, summary="One event with its evidence, document and incidents")
def event(store: Store, event_id: Annotated[str, Path(max_length=200)]) -> dict:
    return _found(store.event(event_id), "event", event_id)


@router.get("/incidents/{incident_id}", responses=_NOT_FOUND, summary="One incident with every source side by side")
def incident(store: Store, incident_id: Annotated[str, Path(max_length=200)]) -> dict:
    return _found(store.incident(incident_id), "incident", incident_id)


@router.get("/documents/{document_id}", responses=_NOT_FOUND, summary="One document: cleaned text, events, quality flags, removed text")
def document(store: Store, document_id: Annotated[str, Path(max_length=200)]) -> dict:
    return _found(store.document(document_id), "document", document_id)


@router.get("/stats", summary="Counts of the filtered records, by type, country and actor")
def stats(store: Store, filters: Filters) -> dict:
    return store.stats(filters)


@router.get("/timeline", summary="Counts per day, week or month")
def timeline(store: Store, filters: Filters, kind: Kind = "events",
             bucket: Annotated[Literal["auto", "day", "week", "month"], Query()] = "auto") -> dict:
    return store.timeline(kind, filters, bucket=bucket)


@router.get("/clusters", summary="Located records grouped in map cells for a zoom level")
def clusters(store: Store, filters: Filters, bbox: Box, kind: Kind = "events",
             zoom: Annotated[int, Query(ge=0, le=22, description="Leaflet zoom level")] = 2) -> dict:
    """Cells about 48 px wide at `zoom`; a cell of one record carries its id."""
    cell = _CELL_DEG_AT_ZOOM_0 / 2 ** zoom
    return {"cell_degrees": cell, "cells": store.clusters(kind, filters, cell=cell, bbox=bbox)}
