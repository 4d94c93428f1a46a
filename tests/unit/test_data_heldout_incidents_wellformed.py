"""The held-out incident corpus (tests/data/incidents_heldout/) stays consistent with its labels."""
import datetime as dt
import json

import pytest

from repo_paths import DATA

HELDOUT = DATA / "incidents_heldout"
BOILERPLATE = {"Share", "Advertisement"}


def _docs() -> dict[str, dict]:
    lines = (HELDOUT / "docs.jsonl").read_text().splitlines()
    return {d["id"]: d for d in (json.loads(line) for line in lines if line)}


def _gold() -> dict:
    return json.loads((HELDOUT / "gold.json").read_text())


def _event_date(key: str) -> dt.date:
    return dt.date.fromisoformat(key[-10:])


@pytest.mark.parametrize("doc_id", sorted(_docs()))
def test_doc_has_input_format_title_first_and_length(doc_id):
    d = _docs()[doc_id]
    assert set(d) == {"id", "text", "published", "title", "url", "source"}
    assert d["text"].startswith(d["title"] + "\n")
    assert 150 <= len(d["text"].split()) <= 350
    assert d["url"].startswith("https://") and ".example/" in d["url"]


def test_gold_partitions_docs_into_multi_source_incidents():
    gold, docs = _gold(), _docs()
    assigned = [i for members in gold["incidents"].values() for i in members]
    assert sorted(assigned) == sorted(docs)
    assert len(gold["incidents"]) >= 9
    for key, members in gold["incidents"].items():
        assert 2 <= len(members) <= 5, key
        assert len({docs[i]["source"] for i in members}) == len(members), key  # one report per outlet
        for i in members:  # reported on the event day or shortly after, never before
            lag = (dt.date.fromisoformat(docs[i]["published"]) - _event_date(key)).days
            assert 0 <= lag <= 2, (key, i)


def _body(text: str) -> list[str]:
    """Paragraphs after the headline, minus boilerplate debris lines."""
    paras = [p.strip() for p in text.split("\n\n")[1:]]
    return [p for p in paras if p and p not in BOILERPLATE and not p.startswith("Read more")]


def test_syndicated_copies_share_one_incident_and_body():
    gold, docs = _gold(), _docs()
    assert gold["syndicated"]
    for group in gold["syndicated"]:
        owners = {k for k, m in gold["incidents"].items() if set(group) <= set(m)}
        assert len(owners) == 1
        assert len({docs[i]["source"] for i in group}) == len(group)
        bodies = [_body(docs[i]["text"]) for i in group]
        # copies differ at most in the intro paragraph
        assert all(b[1:] == bodies[0][1:] for b in bodies)


def test_near_misses_name_distinct_known_incidents():
    gold = _gold()
    assert len(gold["near_misses"]) >= 3
    for a, b, why in gold["near_misses"]:
        assert a in gold["incidents"] and b in gold["incidents"] and a != b and why
