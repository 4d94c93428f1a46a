"""Near duplicates: two sentences saying the same thing in other words.

A pair must pass a lexical check first (shared content words, enough shared tokens, and no
clash of specifics), and only then is its MiniLM cosine compared with the threshold; so only
sentences in surviving pairs are embedded.
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict

import numpy as np

from ..lexicon import regex, word_set
from ..extract.offsets import ByStart
from ..model import Actor, QualityFlag
from .numbers import NUM_WORDS
from .thresholds import T

# Word lists and phrase patterns: data/lexicons/quality.yaml, data/patterns/quality.yaml.
_STOP = word_set("near_duplicate_stop_words")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_DAYS = word_set("weekday_names") | word_set("relative_day_words")
_MONTHS = word_set("month_names")


def _stem(w: str) -> str:
    return w.lower()[:T.stem_chars]


def _tokens(s: str) -> list[str]:
    return [w.lower().strip("'’") for w in _WORD_RE.findall(s)]


def _specifics(text: str, s: int, e: int, actors: list[Actor]) -> set[str]:
    """Names, numbers and days of one sentence, normalised so that 'Moscow'/'Russia' (same
    actor) and 'Iran'/'Iranian' (same 5-letter stem) count as the same thing."""
    out: set[str] = set()
    covered: list[tuple[int, int]] = []
    for a in actors:
        # Named actors only: a canonical name given to a common noun ("fighters" -> Rebels,
        # "separatist fighters" -> Separatists) is a type, and types would clash spuriously.
        if s <= a.start and a.end <= e and a.name and a.text[:1].isupper():
            # Both the canonical name and the words used, so that a sentence where the tagger
            # missed the actor still matches one where it did not.
            out.add("P:" + _stem(a.name))
            out.update("P:" + _stem(w) for w in a.text.split() if w[:1].isupper())
            covered.append((a.start, a.end))
    first = True
    for m in _WORD_RE.finditer(text, s, e):
        w = m.group()
        pos = m.start()
        if any(a <= pos < b for a, b in covered):
            first = False
            continue
        low = w.lower()
        if w[0].isdigit():
            out.add("N:" + w.replace(",", "").rstrip("."))
        elif low in NUM_WORDS and low not in ("one", "zero"):
            out.add(f"N:{NUM_WORDS[low]}")
        elif low in _DAYS or low in _MONTHS:
            out.add("D:" + low)
        elif w[0].isupper() and not first and low not in _STOP:
            out.add("P:" + _stem(w))
        first = False
    return out


def _content(tokens: list[str]) -> set[str]:
    return {_stem(w) for w in tokens if w not in _STOP and len(w) >= T.content_word_min}


def _candidate(ta: list[str], tb: list[str], sa: set[str], sb: set[str], ca: set[str], cb: set[str],
               df: dict[str, int], n_sent: int) -> float | None:
    """Lexical prefilter: a shared content word (ca, cb: their _content) that is not everywhere
    in the document, enough shared tokens overall, and no clash of specifics. Returns the cosine
    the pair must then reach (None: not a candidate)."""
    shared = {w for w in ca & cb if df.get(w, 0) <= max(T.common_min, T.common_share * n_sent)}
    if not shared:
        return None
    if _clash(sa, sb):
        return None
    need = T.near_dup_cosine
    # A rewrite that keeps the event's skeleton (its count, place, day, actors) but swaps
    # the other words for synonyms ("Air strikes on a crowded market" / "Bombing raids on a
    # busy marketplace") embeds less close than a light paraphrase: with several specifics
    # shared and none clashing, a lower cosine is enough.
    if _skeleton(sa, sb):
        need = T.near_dup_skeleton_cosine
    # Rewriting keeps a sentence's length; a short sentence echoing part of a long lead is
    # a summary, unless it restates the lead's count ("three journalists" / "Three reporters").
    ratio = max(len(ta), len(tb)) / max(1, min(len(ta), len(tb)))
    if ratio > T.summary_ratio:
        if ratio > T.max_length_ratio or not any(x.startswith("N:") for x in sa & sb):
            return None
        need = T.near_dup_cosine + T.summary_cosine_extra
    # Shared word forms, function words included: a rewrite keeps much of the sentence's
    # frame ("After the …, the … to the base"). Paraphrases here share >= 0.43 of the shorter
    # sentence's words, same-topic statements <= 0.38; the cut also keeps embedding rare.
    a, b = set(ta), set(tb)
    if len(a & b) / max(1, min(len(a), len(b))) < (T.skeleton_overlap if _skeleton(sa, sb) else T.shared_words):
        return None
    return need


def _clash(sa: set[str], sb: set[str]) -> bool:
    """Two different events: each side names a day, or a number, the other lacks; or each
    names some specific the other lacks without sharing most of them (a rewrite may drop or
    add one name, e.g. the governor's, and keep the rest)."""
    only_a, only_b = sa - sb, sb - sa
    if not (only_a and only_b):
        return False
    for tag in ("D:", "N:"):
        if any(x.startswith(tag) for x in only_a) and any(x.startswith(tag) for x in only_b):
            return True
    shared = sa & sb
    return not (len(shared) >= T.shared_specifics and len(shared) >= max(len(only_a), len(only_b)))


def _skeleton(sa: set[str], sb: set[str]) -> bool:
    """The pair shares an event skeleton: a count and at least two other specifics, and
    neither adds a count of its own (a recap that adds "four of them were children" says
    something new)."""
    shared = sa & sb
    if any(x.startswith("N:") for x in (sa ^ sb)):
        return False
    return len(shared) >= T.shared_specifics and any(x.startswith("N:") for x in shared) and \
        any(x.startswith(("P:", "D:")) for x in shared)


_DATELINE_RE = regex("dateline_prefix")


def _body_start(text: str, s: int, e: int) -> int:
    """Where a sentence starts after its dateline ("BEIRUT, Nov. 6, 2023 - "): the dateline's
    city and date say where the page was filed, not what happened."""
    m = _DATELINE_RE.match(text, s, e)
    return m.end() if m else s


def _eligible(text: str, s: int, e: int) -> bool:
    """Sentences worth comparing: prose (ends like a sentence), not a headline or caption,
    and not a bare quote of a few words."""
    sent = text[s:e].rstrip()
    return len(_tokens(sent)) >= T.sentence_min_tokens and sent[-1:] in ".!?\"”’)"


def candidate_pairs(text: str, sentences: list[tuple[int, int]],
                    actors: list[Actor]) -> list[tuple[int, int, float]]:
    """Sentence index pairs that pass the lexical prefilter (the only ones embedded), each
    with the cosine it must reach."""
    idx = [i for i, (s, e) in enumerate(sentences) if _eligible(text, s, e)]
    if len(idx) < 2:
        return []
    body = {i: (_body_start(text, *sentences[i]), sentences[i][1]) for i in idx}
    toks = {i: _tokens(text[body[i][0]:body[i][1]]) for i in idx}
    by_start = ByStart(actors)  # each sentence asks for its own actors, not every actor of the page
    spec = {i: _specifics(text, *body[i], by_start.within(*body[i])) for i in idx}
    content = {i: _content(toks[i]) for i in idx}
    df: dict[str, int] = defaultdict(int)
    for i in idx:
        for w in content[i]:
            df[w] += 1
    # Only sentences sharing a word that is not everywhere can pass: pair those through the
    # sentences of each such word (in sentence order) instead of every sentence with every other.
    rare: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        for w in content[i]:
            if df[w] <= max(T.common_min, T.common_share * len(idx)):
                rare[w].append(i)
    nums = {i: frozenset(x for x in spec[i] if x.startswith("N:")) for i in idx}
    pairs = sorted({p for ids in rare.values() for p in _nested_numbers(ids, nums)})
    out = []
    for i, j in pairs:
        need = _candidate(toks[i], toks[j], spec[i], spec[j], content[i], content[j], df, len(idx))
        if need is not None:
            out.append((i, j, need))
    return out


def _nested_numbers(ids: list[int], nums: dict[int, frozenset[str]]) -> list[tuple[int, int]]:
    """The pairs (i, j), i < j, of `ids` (ascending) whose numbers are nested, one side's all
    among the other's. Any other pair names a number each side lacks: a clash (_clash), never a
    candidate. Sentences are filed by their numbers and each is paired with the files of its own
    numbers' subsets, so a page repeating a paragraph with a new count in each is not paired all
    with all (issue 11)."""
    files: dict[frozenset[str], list[int]] = defaultdict(list)
    for i in ids:
        files[nums[i]].append(i)
    out = []
    for mine, members in files.items():
        out += [(a, b) for k, a in enumerate(members) for b in members[k + 1:]]
        if 2 ** len(mine) <= len(files):
            fewer = [f for n in range(len(mine)) for c in itertools.combinations(sorted(mine), n)
                     if (f := frozenset(c)) in files]
        else:
            fewer = [f for f in files if f < mine]
        out += [(min(a, b), max(a, b)) for f in fewer for a in files[f] for b in members]
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """A sentence span without the whitespace a parser leaves around it."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def near_duplicates(text: str, sentences: list[tuple[int, int]], actors: list[Actor], *,
                    vectors: np.ndarray | None = None,
                    threshold: float = T.near_dup_cosine) -> list[QualityFlag]:
    pairs = candidate_pairs(text, sentences, actors)
    if not pairs:
        return []
    need = sorted({k for p in pairs for k in p[:2]})
    if vectors is not None:
        vec = {k: vectors[k] for k in need}
    else:
        from ..embed import embed

        got = embed([text[_body_start(text, *sentences[k]):sentences[k][1]] for k in need])
        vec = dict(zip(need, got))
    flags = []
    for i, j, floor in pairs:
        cos = float(np.dot(vec[i], vec[j]))
        if cos >= floor + threshold - T.near_dup_cosine:
            (a0, a1), (b0, b1) = _strip(text, *sentences[i]), _strip(text, *sentences[j])
            flags.append(QualityFlag(
                "near_duplicate",
                f"sentences {i} and {j} say the same thing (cosine {cos:.2f}): "
                f"{text[a0:a1][:T.detail_chars]!r} / {text[b0:b1][:T.detail_chars]!r}",
                [[a0, a1], [b0, b1]]))
    return flags

