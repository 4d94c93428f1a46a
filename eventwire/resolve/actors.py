"""Actor mentions: find them in a parsed document and resolve them to canonical actors.

The alias dictionary lives in `eventwire/data/actors.yaml` (versioned).  Aliases are matched
on whole spaCy tokens with a token trie (longest match wins), keyed on a normalised form of
each token (lower case, no accents, straight quotes, one kind of hyphen; hyphen tokens are
skipped so "al-Qaida", "al Qaida" and "al - Qaida" are one key).  Three families of entries:

* countries, their other names, seats of power ("the Kremlin") and demonyms ("Russian");
  a country word followed by an organ ("Russian Defence Ministry", "Iran's National Security
  Council", "Syrian rebels") is one mention whose kind comes from the organ;
* named organisations and people, each with a canonical name;
* generic groups ("government forces", "rights groups", "protesters"), which take the
  document's context country when they name none.

spaCy's PERSON / ORG / NORP entities that the dictionary does not cover are added, with the
kind and country read from titles and country words around them.
"""
from __future__ import annotations

import functools
import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from ..lexicon import table, word_set
from ..model import Actor

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.yaml"

# Context words: data/lexicons/actor_context.yaml.
# A capital or country that is the object of one of these prepositions is a place, not an
# agent: "was in Tehran", "flew to Moscow", "returned from Syria".
_PLACE_PREPS = word_set("place_prepositions")
# Verbs whose direct object is a destination ("visited Damascus").
_PLACE_VERBS = word_set("destination_verbs")
# A capital city that is struck or taken is a place ("shelled Kyiv"); a country may be a target.
_CITY_VERBS = _PLACE_VERBS | word_set("city_target_verbs")
# Nouns that make a country word describe a place: "Syria's largest city", "Syrian territory".
_GEO_HEADS = word_set("geo_heads")
# Words before a country name that make it part of another place: "New Mexico", "Latin America".
_PLACE_PREFIXES = word_set("place_prefixes")
# "Iran-backed militias", "Russian-made jets": the country word only qualifies something else.
_QUALIFIER_SUFFIXES = word_set("qualifier_suffixes")
_PERSON_PLACE_PREPS = word_set("person_place_prepositions")
# Organ words that name an action, not a body: only a demonym or a possessive makes the
# country their agent.
_ACTION_NOUNS = word_set("action_nouns")
_PRO_ANTI = word_set("pro_anti")
# Nouns that extend an organisation mention: "Hezbollah fighters", "Taliban militants".
_MEMBER_NOUNS = word_set("member_nouns")
_PARTICLES = word_set("name_particles_lower")
# Words inside a title that are not titles themselves: "deputy foreign minister".
_TITLE_MODIFIERS = word_set("title_modifiers")
# "the border between Syria and Turkey": the countries are where, not who.
_BETWEEN_HEADS = word_set("between_heads")
# "flew home", "returned home": verbs whose bare-noun adverbial is a destination.
_MOTION_VERBS = word_set("motion_verbs")
_DETERMINERS = frozenset({"the", "a", "an"})
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
           "\u201d": '"'}

# Kinds that a generic NER entity may get from cue words in its own name (first kind wins).
_ORG_CUES: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (kind, frozenset(cues)) for kind, cues in table("org_kind_cues").items())

@dataclass(frozen=True)
class ActorInfo:
    name: str
    country: str | None  # ISO 3166-1 alpha-3
    kind: str | None


@dataclass(frozen=True)
class _Entry:
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


@dataclass(frozen=True)
class _Match:
    start: int  # token index
    end: int  # token index (exclusive)
    info: ActorInfo
    source: str
    ref_end: int  # end of the country word when an organ follows it, else == end
    organ: bool = False


@dataclass
class _Lexicon:
    version: str
    trie: dict
    organs: dict
    country_names: dict[str, str]  # ISO3 -> canonical name
    orgs_by_name: dict[str, ActorInfo]
    military_titles: frozenset[str]
    state_titles: frozenset[str]
    fillers: frozenset[str]
    not_actors: frozenset[str]


@dataclass(frozen=True)
class Limits:
    """The sizes actor resolution decides by, named once (in tokens unless said)."""

    title_reach: int = 10  # tokens walked before or after a name for its titles and country
    conjunct_climb: int = 6  # "in Syria and Iraq": conjuncts climbed to find the preposition
    possessive_lookahead: int = 3  # tokens after "X's" looked at for a place noun
    known_place_population: int = 20000  # a gazetteer town this big is a place, not a person


