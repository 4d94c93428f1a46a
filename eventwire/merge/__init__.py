"""Cross-source merging: many reports of one incident -> one `Incident` with every source.

The steps, each cheap enough for a store of 100k events, one module each:

- records.py      one event of one document (records: `Event`, and `Document` or the
                  store's `DocumentInfo`) flattened to a `Report`;
- story.py        what an article's reports take from each other (its country, its lead
                  story's place and day) and the same-article pairs that go together;
- blocking.py     candidate pairs: reports that share a (type family, date bucket, place) key;
- scoring.py      a scored decision per candidate pair: place, date, type, actors, toll and
                  the similarity of the two evidence sentences;
- syndication.py  copies of one wire story on several sites (MinHash), counted as one source;
- clustering.py   union-find over the pairs, best first, refusing clusters wider than a town,
                  a few days, a country or a province;
- incidents.py    the `Incident` record of each cluster.

Thresholds, scores and word lists: data/merge.yaml (settings.py).
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from ..model import Document, DocumentInfo, Event, Incident
from .clustering import cluster
from .incidents import incident, incident_id
from .records import Report, report
from .story import fill_from_story, infer_countries
from .syndication import syndication_groups

__all__ = ["incident_id", "merge", "merge_store", "syndication_groups"]


def merge(
    items: Iterable[tuple[Document | DocumentInfo, Event]],
    *,
    similarity: str = "embed",
    document_of: Callable[[str], Document | None] | None = None,
) -> list[Incident]:
    """Incidents from (document, event) pairs; the document may be the store's DocumentInfo.

    Pure: the same set of events gives the same incidents with the same ids, whatever the
    order. `similarity` is "embed" (MiniLM; falls back to word overlap when the model is not
    installed) or "lexical". `document_of(doc_id)` may supply the whole document (its
    `text` and `places`) when the DocumentInfo has neither: called only for documents whose text
    must be compared (syndication) or whose events are all unplaced.
    """
    seen: set[str] = set()
    recs: list[Report] = []
    for doc, event in items:
        r = report(doc, event)
        if r is not None and r.event_id not in seen:
            seen.add(r.event_id)
            recs.append(r)
    recs.sort(key=lambda r: r.event_id)
    infer_countries(recs, document_of)
    story = fill_from_story(recs, document_of)
    clusters, groups = cluster(recs, similarity, document_of, story)
    incidents = [incident([recs[i] for i in c], groups) for c in clusters]
    incidents.sort(key=lambda inc: (inc.date_start or "9999", inc.id))
    return incidents


def merge_store(store: Any, *, similarity: str = "embed") -> int:
    """Re-merge every event in the store and replace its incidents; returns how many.

    Idempotent: a rerun on an unchanged store writes the same incidents with the same ids;
    after new documents, only incidents whose membership changed get new ids.
    """
    docs = {d.id: d for d in store.documents(failed=False)}
    items = []
    for ev in store.events():
        info = docs.get(ev.document_id) or DocumentInfo(
            id=ev.document_id, published=ev.document_published, source=ev.document_source, url=ev.document_url)
        items.append((info, ev))

    @functools.lru_cache(maxsize=256)
    def document_of(doc_id: str) -> Document | None:
        return store.get_document(doc_id)

    incidents = merge(items, similarity=similarity, document_of=document_of)
    return store.put_incidents(incidents)
