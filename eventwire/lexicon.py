"""Language knowledge read from data files: named word lists, tables and regular expressions.

The words and patterns the stages match on live under `eventwire/data/`, each defined once
and named; Python keeps the logic that uses them. The files:

- `data/lexicons/*.yaml`: name -> a list of words or phrases (`words`), or a mapping
  (`table`), e.g. the speech verbs of source attribution or the vague quantity words.
- `data/patterns/*.yaml`: name -> one regular expression, written as a string or as a list
  of pieces that are joined without separator (as Python joins adjacent string literals).
  A piece may name another pattern or a word list in braces, `{civilian_targets}`: the
  pattern's source, or the list's words joined with "|" (unescaped: lists used this way
  hold regex fragments such as `civilians?`), or a fragment the calling module builds and
  passes in (extract/casualties/numbers.py's number words). Quantifiers such as `{1,3}` are left alone.
- `data/patterns/*.jsonl`: token patterns for spaCy's Matcher or SpanRuler, one JSON object
  a line ({"label": ..., "pattern": [...]}), the file named after them (`token_patterns`).
- `data/taxonomy.json`: ACLED's event types and sub-event types with their PLOVER, CAMEO
  and disorder codes (`taxonomy`).

Names are unique across all lexicon and pattern files; every file is read once per process.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LEXICON_DIR = DATA_DIR / "lexicons"
PATTERN_DIR = DATA_DIR / "patterns"
TAXONOMY_FILE = DATA_DIR / "taxonomy.json"

# libyaml's safe loader where PyYAML was built with it (ten times faster; same results).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REFERENCE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


class LexiconError(KeyError):
    """A named lexicon or pattern that the data files do not define (or define badly)."""

    def __str__(self) -> str:  # KeyError quotes its message; this one is a sentence
        return str(self.args[0])


def _load_dir(folder: Path) -> dict[str, tuple[Any, str]]:
    """name -> (value, file name) over every YAML file of a folder; a name twice is an error."""
    out: dict[str, tuple[Any, str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        if not isinstance(data, dict):
            raise LexiconError(f"{path}: expected a mapping of names to entries")
        for name, value in data.items():
            if name in out:
                raise LexiconError(f"{name!r} is defined twice: in {out[name][1]} and {path.name}")
            out[name] = (value, path.name)
    return out


@functools.lru_cache(maxsize=1)
def _lexicons() -> dict[str, tuple[Any, str]]:
    return _load_dir(LEXICON_DIR)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, tuple[Any, str]]:
    return _load_dir(PATTERN_DIR)


def _entry(name: str) -> Any:
    try:
        return _lexicons()[name][0]
    except KeyError:
        raise LexiconError(f"no lexicon named {name!r} in {LEXICON_DIR}") from None


def names() -> list[str]:
    """Every lexicon name."""
    return sorted(_lexicons())


def pattern_names() -> list[str]:
    """Every pattern name."""
    return sorted(_patterns())


@functools.lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """A named word list, in file order."""
    value = _entry(name)
    if not isinstance(value, list):
        raise LexiconError(f"lexicon {name!r} is a {type(value).__name__}, not a word list")
    bad = [w for w in value if not isinstance(w, str)]
    if bad:  # YAML reads a bare on/off/yes/no/null as a boolean or None: quote such words
        raise LexiconError(f"lexicon {name!r} holds non-strings {bad!r}: quote them in the YAML file")
    return tuple(value)


def word_set(name: str) -> frozenset[str]:
    return frozenset(words(name))


def alternation(name: str) -> str:
    """A named word list as regex alternatives: "a|b|c" (the words are regex fragments)."""
    return "|".join(words(name))


@functools.lru_cache(maxsize=None)
def table(name: str) -> dict:
    """A named mapping (copy it before changing it)."""
    value = _entry(name)
    if not isinstance(value, dict):
        raise LexiconError(f"lexicon {name!r} is a {type(value).__name__}, not a table")
    return value


def pattern(name: str, **fragments: str) -> str:
    """The source of a named regular expression, its references filled in. `fragments` are
    regex sources the calling module builds itself (e.g. a number grammar computed from a
    table), which the pattern's pieces name in braces like any other reference."""
    return _pattern(name, tuple(sorted(fragments.items())))


