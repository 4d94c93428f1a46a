"""Names in the text that place a mention: the admin hierarchy in "Minakulu (Oyam, Northern)",
a region in apposition ("Cuautla, Morelos"), "Shevchenkivskyi district of Zaporizhzhia", and
the level word after a mention ("Beni territory")."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .data import LEVEL_WORDS, NAME_PARTICLES, ROLE_OF_WORD
from .lookup import HOW_ALT, HOW_NAME, Candidate
from .mentions import Mention, lookup_name, split_level

_NAME = r"[A-Z][\w'’`\-.]*(?:[ \-](?:[A-Z][\w'’`\-.]*|" + NAME_PARTICLES + r"))*"
_PAREN = re.compile(r"\(([^()]{2,120})\)")
_CODED = re.compile(r"^\s*(?:coded\s+(?:to|as|at)\s+|near\s+|in\s+)", re.IGNORECASE)
_GAP = re.compile(r"^[\s,]*(?:[A-Za-z][\w'’\-]*[\s,]+){0,4}?$")
# "Goma, North Kivu", "Shostka district, Sumy": the level word of the name itself may come first
_APPOSITION = re.compile(r"^(?:\s+(?:" + "|".join(sorted(LEVEL_WORDS, key=len, reverse=True)) + r"))?,\s+(" + _NAME + r")")
_OF_PHRASE = re.compile(r"^\s+(?:" + "|".join(sorted(LEVEL_WORDS - {"community"}, key=len, reverse=True))
                        + r")\s+of\s+(" + _NAME + r")")
_NAME_PART = re.compile(r"^" + _NAME + r"$")
_LIST_NEXT = re.compile(r"^\s*(?:,|and\b|or\b|&)\s*(?:the\s+)?[A-Z]")
_LIST_PREV = re.compile(r"(?:[A-Z][\w'’\-]*,|\band|\bor|&)\s*$")


def _paren_parts(inner: str) -> list[tuple[str, int, int, str | None]] | None:
    """"Oyam, Northern" -> [("Oyam", s, e, "admin2"), ("Northern", s, e, "admin1")] (offsets in
    `inner`); None when the parenthesis is not a list of place names."""
    m = _CODED.match(inner)
    pos = m.end() if m else 0
    # "(coded to Guasdualito, Apure)": the first name is the place itself, the rest its regions
    coded = bool(m) and m.group(0).strip().lower().startswith("coded")
    raw = []
    for piece in re.split(r"[,;]", inner[pos:]):
        lead = len(piece) - len(piece.lstrip())
        s = pos + lead
        pos += len(piece) + 1
        piece = piece.strip()
        if not piece:
            continue
        raw.append((piece, s, s + len(piece)))
    if not raw or len(raw) > 4:
        return None
    out = []
    for i, (piece, s, e) in enumerate(raw):
        name, role = split_level(piece)
        if not _NAME_PART.match(name) or len(name.split()) > 5:
            return None
        if coded and i == 0:
            role = "place"
        elif role is None:
            role = "admin1" if i == len(raw) - 1 else "admin2"
        if role == "settlement":
            role = None
        out.append((name, s, e, role))
    return out


def in_region_list(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] is one of the regions a parenthesis lists for the place
    before it ("Palaw" and "Myeik" of "Myo Haung village (Palaw township, Myeik district,
    Tanintharyi region)"), not the place itself ("(coded to Maze)")."""
    open_ = text.rfind("(", max(0, start - 120), start)
    if open_ < 0 or ")" in text[open_:start]:
        return False
    close = text.find(")", end, end + 120)
    if close < 0 or "(" in text[end:close]:
        return False
    parts = _paren_parts(text[open_ + 1:close])
    if not parts:
        return False
    at = start - open_ - 1
    return not any(role == "place" and s <= at < e for _, s, e, role in parts)


@dataclass
class _Hint:
    name: str
    start: int
    end: int
    role: str | None
    cands: list[Candidate]


def _hint_chains(text: str) -> list[list[_Hint]]:
    """Every parenthesis that lists place names: [[Oyam (admin2), Northern (admin1)], ...]."""
    chains = []
    for m in _PAREN.finditer(text):
        parts = _paren_parts(m.group(1))
        if not parts:
            continue
        chain = []
        for name, s, e, role in parts:
            cands = _role_filter(lookup_name(name, region=role in ("admin1", "admin2")), role)
            chain.append(_Hint(name, m.start(1) + s, m.start(1) + e, role, cands))
        chains.append(chain)
    return chains


