"""clean() on the user's seed article (read-only, in ../shared)."""
from __future__ import annotations

import pytest

from eventwire.clean import clean
from repo_paths import SHARED

SEED = SHARED / "seed" / "000_6f866aa34b252ad8.txt"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared is not available")
def test_seed_furniture_and_caption_are_removed():
    text = SEED.read_text(encoding="utf-8")
    out = clean(text)
    got = [(r.text, r.reason) for r in out.removed]
    assert got.count(("Share", "boilerplate")) == 1
    assert got.count(("Advertisement", "boilerplate")) == 2
    assert ("The aftermath of phosphorous bombs dropped on Aleppo", "caption") in got
    assert len(got) == 4
    assert out.text.startswith("Iran allows Russia to use base for Syria strikes\n\n")
    for r in out.removed:
        assert text[r.start:r.end] == r.text
    i = out.text.index("killed 19 civilians")
    o = out.to_original(i)
    assert text[o:o + 19] == "killed 19 civilians"