LIMITS = Limits()

_END = ""  # trie key holding the entries that end at a node; never a token key


@functools.lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """The matching key of one token."""
    s = text.lower()
    for a, b in _QUOTES.items():
        s = s.replace(a, b)
    for h in _HYPHENS:
        s = s.replace(h, "-")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s


def _fold(text: str) -> str:
    """Quotes, dashes and accents normalised, case kept (for exact-case comparisons)."""
    s = text
    for a, b in _QUOTES.items():
        s = s.replace(a, b)
    for h in _HYPHENS:
        s = s.replace(h, "-")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s


def _case_rule(tok: str) -> int:
    letters = [c for c in tok if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if not uppers or tok.lower() in _PARTICLES:
        return 0
    if uppers == 1 and letters[0].isupper():
        return 1
    return 2


def _case_ok(rules: Sequence[int], alias: Sequence[str], texts: Sequence[str]) -> bool:
    for rule, want, got in zip(rules, alias, texts):
        if rule == 1 and got.islower():
            return False
        if rule == 2 and _fold(got) != want:
            return False
    return True


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy  # heavy import, only when first needed

    return spacy.blank("en")


def _tokens(text: str) -> list[str]:
    """Tokens of an alias as the English tokenizer cuts them, hyphens dropped."""
    out = []
    for t in _tokenizer().make_doc(" ".join(text.split())):
        if _key(t.text) != "-":
            out.append(t.text)
    return out


def _alias_tokens(alias: str) -> list[str]:
    toks = _tokens(alias)
    # A lowercase leading article is optional in text; "The Hague" keeps its capital "The".
    while len(toks) > 1 and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return toks


def _insert(trie: dict, toks: list[str], value: Any) -> None:
    node = trie
    for t in toks:
        node = node.setdefault(_key(t), {})
    bucket = node.setdefault(_END, [])
    if value not in bucket:
        bucket.append(value)


def _entry(info: ActorInfo, source: str, toks: list[str], **kw: Any) -> _Entry:
    return _Entry(info=info, source=source, case=tuple(_case_rule(t) for t in toks),
                  texts=tuple(_fold(t) for t in toks), **kw)


@functools.lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    trie: dict = {}
    organs: dict = {}
    country_names: dict[str, str] = {}
    orgs_by_name: dict[str, ActorInfo] = {}

    def add(alias: str, info: ActorInfo, source: str, **kw: Any) -> None:
        toks = _alias_tokens(str(alias))
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
            toks = _alias_tokens(str(phrase))
            _insert(organs, toks, _Organ(kind, name, tuple(_case_rule(t) for t in toks),
                                         tuple(_fold(t) for t in toks)))
            if group.get("standalone"):
                info = ActorInfo(name or group.get("unnamed") or phrase.capitalize(), None, kind)
                _insert(trie, toks, _entry(info, "generic", toks,
                                           context=group.get("context", True),
                                           from_country=name is None))
    titles = data.get("titles", {})

    def words(items: Iterable[str]) -> frozenset[str]:
        return frozenset(_key(w) for item in items for w in str(item).split())

    return _Lexicon(
        version=str(data.get("version")),
        trie=trie,
        organs=organs,
        country_names=country_names,
        orgs_by_name=orgs_by_name,
        military_titles=words(titles.get("military", [])),
        state_titles=words(titles.get("state", [])) - _TITLE_MODIFIERS,
        fillers=words(data.get("title_fillers", [])) | words(_TITLE_MODIFIERS),
        not_actors=frozenset(_key(x) for x in data.get("not_actors", [])),
    )


def dictionary_version() -> str:
    """The `version:` of the alias dictionary in use."""
    return _lexicon().version


def country_name(iso3: str | None) -> str | None:
    """Canonical short name of a country ("RUS" -> "Russia")."""
    return _lexicon().country_names.get(iso3 or "")


def _walk(trie: dict, keys: Sequence[str], texts: Sequence[str], i: int,
          check_case: bool) -> list[tuple[int, Any]]:
    """Every (end, value) whose alias matches the tokens from i, shortest first."""
    node = trie
    j = i
    path: list[int] = []
    found: list[tuple[int, Any]] = []
    n = len(keys)
    while j < n:
        k = keys[j]
        if k == "-" and j > i:
            j += 1
            continue
        node = node.get(k)
        if node is None:
            break
        path.append(j)
        j += 1
        bucket = node.get(_END)
        if bucket:
            got = [texts[p] for p in path]
            for value in bucket:
                if not check_case or _case_ok(value.case, value.texts, got):
                    found.append((j, value))
                    break
    return found


def _match_at(lex: _Lexicon, keys: Sequence[str], texts: Sequence[str], i: int,
              check_case: bool, context_country: str | None) -> _Match | None:
    """The longest actor mention starting at token i, country word + organ included."""
    best: _Match | None = None
    for end, entry in _walk(lex.trie, keys, texts, i, check_case):
        m = _resolve_entry(lex, entry, i, end, context_country)
        if best is None or m.end >= best.end:
            best = m
        if entry.source in ("country", "seat", "demonym", "person"):
            ext = _extend_with_organ(lex, entry, keys, texts, i, end, check_case)
            if ext is not None and (best is None or ext.end > best.end):
                best = ext
    if best is not None and best.source == "org" and not best.organ:
        j = best.end
        if j < len(keys) and keys[j] in _MEMBER_NOUNS:
            best = _Match(best.start, j + 1, best.info, best.source, best.ref_end)
    return best


def _resolve_entry(lex: _Lexicon, entry: _Entry, i: int, end: int,
                   context_country: str | None) -> _Match:
    info = entry.info
    if entry.source == "generic" and entry.context and context_country:
        name = info.name
        if entry.from_country:
            name = lex.country_names.get(context_country, info.name)
        info = ActorInfo(name, context_country, info.kind)
    return _Match(i, end, info, entry.source, end)


def _extend_with_organ(lex: _Lexicon, entry: _Entry, keys: Sequence[str], texts: Sequence[str],
                       i: int, end: int, check_case: bool) -> _Match | None:
    k = end
    if k < len(keys) and keys[k] in ("'s", "'") and entry.source != "demonym":
        k += 1
    found = _walk(lex.organs, keys, texts, k, check_case)
    if not found:
        return None
    organ_end, organ = found[-1]
    if entry.source in ("country", "seat") and k == end and _key(organ.texts[-1]) in _ACTION_NOUNS:
        return None  # "Syria strikes" are strikes on Syria; "Russian strikes" are Russia's
    info = entry.info
    if entry.source == "person":
        if organ.name is not None or organ.kind not in ("state", "military", "police", "rebel"):
            return None
        if entry.org and entry.org in lex.orgs_by_name:
            info = lex.orgs_by_name[entry.org]
        elif info.country:
            info = ActorInfo(lex.country_names.get(info.country, info.name), info.country,
                             organ.kind)
        else:
            return None
    else:
        info = ActorInfo(organ.name or info.name, info.country, organ.kind)
    return _Match(i, organ_end, info, entry.source, end, organ=True)


def lookup_actor(text: str) -> ActorInfo | None:
    """The canonical actor an alias names ("the Kremlin" -> Russia), or None.

    Case-insensitive; ignores a leading article, a trailing possessive, curly quotes, hyphen
    variants, leading titles ("President ...") and a plural/singular difference.
    """
    lex = _lexicon()
    text = text.strip().strip("\"'“”‘’,;:()[]")
    if text.endswith(".") and text.count(".") == 1:  # a full stop, not "U.S."
        text = text[:-1]
    toks = _tokens(text)
    keys = [_key(t) for t in toks]
    while keys and keys[-1] in ("'s", "'"):
        keys.pop()
        toks.pop()
    while keys and keys[0] in _DETERMINERS:
        keys.pop(0)
        toks.pop(0)
    if not keys:
        return None
    for start in range(len(keys)):
        if start and keys[start - 1] not in lex.state_titles | lex.military_titles | lex.fillers:
            break
        for variant in _number_variants(keys[start:]):
            m = _match_at(lex, variant, toks[start:], 0, False, None)
            if m is not None and m.end == len(variant):
                return m.info
    return None


def _number_variants(keys: list[str]) -> list[list[str]]:
    last = keys[-1]
    variants = [keys]
    if last.endswith("ies") and len(last) > 4:
        variants.append(keys[:-1] + [last[:-3] + "y"])
    elif last.endswith("s") and len(last) > 3:
        variants.append(keys[:-1] + [last[:-1]])
    else:
        variants.append(keys[:-1] + [last + "s"])
    return variants


# ----------------------------------------------------------------------------------------
# Finding mentions in a parsed document


def find_actors(doc, *, context_country: str | None = None) -> list[Actor]:
    """Every actor mention in a spaCy Doc, resolved to canonical names.

    `context_country` (ISO3) is given to generic groups that name no country ("government
    forces", "protesters").  Offsets are character offsets into `doc.text`.
    """
    lex = _lexicon()
    texts = [t.text for t in doc]
    keys = [_key(x) for x in texts]
    has_dep = doc.has_annotation("DEP")
    matches: list[_Match] = []
    blocked: list[tuple[int, int]] = []  # dictionary words judged places: NER may not re-add them
    i = 0
    n = len(doc)
    while i < n:
        if keys[i] in _DETERMINERS or not keys[i][:1].isalnum():
            i += 1
            continue
        m = _match_at(lex, keys, texts, i, True, context_country)
        if m is None:
            i += 1
            continue
        screened = _screen(lex, doc, keys, m, has_dep)
        if screened is None:
            blocked.append((m.start, m.ref_end))
            i += 1
            continue
        m = screened
        matches.append(m)
        i = m.end

    people = [p for p in _people(lex, doc, keys, matches)
              if not any(a < p[0][1] and p[0][0] < b for a, b in blocked)]
    consumed = {id(c) for p in people for c in p[1]}
    actors = [_to_actor(doc, m.start, m.end, m.info) for m in matches
              if id(m) not in consumed and not (m.source == "person" and not m.organ)]
    taken = [(m.start, m.end) for m in matches] + blocked
    for start, end, info in (p[0] for p in people):
        actors.append(_to_actor(doc, start, end, info))
        taken.append((start, end))
    actors.extend(_other_entities(lex, doc, keys, texts, taken, has_dep))
    actors.sort(key=lambda a: (a.start, a.end))
    return actors


def _screen(lex: _Lexicon, doc, keys: Sequence[str], m: _Match, has_dep: bool) -> _Match | None:
    """Drop country words that are places or qualifiers rather than actors."""
    if m.source == "generic":
        return _screen_generic(doc, keys, m, has_dep)
    if m.source not in ("country", "seat", "demonym", "person"):
        return m
    i, j = m.start, m.ref_end
    # "pro-Assad forces", "anti-Russian protesters"
    if i >= 2 and keys[i - 1] == "-" and keys[i - 2] in _PRO_ANTI:
        if m.organ and m.info.kind in ("military", "state", "police"):
            return _Match(i - 2, m.end, ActorInfo("Militia", m.info.country, "militia"),
                          "generic", m.end, organ=True)
        return None
    if m.source == "person":
        return m
    # "Iran-backed militias", "Russian-made jets"
    if not m.organ and j + 1 < len(keys) and keys[j] == "-" and keys[j + 1] in _QUALIFIER_SUFFIXES:
        return None
    if not m.organ and j < len(keys) and "-" in keys[j] and keys[j].startswith("-"):
        return None
    if m.source in ("country", "seat") and i >= 1 and keys[i - 1] in _PLACE_PREFIXES \
            and doc[i - 1].text[:1].isupper():
        return None
    if m.organ:
        return m
    if m.source in ("country", "seat") and j < len(keys) and keys[j] in _ACTION_NOUNS:
        return None  # "Syria strikes", "the Iraq war": the country is where, not who
    if m.source == "demonym":
        if j < len(keys) and keys[j] in _GEO_HEADS:
            return None
        return m
    # Country names and seats of power: places when the syntax says so.
    if j < len(keys) and keys[j] in ("'s", "'"):
        nxt = [keys[t] for t in range(j + 1, min(j + 1 + LIMITS.possessive_lookahead, len(keys)))]
        head = doc[i:j].root.head if has_dep else None
        if (head is not None and _key(head.lemma_) in _GEO_HEADS) or \
                (head is None and any(k in _GEO_HEADS for k in nxt)):
            return None
        return m
    if has_dep and _is_place(doc[i:j].root,
                             verbs=_CITY_VERBS if m.source == "seat" else _PLACE_VERBS):
        return None
    if not has_dep and i >= 1 and keys[i - 1] in _PLACE_PREPS:
        return None
    return m


def _screen_generic(doc, keys: Sequence[str], m: _Match, has_dep: bool) -> _Match | None:
    """Drop one-word group nouns used as modifiers: "civilian casualties", "rebel-held"."""
    j = m.end
    if j + 1 < len(keys) and keys[j] == "-" and keys[j + 1] in _QUALIFIER_SUFFIXES:
        return None
    if m.end - m.start == 1 and has_dep:
        tok = doc[m.start]
        if tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            return None
    return m


def _is_place(tok, preps: frozenset[str] = _PLACE_PREPS,
              verbs: frozenset[str] = _PLACE_VERBS) -> bool:
    # Climb conjunctions and compounds: "in Syria and Iraq", "in the Tehran suburbs".
    seen = 0
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok and seen < LIMITS.conjunct_climb:
        tok = tok.head
        seen += 1
    head = tok.head
    if tok.dep_ == "pobj":
        prep = _key(head.text)
        if prep in preps:
            return True
        if prep == "of" and _key(head.head.lemma_) in _GEO_HEADS:
            return True  # "north of Damascus"
        if prep == "between" and head.head.lemma_ in _BETWEEN_HEADS:
            return True
    if tok.dep_ == "dobj" and head.lemma_ in verbs:
        return True
    if tok.dep_ == "npadvmod" and head.lemma_ in _MOTION_VERBS:
        return True  # "flew home to ..."; rare
    return False


def _people(lex: _Lexicon, doc, keys: Sequence[str], matches: list[_Match]):
    """PERSON mentions with their titles: ((start, end, info), [consumed matches])."""
    by_token: dict[int, _Match] = {}
    for m in matches:
        for t in range(m.start, m.end):
            by_token[t] = m
    spans: list[tuple[int, int, ActorInfo | None]] = []
    dict_people = [m for m in matches if m.source == "person" and not m.organ]
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    for m in dict_people:
        # A surname inside a longer, different name ("Cameron Smith") is not that person.
        bigger = [e for e in ents if e.start <= m.start and m.end <= e.end
                  and (e.end - e.start) > (m.end - m.start)
                  and lookup_actor(e.text) != m.info]
        if not bigger:
            spans.append((m.start, m.end, m.info))
    for e in ents:
        s, t = e.start, e.end
        while s < t and (keys[s] in _DETERMINERS or keys[s] in lex.state_titles
                         or keys[s] in lex.military_titles):
            s += 1
        while t > s and keys[t - 1] in ("'s", "'"):
            t -= 1
        if s >= t:
            continue
        if any(x in by_token and (by_token[x].source != "person" or by_token[x].organ)
               for x in range(s, t)):
            continue
        if any(a <= s < b or s <= a < t for a, b, _ in spans):
            continue
        if doc.has_annotation("DEP") and _is_place(doc[s:t].root, _PERSON_PLACE_PREPS):
            continue  # NER often calls an unknown town a PERSON: "in Alvaro Obregon"
        spans.append((s, t, None))
    spans.sort(key=lambda x: x[0])

    surnames: dict[str, ActorInfo] = {}
    out = []
    for s, t, known in spans:
        country, kind, consumed = _titles(lex, doc, keys, s, t, by_token)
        if known is not None:
            info = ActorInfo(known.name, known.country or country, known.kind or kind)
        else:
            name = _clean_name(doc[s:t].text)
            prior = surnames.get(_key(name)) if t - s == 1 else None
            if prior is not None:
                info = ActorInfo(prior.name, prior.country or country, prior.kind or kind)
            elif country is None and kind is None and _known_place(name):
                continue  # NER's PERSON on a town name ("Kherson"), with nothing saying person
            else:
                info = ActorInfo(name, country, kind)
        if t - s >= 2:
            surnames.setdefault(keys[t - 1], info)
        out.append(((s, t, info), consumed))
    return out


def _titles(lex: _Lexicon, doc, keys: Sequence[str], s: int, t: int,
            by_token: dict[int, _Match]):
    """Country and kind read from titles before ("Russian deputy foreign minister X") or in
    an apposition after ("X, Iran's foreign minister,") a name."""
    country = None
    mil = state = False
    consumed: list[_Match] = []

    def take(m: _Match) -> None:
        nonlocal country, mil, state
        if m.source in ("country", "seat", "demonym", "generic") and m.info.kind in (
                "state", "military", "police"):
            consumed.append(m)
            country = country or m.info.country
            if m.organ or m.source == "generic":
                mil = mil or m.info.kind in ("military", "police")
                state = state or m.info.kind == "state"

    k = s - 1
    steps = 0
    while k >= 0 and steps < LIMITS.title_reach:
        m = by_token.get(k)
        if m is not None and m.source != "person":
            before = len(consumed)
            take(m)
            if len(consumed) == before:
                break
            k = m.start - 1
        elif keys[k] in lex.military_titles:
            mil = True
            k -= 1
        elif keys[k] in lex.state_titles:
            state = True
            k -= 1
        elif keys[k] in lex.fillers or doc[k].is_punct and keys[k] in ("-", "."):
            k -= 1
        else:
            break
        steps += 1
        if k >= 0 and doc[k + 1].is_sent_start:
            break
    if not consumed and not (mil or state) and t + 1 < len(doc) and keys[t] == ",":
        k = t + 1
        while k < len(doc) and k < t + LIMITS.title_reach:
            m = by_token.get(k)
            if m is not None and m.source != "person":
                before = len(consumed)
                take(m)
                if len(consumed) == before:
                    break
                k = m.end
            elif keys[k] in lex.military_titles:
                mil = True
                k += 1
            elif keys[k] in lex.state_titles:
                state = True
                k += 1
            elif keys[k] in lex.fillers or keys[k] in _DETERMINERS:
                k += 1
            else:
                break
        if not (mil or state):
            consumed = []
            country = None
    kind = "military" if mil else "state" if state else None
    return country, kind, consumed


def _clean_name(text: str) -> str:
    s = " ".join(text.split())
    for a, b in _QUOTES.items():
        s = s.replace(a, b)
    s = s.strip(" \"'.,;:()[]")
    if s.endswith("'s"):
        s = s[:-2]
    if s.lower().startswith("the "):
        s = s[4:]
    return s.strip()


def _other_entities(lex: _Lexicon, doc, keys: Sequence[str], texts: Sequence[str],
                    taken: list[tuple[int, int]], has_dep: bool):
    """ORG and NORP entities the dictionary did not cover."""
    out: list[Actor] = []
    for e in doc.ents:
        if e.label_ not in ("ORG", "NORP"):
            continue
        s, t = e.start, e.end
        while s < t and keys[s] in _DETERMINERS:
            s += 1
        while t > s and keys[t - 1] in ("'s", "'"):
            t -= 1
        if s >= t or any(a < t and s < b for a, b in taken):
            continue
        # NER tags many unknown towns ORG or PERSON; a parenthesis starts a second name.
        for x in range(s, t):
            if keys[x] in ("(", "[", ",", ";"):
                t = x
                break
        if s >= t:
            continue
        text = doc[s:t].text
        if not any(c.isalpha() for c in text) or text.islower() or _key(text) in lex.not_actors:
            continue
        if not any(tok.pos_ == "PROPN" or tok.is_upper for tok in doc[s:t]):
            continue  # "Bombers" at the start of a sentence is not an organisation
        if has_dep and _is_place(doc[s:t].root):
            continue
        name = _clean_name(text)
        if e.label_ == "NORP":
            root = doc[s:t].root
            if doc.has_annotation("DEP") and root.dep_ in ("amod", "compound", "nmod"):
                continue  # "Kurdish fighters": the noun is the actor, not the adjective
            info = ActorInfo(name, None, "other")
        else:
            info = lookup_actor(name) or ActorInfo(name, _inner_country(lex, keys, texts, s, t),
                                                   _org_kind(keys[s:t]))
            if info.kind == "other" and info.country is None and _known_place(name):
                continue  # NER's ORG on a place name
        out.append(_to_actor(doc, s, t, info))
        taken.append((s, t))
    return out


def _known_place(name: str) -> bool:
    """Whether the gazetteer knows `name` as a sizeable place (a region, or a town of 20,000+)."""
    try:
        from ..geo import lookup as gazetteer  # the places index; optional here

        cands = gazetteer.candidates(name)
    except (ImportError, OSError, sqlite3.Error):
        return False
    return any(c.kind in ("country", "admin1", "admin2") or (c.population or 0) >= LIMITS.known_place_population
               for c in cands)


def _inner_country(lex: _Lexicon, keys: Sequence[str], texts: Sequence[str], s: int,
                   t: int) -> str | None:
    for i in range(s, t):
        for _end, entry in _walk(lex.trie, keys, texts, i, True):
            if entry.source in ("country", "demonym") and _end <= t:
                return entry.info.country
    return None


def _org_kind(keys: Sequence[str]) -> str:
    words = set(keys)
    for kind, cues in _ORG_CUES:
        if words & cues:
            return kind
    return "other"


def _to_actor(doc, start: int, end: int, info: ActorInfo) -> Actor:
    span = doc[start:end]
    return Actor(text=span.text, name=info.name, country=info.country, kind=info.kind,
                 start=span.start_char, end=span.end_char)