def _role_filter(cands: list[Candidate], role: str | None) -> list[Candidate]:
    """A hint in a first-level position names a region when the gazetteer has one so called."""
    if role == "admin1":
        admin = [c for c in cands if c.kind in ("admin1", "country")]
        return admin or cands
    return cands


def attach_hints(mentions: list[Mention], text: str) -> None:
    """Fill each mention's hints and names, and the role an apposition gives it."""
    every = _hint_chains(text)
    chains = [c for c in every if any(h.cands for h in c)]
    apposed: set[int] = set()
    for m in mentions:
        _attach(m, text, chains, apposed)
        _attach_names(m, text, every)
    for m in mentions:
        # "Hryhorivka, Donetsk": the name in apposition is the region, not the city
        if m.start in apposed and not m.role and any(c.kind == "admin1" for c in m.cands):
            m.role = "admin1"
    for m in mentions:
        _role_of_mention(m, text)


def _attach(m: Mention, text: str, chains: list[list[_Hint]], apposed: set[int]) -> None:
    # Inside a hint list: the names after it place it ("Oyam" is placed by "Northern").
    for chain in chains:
        for i, h in enumerate(chain):
            if h.start <= m.start < h.end or m.start <= h.start < m.end:
                m.role = m.role or h.role
                m.hints.extend((x.cands, x.role, x.name) for x in chain[i + 1:] if x.cands)
    if m.hints:
        return
    rest = text[m.end:m.end + 200]
    # "Kongo Trading Center, Minakulu sub-county (Oyam, Northern)"
    for chain in chains:
        gap_start = m.end
        paren_open = chain[0].start - 1
        while paren_open > gap_start and text[paren_open] != "(":
            paren_open -= 1
        if paren_open < gap_start or paren_open - gap_start > 60:
            continue
        gap = text[gap_start:paren_open]
        if _GAP.match(gap) and "." not in gap and not _chain_inside(gap_start, chains):
            m.hints.extend((h.cands, h.role, h.name) for h in chain if h.cands)
            break
    if m.hints:
        return
    # "Cuautla, Morelos", "Goma, North Kivu": a region or country in apposition.
    a = _APPOSITION.match(rest)
    if a and not _in_list(text, m.start, m.end + a.end()):
        name, role = split_level(a.group(1))
        cands = [c for c in lookup_name(name) if (c.kind in ("admin1", "country", "admin2") and c.how == HOW_NAME)
                 or (c.kind == "admin1" and c.how == HOW_ALT)]
        if cands:
            m.hints.append((cands, "admin1", name))
            apposed.add(m.end + a.start(1))
            return
    # "Shevchenkivskyi district of Zaporizhzhia"
    o = _OF_PHRASE.match(rest)
    if o:
        name = split_level(o.group(1))[0]
        cands = lookup_name(name)
        if cands:
            m.hints.append((cands, None, name))


def _attach_names(m: Mention, text: str, chains: list[list[_Hint]]) -> None:
    """The names of the parenthesis that holds the mention (those after it) or follows it
    ("Tshanzu (Rutshuru, Nord-Kivu)"), whether the gazetteer knows them or not."""
    for chain in chains:
        for i, h in enumerate(chain):
            if h.start <= m.start < h.end or m.start <= h.start < m.end:
                m.names.extend((x.name, x.role) for x in chain[i + 1:])
                return
    for chain in chains:
        gap = text[m.end:chain[0].start]
        # straight after the name, or after a level word ("Tshanzu village (Rutshuru, ...)")
        if gap.endswith("(") and _GAP.match(gap[:-1]) and "." not in gap and len(gap) <= 40:
            m.names.extend((h.name, h.role) for h in chain)
            return


def _in_list(text: str, start: int, end: int) -> bool:
    """"Utah, Colorado and Texas": names in a list are not each other's regions."""
    return bool(_LIST_NEXT.match(text[end:end + 40]) or _LIST_PREV.search(text[max(0, start - 40):start]))


def _chain_inside(pos: int, chains: list[list[_Hint]]) -> bool:
    return any(c[0].start <= pos <= c[-1].end for c in chains)


def _role_of_mention(m: Mention, text: str) -> None:
    """A level word right after the mention ("Beni territory", "Wuawua district")."""
    if m.role:
        return
    nxt = re.match(r"^\s+([a-z][\w\-]*)", text[m.end:m.end + 30])
    if nxt and nxt.group(1).lower() in ROLE_OF_WORD:
        role = ROLE_OF_WORD[nxt.group(1).lower()]
        m.role = None if role == "settlement" else role