@functools.lru_cache(maxsize=None)
def _pattern(name: str, fragments: tuple[tuple[str, str], ...]) -> str:
    return _expand(name, (), dict(fragments))


def _expand(name: str, seen: tuple[str, ...], fragments: dict[str, str]) -> str:
    if name in seen:
        raise LexiconError(f"pattern {name!r} refers to itself: {' -> '.join(seen + (name,))}")
    try:
        value = _patterns()[name][0]
    except KeyError:
        raise LexiconError(f"no pattern named {name!r} in {PATTERN_DIR}") from None
    source = "".join(value) if isinstance(value, list) else value
    if not isinstance(source, str):
        raise LexiconError(f"pattern {name!r} must be a string or a list of strings")

    def fill(m: re.Match[str]) -> str:
        ref = m.group(1)
        if ref in fragments:
            return fragments[ref]
        if ref in _patterns():
            return _expand(ref, seen + (name,), fragments)
        if ref in _lexicons():
            return alternation(ref)
        raise LexiconError(f"pattern {name!r} refers to {ref!r}, which is neither a pattern, a lexicon "
                           f"nor a fragment given by the caller")

    return _REFERENCE.sub(fill, source)


def regex(name: str, flags: int = 0, **fragments: str) -> re.Pattern[str]:
    """A named regular expression, compiled (re caches compiled patterns)."""
    return re.compile(pattern(name, **fragments), flags)


@functools.lru_cache(maxsize=None)
def token_patterns(name: str) -> tuple[dict, ...]:
    """The token patterns of `data/patterns/<name>.jsonl`, in file order."""
    path = PATTERN_DIR / f"{name}.jsonl"
    if not path.is_file():
        raise LexiconError(f"no token patterns named {name!r} ({path} does not exist)")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{path.name}:{n}: not JSON ({e.msg})") from None
        if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), (list, str)):
            raise LexiconError(f"{path.name}:{n}: expected an object with a \"pattern\"")
        out.append(entry)
    return tuple(out)


# --------------------------------------------------------------------------- taxonomy


@dataclass(frozen=True)
class SubEventType:
    """One ACLED sub-event type and the codes that follow from it."""

    name: str
    event_type: str
    plover: str
    plover_mode: str | None
    cameo_root: str | None


@dataclass(frozen=True)
class Taxonomy:
    event_types: dict[str, tuple[str, ...]]  # ACLED event type -> its sub-event types
    sub_event_types: dict[str, SubEventType]
    disorder: dict[str, str]  # ACLED event type -> disorder type
    disorder_sub: dict[str, str]  # sub-event types ACLED files under two disorder types
    plover_cameo: dict[str, str]  # PLOVER types outside ACLED -> CAMEO root
    violent: frozenset[str]  # the event types of political violence
    lethal_subs: frozenset[str]  # sub-event types of other event types whose fatalities are read too
    framing: frozenset[str]  # PLOVER speech acts that frame what follows them


@functools.lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """ACLED's categories (data/taxonomy.json), read once."""
    raw = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    event_types = {et: tuple(subs) for et, subs in raw["event_types"].items()}
    of = {sub: et for et, subs in event_types.items() for sub in subs}
    codes = raw["sub_event_codes"]
    if set(codes) != set(of):
        raise LexiconError(f"{TAXONOMY_FILE.name}: sub_event_codes and event_types name different sub-event types")
    subs = {sub: SubEventType(sub, of[sub], c["plover"], c.get("plover_mode"), c.get("cameo_root"))
            for sub, c in codes.items()}
    return Taxonomy(event_types=event_types, sub_event_types=subs, disorder=dict(raw["disorder_types"]),
                    disorder_sub=dict(raw["disorder_sub_event_types"]), plover_cameo=dict(raw["plover_cameo"]),
                    violent=frozenset(raw["violent_event_types"]), lethal_subs=frozenset(raw["lethal_sub_event_types"]),
                    framing=frozenset(raw["framing_plover_types"]))
