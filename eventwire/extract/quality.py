"""Page quality: flags that tell the reader how far to trust an article, and a score.

Flags (`QualityFlag.kind`), each with the text spans it is about:

- `boilerplate`, `caption`, `duplicate`: one flag per kind summarising what `clean` removed
  (spans empty: removed offsets point into the original text; the strings are in `detail`).
  A photo caption that survived cleaning gets its own `caption` flag spanning the line.
- `near_duplicate`: two sentences saying the same thing in other words. A pair must pass a
  lexical check first (shared content words, enough shared tokens, and no clash of specifics:
  each side naming a place, number or day the other lacks means two different events), and
  only then is its MiniLM cosine compared with Thresholds.near_dup_cosine; so only sentences in
  surviving pairs are embedded.
- `name_variant`: one country named both by its short name and by an official long form used
  as a plain noun ("Russia" … "Russian Federation"), the mark of automatic rewriting. Capital
  metonyms, adjectives and "the US"/"the United States" are normal and not flagged.
- `contradiction`: a war's (or siege's, visit's…) age or length stated two ways ("now in its
  sixth year" vs "the five-year war", "two-day visit" vs "three-day trip"), or two tolls for
  what reads as the same incident.
- `unresolved_attribution`: an attributed quote whose speaker cannot be resolved ("he said"
  with no single person before it; "the watchdog said" with no watchdog introduced).

The score: see `score()`.
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..lexicon import pattern, regex, table, word_set
from ..model import Actor, Event, Quality, QualityFlag, Quote, Removed


@dataclass(frozen=True)
class Thresholds:
    """The numbers page quality decides by, named once."""

    # Cosine above which a lexically compatible pair is a paraphrase. Chosen on hand-written
    # pairs (tests/test_quality_near_duplicate.py): paraphrases 0.68-0.98, different statements
    # on the same topic up to 0.64 (0.78 for one that the lexical checks must stop).
    near_dup_cosine: float = 0.66
    # The same for a pair sharing an event skeleton (a count plus two more specifics: place,
    # day, actors) with no clash; see `_skeleton`.
    near_dup_skeleton_cosine: float = 0.55
    # Shared word forms over the shorter sentence's: a rewrite keeps much of the sentence's frame.
    shared_words: float = 0.4
    skeleton_overlap: float = 0.2
    # A short sentence echoing part of a long one is a summary: past summary_ratio in length it
    # must restate a count and reach a higher cosine; past max_length_ratio it is no rewrite.
    summary_ratio: float = 1.7
    max_length_ratio: float = 3
    summary_cosine_extra: float = 0.06
    shared_specifics: int = 3  # specifics two sentences share in a skeleton, or despite one clash
    sentence_min_tokens: int = 6  # shorter sentences are not compared
    content_word_min: int = 3  # characters of a content word
    stem_chars: int = 5  # "Iran"/"Iranian" are one stem
    # A content word in more than common_share of the sentences (and more than common_min) is
    # everywhere in the document: it does not make two sentences alike.
    common_min: int = 2
    common_share: float = 0.4
    unknown_kind_weight: float = 0.05  # a flag kind WEIGHTS does not know
    # A photo caption left in the text: one line of caption_words words, at most
    # title_case_share of its long words capitalised; a participle is longer than participle_min.
    caption_words: tuple[int, int] = (6, 25)
    long_word: int = 4
    title_case_share: float = 0.5
    participle_min: int = 4
    # Counts: the verb within count_gap characters of its number; a bare count within
    # bare_count_window before its verb; "dozens" as a range.
    count_gap: int = 30
    bare_count_window: int = 40
    dozens: tuple[int, int] = (13, 99)
    # A stated count as a range (see _interval_of).
    over_factor: float = 1.25
    about_factors: tuple[float, float] = (0.85, 1.15)
    nearly_factor: float = 0.9
    # Context windows, in characters.
    article_window: int = 5  # before a long form, for "the"
    length_head_window: int = 100  # before "in its sixth year", for what is that old
    another_window: int = 40  # before a length, for "another", "the previous"
    near_window: int = 600  # around a quote, for its attribution phrase
    # How much of a flag's material its detail shows.
    detail_chars: int = 80
    detail_items: int = 8


THRESHOLDS = Thresholds()
T = THRESHOLDS

# Per-kind weight of the first flag; further flags of a kind add half as much again each.
WEIGHTS = {
    "boilerplate": 0.02,
    "caption": 0.02,
    "duplicate": 0.10,
    "near_duplicate": 0.12,
    "name_variant": 0.15,
    "contradiction": 0.20,
    "unresolved_attribution": 0.10,
}
# How much an event's confidence is multiplied by when its evidence overlaps a flag's span.
SPAN_PENALTY = {
    "duplicate": 0.9,
    "near_duplicate": 0.9,
    "name_variant": 0.95,
    "contradiction": 0.75,
    "unresolved_attribution": 0.8,
}

# Word lists and phrase patterns: data/lexicons/quality.yaml, data/patterns/quality.yaml.
_STOP = word_set("near_duplicate_stop_words")
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*")
_NUM_WORDS: dict[str, int] = table("count_number_words")
_ORDINALS: dict[str, int] = table("ordinal_words")
_DAYS = word_set("weekday_names") | word_set("relative_day_words")
_MONTHS = word_set("month_names")


# ---------------------------------------------------------------------------------------
# entry points


def assess(text: str, sentences: list[tuple[int, int]], removed: list[Removed],
           actors: list[Actor], quotes: list[Quote], events: list[Event] | None = None, *,
           vectors: np.ndarray | None = None) -> Quality:
    """Flags and score for one document. `vectors`: sentence embeddings (one row per entry of
    `sentences`) when an earlier stage already computed them; otherwise the sentences that
    survive the lexical prefilter are embedded here."""
    flags: list[QualityFlag] = []
    flags += removed_flags(removed)
    flags += surviving_captions(text)
    flags += near_duplicates(text, sentences, actors, vectors=vectors)
    flags += name_variants(text, actors, quotes)
    flags += contradictions(text, sentences, events, quotes)
    flags += unresolved_attributions(text, quotes)
    return Quality(score=score(flags), flags=flags)


def score(flags: list[QualityFlag]) -> float:
    """score = exp(-P), P = sum over kinds k of  w_k * (1 + 1/2 + ... + 1/2^(n_k - 1))
    = sum_k w_k * 2 * (1 - 0.5^n_k), with n_k the number of flags of kind k and w_k from
    WEIGHTS (unknown kinds weigh 0.05). Diminishing returns: one kind can at most cost 2 w_k,
    so a long page repeating one slip is not scored below a page with many kinds of slip.
    A clean wire story (at most boilerplate/caption removals) scores >= 0.96."""
    counts: dict[str, int] = defaultdict(int)
    for f in flags:
        counts[f.kind] += 1
    penalty = sum(WEIGHTS.get(k, T.unknown_kind_weight) * 2 * (1 - 0.5 ** n) for k, n in counts.items())
    return round(math.exp(-penalty), 4)


def penalty_for_span(quality: Quality, start: int, end: int) -> float:
    """Confidence multiplier in (0, 1] for a fact whose evidence is text[start:end]: the
    product of SPAN_PENALTY over the kinds of flags with a span overlapping it (each kind once)."""
    kinds = {f.kind for f in quality.flags
             if any(s < end and start < e for s, e in f.spans)}
    return math.prod(SPAN_PENALTY.get(k, 1.0) for k in kinds)


def sentence_flags(quality: Quality, sentences: list[tuple[int, int]]) -> dict[int, list[str]]:
    """Sentence index -> the kinds of flags whose spans touch that sentence."""
    out: dict[int, list[str]] = {}
    for i, (s, e) in enumerate(sentences):
        kinds = sorted({f.kind for f in quality.flags if any(a < e and s < b for a, b in f.spans)})
        if kinds:
            out[i] = kinds
    return out


# ---------------------------------------------------------------------------------------
# removed material


_CAPTION_RE = regex("photo_label", re.I)


def removed_flags(removed: list[Removed]) -> list[QualityFlag]:
    by_reason: dict[str, list[str]] = defaultdict(list)
    for r in removed:
        reason = r.reason
        # A photo caption or credit line is a caption whatever clean filed it under.
        if reason == "boilerplate" and _CAPTION_RE.match(r.text.strip()):
            reason = "caption"
        by_reason[reason].append(r.text.strip())
    flags = []
    for reason in ("boilerplate", "caption", "duplicate"):
        items = by_reason.get(reason)
        if items:
            shown = "; ".join(repr(t[:T.detail_chars]) for t in items[:T.detail_items])
            more = f" (+{len(items) - T.detail_items} more)" if len(items) > T.detail_items else ""
            flags.append(QualityFlag(reason, f"{len(items)} removed: {shown}{more}", []))
    return flags


# Verbs a picture description uses ("Residents inspect …", "A boy walks past …").
_SCENE_VERBS = word_set("scene_verbs")
_BYLINE_RE = regex("byline_start")
_LINE_END_RE = re.compile(r"[.!?…:;\"”’»)\]]$")


def _scene_verb(words: list[str]) -> bool:
    for w in words[1:]:
        if not w[:1].islower():
            continue
        if len(w) > T.participle_min and w.endswith(("ing", "ed")):
            return True
        if w in _SCENE_VERBS or (w.endswith("s") and w[:-1] in _SCENE_VERBS) or \
                (w.endswith("es") and w[:-2] in _SCENE_VERBS):
            return True
    return False


def surviving_captions(text: str) -> list[QualityFlag]:
    """Photo captions that `clean` kept: a paragraph after the headline that is one short
    line describing a scene ("Rescuers search through the rubble of shops after the strike
    in Saraqeb") — no closing punctuation, sentence case (a subheading is title case or a
    few words), and a scene verb or participle. One flag per line, with its span."""
    flags = []
    paragraphs = list(re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text))
    for m in paragraphs[1:]:
        line = m.group().strip()
        if "\n" in line or _LINE_END_RE.search(line) or not line[:1].isupper() or _BYLINE_RE.match(line):
            continue
        words = re.findall(r"[\w'’\-]+", line)
        if not T.caption_words[0] <= len(words) <= T.caption_words[1]:
            continue
        long = [w for w in words if len(w) >= T.long_word]
        if sum(w[0].isupper() for w in long) > T.title_case_share * len(long) or not _scene_verb(words):
            continue
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        flags.append(QualityFlag("caption", f"photo caption left in the text: {line[:T.detail_chars]!r}",
                                 [[start, start + len(line)]]))
    return flags


# ---------------------------------------------------------------------------------------
# near duplicates


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
        elif low in _NUM_WORDS and low not in ("one", "zero"):
            out.add(f"N:{_NUM_WORDS[low]}")
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
    spec = {i: _specifics(text, *body[i], actors) for i in idx}
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
    pairs = sorted({(i, j) for ids in rare.values() for a, i in enumerate(ids) for j in ids[a + 1:]})
    out = []
    for i, j in pairs:
        need = _candidate(toks[i], toks[j], spec[i], spec[j], content[i], content[j], df, len(idx))
        if need is not None:
            out.append((i, j, need))
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


# ---------------------------------------------------------------------------------------
# name variants

# Official long forms and the short names they stand for. A long form needs "the" in
# ordinary prose; its bare use ("between Iran and Russian Federation") is rewriting.
_LONG_FORMS = {long: tuple(shorts) for long, shorts in table("long_country_forms").items()}
# "Republic of X", "Federal Republic of X", "Kingdom of X": X is the short name. Names whose
# long form is the everyday name (Democratic Republic of Congo) are left out.
_GENERIC_LONG_RE = regex("generic_long_form")
_NOT_SHORT = word_set("not_short_names")
_OFFICIAL_NAME_WORD = regex("official_name_word")


def _in_any(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def name_variants(text: str, actors: list[Actor], quotes: list[Quote]) -> list[QualityFlag]:
    # Official forms inside quotations are the speaker's register, not the writer's.
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]
    long_forms = dict(_LONG_FORMS)
    for m in _GENERIC_LONG_RE.finditer(text):
        short = m.group(1)
        if short.split()[0] in _NOT_SHORT or "Islamic State" in m.group(0):
            continue
        long_forms.setdefault(m.group(0), (short,))
    # Actor aliases tell us more long forms: a mention whose canonical name is a short form
    # and whose text is an official-looking form of it.
    for a in actors:
        t = re.sub(r"^the\s+", "", a.text, flags=re.I)
        if a.name and t != a.name and _OFFICIAL_NAME_WORD.search(t):
            long_forms.setdefault(t, (a.name,))
    flags = []
    for long, shorts in long_forms.items():
        lf = [m for m in re.finditer(rf"\b{re.escape(long)}\b", text) if not _in_any(m.start(), quoted)]
        if not lf:
            continue
        sf = []
        for short in shorts:
            # A noun use: not "Russian", not part of the long form, not a possessive adjective chain.
            for m in re.finditer(rf"(?<![\w.]){re.escape(short)}(?![\w])", text):
                if _in_any(m.start(), quoted) or any(x.start() <= m.start() < x.end() for x in lf):
                    continue
                sf.append(m)
        if not sf:
            continue
        bare = [m for m in lf if not re.search(r"\bthe\s+$", text[max(0, m.start() - T.article_window):m.start()], re.I)]
        # A full name first and the short name after is normal; the long form coming back
        # after the short one has been used, or without its article, is not.
        positions = sorted([(m.start(), "L") for m in lf] + [(m.start(), "S") for m in sf])
        kinds = "".join(k for _, k in positions)
        if not (bare or "SL" in kinds):
            continue
        shown = sorted({m.group() for m in sf}, key=len)[0]
        detail = f"{shown} / {long}: {len(sf)} short and {len(lf)} long mentions" + \
            (f", {len(bare)} without 'the'" if bare else "")
        spans = sorted([[m.start(), m.end()] for m in lf] + [[m.start(), m.end()] for m in sf])
        flags.append(QualityFlag("name_variant", detail, spans))
    return flags


# ---------------------------------------------------------------------------------------
# contradictions

_WAR_HEADS = pattern("war_heads")
# Words naming the same stretch of time: a "two-day visit" and a "three-day trip" on one page
# are one visit told two ways.
_HEAD_SYNONYMS: dict[str, str] = table("head_synonyms")
# "Another two-day visit", "the previous three-day trip": a second one, not a restatement.
_OTHER_ONE_RE = regex("another_one_before", re.I)
_ORDINAL_RE = regex("in_its_nth", re.I)
_HEAD_RE = regex("length_head", re.I)
_ADJ_RE = regex("length_adjective", re.I)
_OF_RE = regex("length_of", re.I)
_DECADE_RE = regex("decade_long", re.I)
# How a length's qualifier widens it: "more than five years", "nearly", "about".
_LENGTH_AT_LEAST = word_set("length_at_least")
_LENGTH_NEARLY = word_set("length_nearly")
_LENGTH_ABOUT = word_set("length_about")


def _number(w: str) -> int | None:
    w = w.lower()
    if w.isdigit():
        return int(w)
    if w in _NUM_WORDS:
        return _NUM_WORDS[w]
    if w in _ORDINALS:
        return _ORDINALS[w]
    m = re.match(r"(\d+)(?:st|nd|rd|th)$", w)
    return int(m.group(1)) if m else None


def _interval(qual: str | None, n: int) -> tuple[float, float]:
    q = (qual or "").strip().lower()
    if q in _LENGTH_AT_LEAST:
        return (n + (0 if q == "at least" else 0.01), math.inf)
    if q in _LENGTH_NEARLY:
        return (n - 1, n)
    if q in _LENGTH_ABOUT:
        return (n - 1, n + 1)
    return (n, n)


def _head_key(head: str) -> str:
    h = head.lower()
    if re.fullmatch(_WAR_HEADS, h):
        return "war"
    h = h if h in ("talks", "siege") else h.rstrip("s")
    return _HEAD_SYNONYMS.get(h, h)


def _ages(text: str) -> list[tuple[str, str, tuple[float, float], tuple[int, int]]]:
    """(key, unit, nominal-length interval, span) for each stated age of a war or the like.
    'In its sixth year' counts as six: the page quality question is whether the writer
    gives one number, not how many full years have passed."""
    out = []
    for m in _ORDINAL_RE.finditer(text):
        n = _number(m.group(1))
        # What is in its Nth year: the nearest war-like noun before, in the same sentence.
        before = re.split(r"[.;!?]\s", text[max(0, m.start() - T.length_head_window):m.start()])[-1]
        heads = list(_HEAD_RE.finditer(before))
        if n and heads:
            out.append((_head_key(heads[-1].group(1)), m.group(2).lower(), (n, n), (m.start(), m.end())))
    for rx in (_ADJ_RE, _OF_RE):
        for m in rx.finditer(text):
            n = _number(m.group(2))
            if n and not _OTHER_ONE_RE.search(text[max(0, m.start() - T.another_window):m.start()]):
                out.append((_head_key(m.group(4)), m.group(3).lower(), _interval(m.group(1), n),
                            (m.start(), m.end())))
    # "The decade-long insurgency": ten years; "decades-long": twenty or more.
    for m in _DECADE_RE.finditer(text):
        if m.group(3).lower() == "decades" and not m.group(2):
            iv: tuple[float, float] = (20, math.inf)
        else:
            n = 10 * (_number((m.group(2) or "one").strip()) or 1)
            iv = _interval(m.group(1), n)
        out.append((_head_key(m.group(4)), "year", iv, (m.start(), m.end())))
    return out


# Counts of one kind of outcome, so that "killed 19" is compared with "19 dead" but never
# with "19 wounded".
_COUNT_VERBS: dict[str, str] = table("count_verbs")
_COUNT_RES = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _COUNT_VERBS.items()}
_NUM_ALT = "|".join(k for k in _NUM_WORDS if k not in ("zero", "one"))
_COUNT_NUM_RE = regex("stated_count", re.I, count_numbers=_NUM_ALT)
_SITES = word_set("count_sites")
_UPDATE_RE = regex("count_update", re.I)
# Numbers from a party's own claim or a second source's estimate are disagreements the text
# attributes, not the writer contradicting himself.
_CLAIM_RE = regex("count_claim")
_TIME_RE = regex("time_words", re.I)
_COUNT_LINK_BREAK = regex("count_link_break")
_PLACE_AFTER_PREP = regex("place_after_preposition")


@dataclass
class _Count:
    kind: str  # killed | wounded | abducted | …
    noun: str  # people | soldiers | pupils | …
    low: float
    high: float
    definite: bool  # "the 21 people killed": refers back to a count given before
    span: tuple[int, int]
    sentence: tuple[int, int]


def _interval_of(qual: str, n: int) -> tuple[float, float]:
    """A stated count as a range. Within one article 'at least 9' names the count (9): a
    later bare '11' for the same incident is a second figure, not a refinement."""
    over = (n + 1, n * T.over_factor + 1)
    about = (n * T.about_factors[0], n * T.about_factors[1])
    nearly = (n * T.nearly_factor, n)
    return {"more than": over, "over": over, "up to": (0, n), "about": about, "around": about,
            "some": about, "roughly": about, "nearly": nearly, "almost": nearly}.get(qual, (n, n))


def _counts(text: str, s: int, e: int) -> list[_Count]:
    """Stated counts of people killed, wounded, abducted… in one sentence."""
    sent = text[s:e]
    out = []
    nums = list(_COUNT_NUM_RE.finditer(sent))
    for kind, rx in _COUNT_RES.items():
        for k in rx.finditer(sent):
            best = None
            for m in nums:
                gap = m.start() - k.end() if m.start() >= k.end() else k.start() - m.end()
                if gap < 0 or gap > T.count_gap:
                    continue
                between = sent[min(m.end(), k.end()):max(m.start(), k.start())]
                if _COUNT_LINK_BREAK.search(between):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, m)
            if best:
                m = best[1]
                noun = _NOUN_GROUPS.get(m.group(3).lower(), m.group(3).lower())
                qual, raw, ms, me = m.group(1), m.group(2), m.start(), m.end()
            elif kind == "killed":
                # A bare count: "killing 12", "left 15 dead", "12 were killed".
                off = max(0, k.start() - T.bare_count_window)
                m = _BARE_AFTER_RE.match(sent, k.end()) or _BARE_BEFORE_RE.search(sent, off, k.start())
                if m is None and k.group().lower().endswith("toll"):
                    m = _TOLL_RE.match(sent, k.end())
                if m is None:
                    continue
                noun = "people"
                qual, raw, ms, me = m.group(1), m.group(2), m.start(2), m.end(2)
            else:
                continue
            raw = raw.replace(",", "")
            n = int(raw) if raw.isdigit() else _number(raw)
            if n is None or re.fullmatch(r"(19|20)\d\d", raw):
                continue
            qual = (qual or "").strip().lower()
            lo, hi = _interval_of(qual, n)
            if raw.lower() == "dozens":  # a vague amount, not 24
                lo, hi = T.dozens
            out.append(_Count(kind, noun, lo, hi, qual == "the",
                              (s + min(ms, k.start()), s + max(me, k.end())), (s, e)))
    return out


# Victim nouns that count the same people.
_NOUN_GROUPS: dict[str, str] = table("victim_noun_groups")
_BARE_AFTER_RE = regex("bare_count_after", re.I, count_numbers=_NUM_ALT)
# "The death toll from the attack on Dumba stood at 15".
_TOLL_RE = regex("toll_stood_at", re.I, count_numbers=_NUM_ALT)
_BARE_BEFORE_RE = regex("bare_count_before", re.I, count_numbers=_NUM_ALT)


def _places(text: str, s: int, e: int) -> set[str]:
    """Capitalised place words after in/of/near/at: a cheap stand-in for where a count is."""
    return {m.group(1).lower() for m in _PLACE_AFTER_PREP.finditer(text[s:e])
        if not _TIME_RE.fullmatch(m.group(1))}


def _sites(text: str, s: int, e: int) -> set[str]:
    """What a count is about: its places and site nouns ("the market")."""
    return _places(text, s, e) | {w for w in re.findall(r"[a-z]+", text[s:e].lower()) if w in _SITES}


def _times(text: str, s: int, e: int) -> set[str]:
    return {m.group().lower() for m in _TIME_RE.finditer(text[s:e])}


def contradictions(text: str, sentences: list[tuple[int, int]],
                   events: list[Event] | None = None,
                   quotes: list[Quote] | None = None) -> list[QualityFlag]:
    flags = []
    ages = _ages(text)
    by_key: dict[tuple[str, str], list] = defaultdict(list)
    for key, unit, iv, span in ages:
        by_key[(key, unit)].append((iv, span))
    for (key, unit), items in by_key.items():
        done = False
        for a in range(len(items)):
            for b in range(a + 1, len(items)):
                (i1, s1), (i2, s2) = items[a], items[b]
                if i1[1] < i2[0] or i2[1] < i1[0]:
                    flags.append(QualityFlag(
                        "contradiction",
                        f"the {key}'s length in {unit}s is stated two ways: "
                        f"{text[s1[0]:s1[1]]!r} vs {text[s2[0]:s2[1]]!r}",
                        [list(s1), list(s2)]))
                    done = True
                    break
            if done:
                break
    flags += _toll_contradictions(text, sentences, events, quotes or [])
    return flags



def _toll_contradictions(text: str, sentences: list[tuple[int, int]],
                         events: list[Event] | None,
                         quotes: list[Quote] | None = None) -> list[QualityFlag]:
    """Two incompatible counts of the same outcome for what reads as the same incident:
    same kind (killed, abducted…) and victim noun, no clash of stated days, neither sentence
    presenting its number as an update or as someone's claim, and either a shared place or
    site ("the market") or a definite back-reference ("the 21 people killed") to the only
    earlier count of that kind. (`events` and `quotes` are accepted for later checks.)"""
    counts = []
    for s, e in sentences:
        sent = text[s:e]
        if _UPDATE_RE.search(sent) or _CLAIM_RE.search(sent):
            continue
        counts += _counts(text, s, e)
    flags = []
    seen: set[tuple[int, int]] = set()
    for j, b in enumerate(counts):
        earlier = [a for a in counts[:j] if a.kind == b.kind and a.noun == b.noun
                   and a.sentence != b.sentence]
        for a in earlier:
            if not (a.high < b.low or b.high < a.low):
                continue
            backref = b.definite and len(earlier) == 1
            if not backref:
                # Different days, or each side naming a place the other lacks: two incidents.
                ta, tb = _times(text, *a.sentence), _times(text, *b.sentence)
                if ta and tb and not ta & tb:
                    continue
                pa, pb = _places(text, *a.sentence), _places(text, *b.sentence)
                if pa - pb and pb - pa:
                    continue
            shared = _sites(text, *a.sentence) & _sites(text, *b.sentence)
            if not (shared or backref):
                continue
            key = b.span
            if key in seen:
                continue
            seen.add(key)
            where = f" ({sorted(shared)[0]})" if shared else ""
            flags.append(QualityFlag(
                "contradiction",
                f"two counts of {b.noun} {b.kind} for the same incident{where}: "
                f"{text[a.span[0]:a.span[1]]!r} vs {text[b.span[0]:b.span[1]]!r}",
                [list(a.span), list(b.span)]))
    return flags


# ---------------------------------------------------------------------------------------
# unresolved attributions

_GROUP_PRONOUN_RE = regex("group_pronoun", re.I)


def unresolved_attributions(text: str, quotes: list[Quote]) -> list[QualityFlag]:
    flags = []
    seen: set[tuple[int, int]] = set()
    for q in quotes:
        if q.speaker is not None or not q.attribution:
            continue
        subject = re.sub(r"^(?:according to)\s+", "", q.attribution, flags=re.I)
        if _GROUP_PRONOUN_RE.match(subject):
            continue
        span = _find_near(text, q.attribution, q.start, q.end)
        if span is None or span in seen:
            continue
        seen.add(span)
        flags.append(QualityFlag(
            "unresolved_attribution",
            f"{q.attribution!r}: no speaker it can refer to — {q.text[:T.detail_chars]!r}",
            [list(span)]))
    return flags


def _find_near(text: str, phrase: str, start: int, end: int) -> tuple[int, int] | None:
    """The occurrence of `phrase` closest to the quote text[start:end]."""
    lo, hi = max(0, start - T.near_window), min(len(text), end + T.near_window)
    best = None
    for m in re.finditer(re.escape(phrase), text[lo:hi]):
        s = lo + m.start()
        d = min(abs(s - end), abs(s - start))
        if best is None or d < best[0]:
            best = (d, (s, s + len(phrase)))
    return best[1] if best else None
