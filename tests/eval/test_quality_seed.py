"""The user's seed page gets the four page-quality flags its gold asks for."""
import pytest

from repo_paths import SHARED

SEED = SHARED / "seed" / "000_6f866aa34b252ad8.txt"


@pytest.mark.shared
@pytest.mark.skipif(not SEED.exists(), reason="../shared is absent")
def test_seed_flags():
    from eventwire_eval.scoring.quality import assess_file

    raw = SEED.read_text(encoding="utf-8")
    from eventwire.clean import clean

    text = clean(raw).text
    q = assess_file(SEED)
    by_kind = {}
    for f in q.flags:
        by_kind.setdefault(f.kind, []).append(f)

    def covered(kind, phrase):
        return any(phrase in text[s:e] for f in by_kind.get(kind, []) for s, e in f.spans)

    assert covered("near_duplicate", "After the strikes, the planes went back to the base")
    assert covered("near_duplicate", "After the sorties, the bombers returned to the base in Iran")
    assert any("Russian Federation" in f.detail for f in by_kind["name_variant"])
    assert covered("contradiction", "sixth year") and covered("contradiction", "five-year")
    assert covered("unresolved_attribution", "The watchdog said") or covered("unresolved_attribution", "he said")
    assert q.score < 0.7
