"""The alias dictionary (data/actors.yaml, versioned), read once into a token trie of entries:
countries with their other names, seats and demonyms; organisations and people; organs
("Defence Ministry") that follow a country word; generic groups."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .context import TITLE_MODIFIERS
from .keys import alias_tokens, case_rule, fold, token_key

DATA_PATH = Path(__file__).resolve().parents[2] / "data" / "actors.yaml"


@dataclass(frozen=True)
class ActorInfo:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    kind: str | None


@dataclass(frozen=True)
class Entry:
    info: ActorInfo
    source: str  # country | seat | demonym | org | person | generic
    case: tuple[int, ...]  # per key token: 0 any case, 1 not all lower case, 2 exact
    texts: tuple[str, ...]  # the alias tokens (case-normalised keys but original case)
    context: bool = False  # generic entry that takes the context country
    from_country: bool = False  # generic entry whose name is the country's name
    org: str | None = None  # person entries: the organisation "<surname> forces" means


@dataclass(frozen=True)
class _Organ:
    kind: str
    name: str | None  # None: the country's (or person's organisation's) name
    case: tuple[int, ...]
    texts: tuple[str, ...]


@dataclass
class AliasLexicon:
    version: str
    trie: dict
    organs: dict
    country_names: dict[str, str]  # ISO3 -> canonical name
    orgs_by_name: dict[str, ActorInfo]
    military_titles: frozenset[str]
    state_titles: frozenset[str]
    fillers: frozenset[str]
    not_actors: frozenset[str]


END = ""  # trie key holding the entries that end at a node; never a token key


def _insert(trie: dict, toks: list[str], value: Any) -> None:
    node = trie
    for t in toks:
        node = node.setdefault(token_key(t), {})
    bucket = node.setdefault(END, [])
    if value not in bucket:
        bucket.append(value)


def _entry(info: ActorInfo, source: str, toks: list[str], **kw: Any) -> Entry:
    return Entry(info=info, source=source, case=tuple(case_rule(t) for t in toks),
                  texts=tuple(fold(t) for t in toks), **kw)


@functools.lru_cache(maxsize=1)
def alias_lexicon() -> AliasLexicon:
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    trie: dict = {}
    organs: dict = {}
    country_names: dict[str, str] = {}
    orgs_by_name: dict[str, ActorInfo] = {}

    def add(alias: str, info: ActorInfo, source: str, **kw: Any) -> None:
        toks = alias_tokens(str(alias))
        if toks:
            _insert(trie, toks, _entry(info, source, toks, **kw))

    # Organisations and people first: on an exact tie of alias and case, the earlier entry
    # wins, and "Pentagon" should be the US military rather than the US state.
    for org in data.get("organizations", []):
        info = ActorInfo(org["name"], org.get("country"), org.get("kind"))
        orgs_by_name.setdefault(org["name"], info)
        for alias in org.get("aliases", []):
            add(alias, info, "org")
    for person in data.get("people", []):
        info = ActorInfo(person["name"], person.get("country"), person.get("kind"))
        for alias in person.get("aliases", []):
            add(alias, info, "person", org=person.get("org"))
    for c in data.get("countries", []):
        info = ActorInfo(c["name"], c["iso3"], "state")
        country_names[c["iso3"]] = c["name"]
        for alias in [c["name"], *c.get("aliases", [])]:
            add(alias, info, "country")
        for alias in c.get("seats", []):
            add(alias, info, "seat")
        for alias in c.get("demonyms", []):
            add(alias, info, "demonym")
    for group in data.get("organs", []):
        kind = group["kind"]
        name = group.get("name")
        for phrase in group.get("phrases", []):
            toks = alias_tokens(str(phrase))
            _insert(organs, toks, _Organ(kind, name, tuple(case_rule(t) for t in toks),
                                         tuple(fold(t) for t in toks)))
            if group.get("standalone"):
                info = ActorInfo(name or group.get("unnamed") or phrase.capitalize(), None, kind)
                _insert(trie, toks, _entry(info, "generic", toks,
                                           context=group.get("context", True),
                                           from_country=name is None))
    titles = data.get("titles", {})

    def words(items: Iterable[str]) -> frozenset[str]:
        return frozenset(token_key(w) for item in items for w in str(item).split())

    return AliasLexicon(
        version=str(data.get("version")),
        trie=trie,
        organs=organs,
        country_names=country_names,
        orgs_by_name=orgs_by_name,
        military_titles=words(titles.get("military", [])),
        state_titles=words(titles.get("state", [])) - TITLE_MODIFIERS,
        fillers=words(data.get("title_fillers", [])) | words(TITLE_MODIFIERS),
        not_actors=frozenset(token_key(x) for x in data.get("not_actors", [])),
    )


def dictionary_version() -> str:
    """The `version:` of the alias dictionary in use."""
    return alias_lexicon().version


def country_name(iso3: str | None) -> str | None:
    """Canonical short name of a country ("RUS" -> "Russia")."""
    return alias_lexicon().country_names.get(iso3 or "")
