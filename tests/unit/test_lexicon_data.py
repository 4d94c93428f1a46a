"""The language data files: every named lexicon and pattern loads, none is empty, none repeats
another, and a missing name is a clear error."""
import re

import pytest

from eventwire import lexicon


def test_every_lexicon_loads_and_is_not_empty():
    assert lexicon.names()
    for name in lexicon.names():
        entry = lexicon.words(name) if isinstance(lexicon._entry(name), list) else lexicon.table(name)
        assert entry, name
        assert all(str(w).strip() for w in entry), name


def test_no_two_lexicons_are_identical():
    seen: dict[str, str] = {}
    for name in lexicon.names():
        entry = lexicon._entry(name)
        key = repr(sorted(map(str, entry)) if isinstance(entry, list) else entry)
        assert key not in seen, f"{name} repeats {seen.get(key)}"
        seen[key] = name


def test_no_lexicon_repeats_a_word():
    for name in lexicon.names():
        if isinstance(lexicon._entry(name), list):
            ws = lexicon.words(name)
            assert len(ws) == len(set(ws)), (name, sorted(w for w in set(ws) if ws.count(w) > 1))


def test_every_pattern_compiles_and_no_two_are_identical():
    # References to neither a pattern nor a lexicon are fragments the calling module builds
    # (a number grammar): a stand-in does for compiling.
    refs = {r for n in lexicon.pattern_names() for r in re.findall(r"\{([a-z_][a-z0-9_]*)\}", str(lexicon._patterns()[n][0]))}
    given = {r: "x" for r in refs if r not in lexicon.pattern_names() and r not in lexicon.names()}
    sources: dict[str, str] = {}
    for name in lexicon.pattern_names():
        src = lexicon.pattern(name, **given)
        assert src, name
        re.compile(src)
        assert src not in sources, f"{name} repeats {sources.get(src)}"
        sources[src] = name


def test_a_missing_name_is_a_clear_error():
    with pytest.raises(lexicon.LexiconError, match="no lexicon named 'no_such_list'"):
        lexicon.words("no_such_list")
    with pytest.raises(lexicon.LexiconError, match="no pattern named 'no_such_pattern'"):
        lexicon.pattern("no_such_pattern")


def test_taxonomy_codes_cover_every_sub_event_type():
    tax = lexicon.taxonomy()
    assert len(tax.sub_event_types) == 25
    assert set(tax.disorder) == set(tax.event_types)
    assert tax.violent <= set(tax.event_types)
    assert set(tax.disorder_sub) | tax.lethal_subs <= set(tax.sub_event_types)
    assert {t.plover for t in tax.sub_event_types.values()} | set(tax.plover_cameo) >= tax.framing


def test_token_patterns_read_jsonl_and_name_a_missing_file(tmp_path, monkeypatch):
    (tmp_path / "demo_cues.jsonl").write_text(
        '{"label": "CUE", "pattern": [{"LOWER": "tear"}, {"LOWER": "gas"}]}\n\n'
        '{"label": "CUE", "pattern": "water cannon"}\n', encoding="utf-8")
    monkeypatch.setattr(lexicon, "PATTERN_DIR", tmp_path)
    lexicon.token_patterns.cache_clear()
    try:
        got = lexicon.token_patterns("demo_cues")
        assert [p["pattern"] for p in got] == [[{"LOWER": "tear"}, {"LOWER": "gas"}], "water cannon"]
        with pytest.raises(lexicon.LexiconError, match="no token patterns named 'nothing_here'"):
            lexicon.token_patterns("nothing_here")
    finally:
        lexicon.token_patterns.cache_clear()


def test_no_name_is_both_a_lexicon_and_a_pattern():
    # a pattern's {reference} would be ambiguous
    assert not set(lexicon.names()) & set(lexicon.pattern_names())
