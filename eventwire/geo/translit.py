"""Transliteration-robust name keys: one loose key for the romanisations of a name
("Qamishli" and "Al Qāmishlī", "Maarat al-Numan" and "Ma‘arrat an Nu‘mān").

The index (build.py) files every name and alternate name of a place under its loose key as
well as its exact key; lookups (lookup.py) try the exact key first and fall back to the loose
one, whose matches carry their own, lower prior. The rules are data: data/translit.yaml.
"""
from __future__ import annotations

import functools
import re

from ..datafiles import read_yaml


@functools.lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """ISO3 codes of the countries whose places are filed under loose keys."""
    return frozenset(read_yaml("translit.yaml")["countries"])


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[frozenset[str], tuple[tuple[re.Pattern[str], str], ...], int]:
    data = read_yaml("translit.yaml")
    rules = tuple((re.compile(pattern), repl) for pattern, repl in data["letter_rules"])
    return frozenset(data["articles"]), rules, int(data["min_length"])


def loose_key(key: str) -> str:
    """The loose key of a normalized key ("" when too short to trust)."""
    articles, rules, min_length = _rules()
    words = key.split()
    kept = [w for w in words if w not in articles]
    s = "".join(kept if kept else words)
    for pattern, repl in rules:
        s = pattern.sub(repl, s)
    return s if len(s) >= min_length else ""
