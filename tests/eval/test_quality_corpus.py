"""The score separates the team's clean articles from stitched pages (tests/data/quality)."""
import pytest

from eventwire_eval.scoring.quality import _auc_of, assess_labelled, auc, flag_report
from repo_paths import DATA

QUALITY = DATA / "quality"


def test_auc_counts_ties_as_half():
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.5], [0.5]) == 0.5
    assert auc([0.1], [0.9]) == 0.0


@pytest.mark.skipif(not (QUALITY / "labels.json").exists(), reason="no quality corpus")
def test_stitched_pages_score_below_clean_articles():
    rows = assess_labelled(QUALITY)
    assert _auc_of(rows) >= 0.9
    report = flag_report(rows)
    on_clean = sum(r["on_clean"] for r in report.values())
    assert on_clean <= 2, report  # flags on clean articles must be rare
    for row in rows:
        if row.label == "clean":
            assert row.quality.score >= 0.85, (row.path, row.quality.flags)


DEV = DATA / "quality_dev"


@pytest.mark.skipif(not (DEV / "labels.json").exists(), reason="no development corpus")
def test_development_pages_are_told_apart_without_flags_on_clean():
    """Team-written pages with the shapes the first rules missed (introduced-then-described
    sources, unprefixed captions, spun datelined leads, durations and tolls told two ways)."""
    rows = assess_labelled(DEV)
    assert _auc_of(rows) >= 0.95
    report = flag_report(rows)
    assert sum(r["on_clean"] for r in report.values()) <= 1, report
    for kind in ("near_duplicate", "contradiction", "caption", "unresolved_attribution"):
        assert report[kind]["found"] >= report[kind]["missed"], (kind, report)
