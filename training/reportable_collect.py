"""The `collect` step of training/train_reportable.py: the training samples (ACLED notes, the GVA
reports' fit part, GeoVirus, the team's examples) run once through the pipeline with the
reportable step switched off; the parsed documents and their event mentions are kept in a cache
outside the repository (it holds the training texts)."""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "train"
sys.path.insert(0, str(ROOT / "training"))

from gva_data import read_jsonl as _read, split_of as gva_split, stable_hash as _hash  # noqa: E402


EXAMPLES = ROOT / "training" / "reportable_examples.jsonl"


def example_docs() -> list[dict]:
    """The team-written examples as documents: headline line, then one paragraph per sentence."""
    docs = []
    for r in _read(EXAMPLES):
        head, *body = [t for t, _ in r["sentences"]]
        docs.append({"id": r["id"], "text": head + "\n\n" + "\n\n".join(body), "published": r["published"]})
    return docs


def samples(n_acled: int, n_gva: int) -> dict[str, list[dict]]:
    acled = sorted(_read(SHARED / "acled" / "docs.jsonl"), key=lambda r: _hash("rep-order:" + r["id"]))[:n_acled]
    gold = {g["id"]: g for g in _read(SHARED / "gva" / "gold.jsonl")}
    gva = [r for r in _read(SHARED / "gva" / "docs.jsonl")
           if r["id"] in gold and gva_split(str(gold[r["id"]]["incident"])) == "fit"]
    gva = sorted(gva, key=lambda r: _hash("rep-order:" + r["id"]))[:n_gva]
    return {"acled": acled, "gva": gva, "geovirus": _read(SHARED / "geovirus" / "docs.jsonl"),
            "examples": example_docs()}


# the sets the figures are given and the thresholds tuned on (not the team's examples)
SETS = ("acled", "gva", "geovirus")


def collect(cache: Path, n_acled: int, n_gva: int, only: str | None = None) -> None:
    """Parse and extract once; keep the parsed documents (spaCy DocBin) and their event
    mentions (pickle), so that the features can be recomputed without the pipeline."""
    import pickle

    from spacy.tokens import DocBin

    import eventwire.extract.reportable as rep
    from eventwire.model import InputDoc
    from eventwire.pipeline import process

    captured: list[tuple] = []

    def spy(events, doc, published):
        captured.append((doc, events))
        return events

    rep.judge = spy  # the pipeline looks the step up at run time: keep every mention as it is
    cache.mkdir(parents=True, exist_ok=True)
    for name, rows in samples(n_acled, n_gva).items():
        if only and name != only:
            continue
        t0 = time.time()
        bin_, recs = DocBin(store_user_data=False), []
        inputs = [InputDoc(id=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"),
                           url=r.get("url"), source=r.get("source")) for r in rows]
        for row, out in zip(rows, process(inputs)):
            got = captured.pop() if captured else None
            captured.clear()
            if got is None or out.error is not None or not got[1]:
                continue
            bin_.add(got[0])
            recs.append({"id": row["id"], "published": out.published, "events": got[1]})
        bin_.to_disk(cache / f"{name}.spacy")
        with (cache / f"{name}.pkl").open("wb") as fh:
            pickle.dump(recs, fh)
        print(f"{name}: {len(rows)} documents, {len(recs)} with events, {time.time() - t0:.0f} s", file=sys.stderr)
