"""How well merging groups reports of one incident: pairwise and B-cubed scores against gold.

Gold (tests/data/incidents/gold.json): {"incidents": {key: [doc ids]}, "syndicated": [[ids]],
"near_misses": [...]}. Each article reports one main incident, so a document's predicted
cluster is the incident that holds its main event: its most confident event with an ACLED
type (any event when it has none). All events of all documents are merged, as in the store.

    python -m eventwire.merge_eval tests/data/incidents/docs.jsonl tests/data/incidents/gold.json
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from .model import Document, Event, InputDoc, marked_main, to_dict
from .resolve.dates import days_before_published


BACKGROUND_DAYS = 30  # an event that ended this long before publication is background, not news


def main_event(doc: Document) -> Event | None:
    """The event the article is about: the most confident one with an ACLED type, leaving out
    background ("based in eastern Congo since the 1990s") when the article has other events."""
    if not doc.events:
        return None
    marked = marked_main(doc.events)
    if marked is not None:
        return marked
    typed = [e for e in doc.events if e.event_type] or doc.events
    current = [e for e in typed if not _background(e, doc.published)] or typed
    return max(current, key=lambda e: (e.confidence, -e.evidence.start))


def _background(event: Event, published: str | None) -> bool:
    ago = days_before_published(event.date, published)
    return ago is not None and ago > BACKGROUND_DAYS


def pairwise(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    """Precision/recall/F1 over pairs of items placed together."""
    items = sorted(set(pred) & set(gold))
    tp = fp = fn = 0
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            same_pred, same_gold = pred[a] == pred[b], gold[a] == gold[b]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bcubed(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, float]:
    """B-cubed precision/recall/F1 (Bagga & Baldwin): per item, the share of its predicted
    cluster that is in its gold cluster, and the reverse, averaged over items."""
    items = sorted(set(pred) & set(gold))
    by_pred: dict[Any, set[str]] = defaultdict(set)
    by_gold: dict[Any, set[str]] = defaultdict(set)
    for x in items:
        by_pred[pred[x]].add(x)
        by_gold[gold[x]].add(x)
    if not items:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    p = sum(len(by_pred[pred[x]] & by_gold[gold[x]]) / len(by_pred[pred[x]]) for x in items) / len(items)
    r = sum(len(by_pred[pred[x]] & by_gold[gold[x]]) / len(by_gold[gold[x]]) for x in items) / len(items)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def read_docs(path: str | Path) -> list[InputDoc]:
    docs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            docs.append(InputDoc(id=row["id"], text=row["text"], published=row.get("published"),
                                 title=row.get("title"), url=row.get("url"), source=row.get("source")))
    return docs


def evaluate_documents(docs: Iterable[Document], gold: dict, *, similarity: str = "embed") -> dict:
    """Scores of merging already-processed documents against gold."""
    from .merge import merge

    docs = [d for d in docs if d.error is None]
    incidents = merge([(d, e) for d in docs for e in d.events], similarity=similarity)
    cluster_of = {s.event_id: inc.id for inc in incidents for s in inc.sources}
    gold_of = {doc_id: key for key, ids in gold["incidents"].items() for doc_id in ids}
    pred: dict[str, Any] = {}
    for d in docs:
        ev = main_event(d)
        # A document without an event is a cluster of its own: it merged with nothing.
        pred[d.id] = cluster_of.get(ev.id, f"alone:{d.id}") if ev else f"alone:{d.id}"
    missing = sorted(set(gold_of) - set(pred))
    for doc_id in missing:
        pred[doc_id] = f"alone:{doc_id}"
    by_incident = {inc.id: inc for inc in incidents}
    syndicated_ok = 0
    for group in gold.get("syndicated", []):
        ids = {pred.get(d) for d in group}
        inc = by_incident.get(next(iter(ids))) if len(ids) == 1 else None
        if inc is not None:
            syndicated_ok += 1
    return {
        "documents": len(pred),
        "unprocessed": missing,
        "incidents_predicted": len({pred[d] for d in gold_of}),
        "incidents_gold": len(gold["incidents"]),
        "pairwise": pairwise(pred, gold_of),
        "bcubed": bcubed(pred, gold_of),
        "syndicated_groups_together": f"{syndicated_ok}/{len(gold.get('syndicated', []))}",
        "clusters": _clusters_view(pred, gold_of),
        "incidents": [to_dict(by_incident[c]) for c in sorted({pred[d] for d in gold_of}) if c in by_incident],
    }


def _clusters_view(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> list[list[str]]:
    groups: dict[Any, list[str]] = defaultdict(list)
    for doc_id in sorted(gold):
        groups[pred[doc_id]].append(f"{doc_id}:{gold[doc_id]}")
    return sorted(groups.values())


def evaluate(docs_path: str | Path, gold_path: str | Path, *, similarity: str = "embed") -> dict:
    """Run the pipeline over the test articles, merge, and score the clustering."""
    from .pipeline import process

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    documents = list(process(read_docs(docs_path)))
    return evaluate_documents(documents, gold, similarity=similarity)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("gold")
    ap.add_argument("--similarity", choices=("embed", "lexical"), default="embed")
    ap.add_argument("--incidents", action="store_true", help="also print the incident records")
    args = ap.parse_args(argv)
    result = evaluate(args.docs, args.gold, similarity=args.similarity)
    if not args.incidents:
        result.pop("incidents")
    print(json.dumps(result, indent=2, ensure_ascii=False))  # CLI entry point


if __name__ == "__main__":
    main()
