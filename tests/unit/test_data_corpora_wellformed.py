"""The team-written corpora (demo/, tests/data/) stay consistent with their labels."""
import json

import pytest

from repo_paths import ROOT

DEMO = ROOT / "demo"
QUALITY = ROOT / "tests" / "data" / "quality"
INCIDENTS = ROOT / "tests" / "data" / "incidents"
DEFECT_KINDS = {"boilerplate", "caption", "near_duplicate", "name_variant", "contradiction",
                "unresolved_attribution"}


def _docs():
    return [json.loads(line) for line in (INCIDENTS / "docs.jsonl").read_text().splitlines() if line]


def test_demo_published_covers_every_article():
    published = json.loads((DEMO / "published.json").read_text())
    files = {p.name for p in DEMO.iterdir() if p.suffix in {".txt", ".html"}}
    assert set(published) == files
    assert sum(v is None for v in published.values()) >= 2
    for v in published.values():
        assert v is None or (len(v) == 10 and v[4] == "-" and v[7] == "-")


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.txt")), ids=lambda p: p.name)
def test_demo_txt_has_headline_and_length(path):
    lines = path.read_text().splitlines()
    assert lines[0].strip() and not lines[1].strip()
    assert 150 <= len(path.read_text().split()) <= 460


def test_incident_docs_have_input_format_and_title_first():
    for d in _docs():
        assert set(d) == {"id", "text", "published", "title", "url", "source"}
        assert d["text"].startswith(d["title"] + "\n")


def test_incident_gold_partitions_docs():
    gold = json.loads((INCIDENTS / "gold.json").read_text())
    ids = [d["id"] for d in _docs()]
    assigned = [i for members in gold["incidents"].values() for i in members]
    assert sorted(assigned) == sorted(ids)
    assert sum(2 <= len(m) <= 6 for m in gold["incidents"].values()) >= 8
    by_id = {d["id"]: d for d in _docs()}
    for group in gold["syndicated"]:
        owner = {k for k, m in gold["incidents"].items() if set(group) <= set(m)}
        assert len(owner) == 1
        sources = {by_id[i]["source"] for i in group}
        assert len(sources) == len(group)  # copies live on different sites


def test_quality_labels_match_files():
    labels = json.loads((QUALITY / "labels.json").read_text())
    files = {f"{p.parent.name}/{p.name}" for p in QUALITY.glob("*/*.txt")}
    assert set(labels) == files
    for name, lab in labels.items():
        assert lab["label"] == name.split("/")[0]
        assert set(lab["defects"]) <= DEFECT_KINDS
        assert (lab["label"] == "clean") == (not lab["defects"])
