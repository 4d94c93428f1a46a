"""Matching aliases on tokens: the longest dictionary mention at a token (a country word with
the organ after it included), and `lookup_actor` for one alias."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from .context import ACTION_NOUNS, DETERMINERS, MEMBER_NOUNS
from .dictionary import END, ActorInfo, AliasLexicon, Entry, alias_lexicon
from .keys import case_ok, split_tokens, token_key


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index (exclusive)
    info: ActorInfo
    source: str
    ref_end: int  # end of the country word when an organ follows it, else == end
    organ: bool = False



def walk(trie: dict, keys: Sequence[str], texts: Sequence[str], i: int,
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
        bucket = node.get(END)
        if bucket:
            got = [texts[p] for p in path]
            for value in bucket:
                if not check_case or case_ok(value.case, value.texts, got):
                    found.append((j, value))
                    break
    return found


def match_at(lex: AliasLexicon, keys: Sequence[str], texts: Sequence[str], i: int,
              check_case: bool, context_country: str | None) -> Match | None:
    """The longest actor mention starting at token i, country word + organ included."""
    best: Match | None = None
    for end, entry in walk(lex.trie, keys, texts, i, check_case):
        m = _resolve_entry(lex, entry, i, end, context_country)
        if best is None or m.end >= best.end:
            best = m
        if entry.source in ("country", "seat", "demonym", "person"):
            ext = _extend_with_organ(lex, entry, keys, texts, i, end, check_case)
            if ext is not None and (best is None or ext.end > best.end):
                best = ext
    if best is not None and best.source == "org" and not best.organ:
        j = best.end
        if j < len(keys) and keys[j] in MEMBER_NOUNS:
            best = Match(best.start, j + 1, best.info, best.source, best.ref_end)
    return best


def _resolve_entry(lex: AliasLexicon, entry: Entry, i: int, end: int,
                   context_country: str | None) -> Match:
    info = entry.info
    if entry.source == "generic" and entry.context and context_country:
        name = info.name
        if entry.from_country:
            name = lex.country_names.get(context_country, info.name)
        info = ActorInfo(name, context_country, info.kind)
    return Match(i, end, info, entry.source, end)


def _extend_with_organ(lex: AliasLexicon, entry: Entry, keys: Sequence[str], texts: Sequence[str],
                       i: int, end: int, check_case: bool) -> Match | None:
    k = end
    if k < len(keys) and keys[k] in ("'s", "'") and entry.source != "demonym":
        k += 1
    found = walk(lex.organs, keys, texts, k, check_case)
    if not found:
        return None
    organ_end, organ = found[-1]
    if entry.source in ("country", "seat") and k == end and token_key(organ.texts[-1]) in ACTION_NOUNS:
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
    return Match(i, organ_end, info, entry.source, end, organ=True)


def lookup_actor(text: str) -> ActorInfo | None:
    """The canonical actor an alias names ("the Kremlin" -> Russia), or None.

    Case-insensitive; ignores a leading article, a trailing possessive, curly quotes, hyphen
    variants, leading titles ("President ...") and a plural/singular difference.
    """
    lex = alias_lexicon()
    text = text.strip().strip("\"'“”‘’,;:()[]")
    if text.endswith(".") and text.count(".") == 1:  # a full stop, not "U.S."
        text = text[:-1]
    toks = split_tokens(text)
    keys = [token_key(t) for t in toks]
    while keys and keys[-1] in ("'s", "'"):
        keys.pop()
        toks.pop()
    while keys and keys[0] in DETERMINERS:
        keys.pop(0)
        toks.pop(0)
    if not keys:
        return None
    for start in range(len(keys)):
        if start and keys[start - 1] not in lex.state_titles | lex.military_titles | lex.fillers:
            break
        for variant in _number_variants(keys[start:]):
            m = match_at(lex, variant, toks[start:], 0, False, None)
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

