"""Attribution phrases of a sentence ("X said", "said X" after a comma or closing quote,
"according to X", "X told reporters"): the speaker's subject span, the phrase, and the
reported clause."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import alternation, regex, word_set
from .common import DETERMINERS, LIMITS, PERSON_PRONOUNS, PRONOUNS, in_passage, overlaps
from .persons import person_shaped

_VERBS = alternation("quote_verbs")
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
_ACCORDING_RE = regex("according_to")
# Closing quote characters; a straight " closes when it follows a non-space.
_CLOSERS = "”’\""
# Words after which a verb-like token is not an attribution verb ("was told", "the claims").
_NOT_SUBJECT_END = word_set("not_subject_end")
_ADVERB_RE = regex("speaker_adverb_end")
_TRAILING_RE = regex("speaker_trailing", re.S)
_CLAUSE_WORDS_RE = regex("clause_words", re.I)
_INVERTED_NOT_SUBJECT = word_set("inverted_not_subject")
_LEADING_CONJUNCTION = regex("leading_conjunction")
_SPEECH_TAIL = regex("speech_tail")
_SPEECH_ADJUNCT = regex("speech_adjunct")


@dataclass
class Attribution:
    subject: tuple[int, int]  # subject span in the text
    phrase: tuple[int, int]  # "he said" / "said X" / "according to X"
    content: tuple[int, int]  # the reported clause



def find_attributions(text: str, s: int, e: int,
                  passages: list[tuple[int, int]]) -> list[Attribution]:
    """Attribution phrases of one sentence (outside its quoted passages)."""
    out: list[Attribution] = []
    sent = text[s:e]
    for m in _ACCORDING_RE.finditer(sent):
        if in_passage(s + m.start(), passages):
            continue
        subj_s = m.end()
        stop = re.search(r"[,;.:!?]|\s[–—]\s", sent[subj_s:])
        subj_e = subj_s + (stop.start() if stop else len(sent[subj_s:]))
        subj_e = subj_s + len(sent[subj_s:subj_e].rstrip())
        if subj_e <= subj_s:
            continue
        before = sent[:m.start()].rstrip(" ,")
        if len(before) > LIMITS.according_content_min:
            content = (s + _lstrip_at(sent, 0), s + len(before))
        else:
            content = (s + subj_e + 1, s + len(sent.rstrip(" .!?\"”")))
        content = _trim(text, *content)
        out.append(Attribution((s + subj_s, s + subj_e), (s + m.start(), s + subj_e), content))
    for m in _VERB_RE.finditer(sent):
        vs, ve = s + m.start(), s + m.end()
        if in_passage(vs, passages):
            continue
        if _after_appositive(text, s, vs):
            a = _normal(text, s, e, vs, ve)
        else:
            a = _inverted(text, s, e, vs, ve) or _normal(text, s, e, vs, ve)
        if a and not any(overlaps(a.phrase, b.phrase) for b in out):
            out.append(a)
    return out


def _lstrip_at(sent: str, i: int) -> int:
    while i < len(sent) and sent[i] in " \n\t":
        i += 1
    return i


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,:;\n\t—–":
        s += 1
    while e > s and text[e - 1] in " ,:;.\n\t—–":
        e -= 1
    # Drop a leading "that" of "said that ..."
    if text[s:s + 5].lower() == "that ":
        s += 5
    return s, e


_APPOSITIVE_RE = regex("appositive_start")
_LOWER_APPOSITIVE_RE = regex("lower_appositive_start")
_FINITE_RE = regex("finite_verb")

def _after_appositive(text: str, s: int, vs: int) -> bool:
    """True for 'Name, a war monitor, said …': the comma before the verb closes an appositive,
    so the verb's subject is before it (not after it, as in '…, said the minister')."""
    seg = text[s:vs].rstrip()
    if not seg.endswith(","):
        return False
    prev = seg[:-1]
    k = prev.rfind(",")
    if k < 0:
        return False
    chunk = prev[k + 1:].strip()
    # The part before the appositive is the verb's subject, so subject-sized: in "Fighters
    # attacked the village on Saturday, burning homes, said X" it is a clause, and the verb's
    # subject is after it.
    head = prev[:k].split(",")[-1].split()
    return bool(chunk) and len(chunk.split()) <= LIMITS.appositive_max_words and bool(_APPOSITIVE_RE.match(chunk)) \
        and len(head) <= LIMITS.before_appositive_max_words


def _inverted(text: str, s: int, e: int, vs: int, ve: int) -> Attribution | None:
    """'…, said the head of X.' — the verb follows a comma or a closing quote."""
    before = text[s:vs].rstrip()
    if not before or before[-1] not in "," + _CLOSERS:
        return None
    if before[-1] in _CLOSERS and len(before) > 1 and before[-2] == " ":
        return None
    rest = text[ve:e]
    m = re.match(r"\s+([^,;.:!?]+)", rest)
    if not m:
        return None
    subj = m.group(1)
    first = subj.split()[0]
    if first.lower() in _INVERTED_NOT_SUBJECT and \
            first.lower() not in PERSON_PRONOUNS | {"they", "it"}:
        return None
    after_quote = before[-1] in _CLOSERS
    # "…, said regional police commander Colonel X": lowercase-led but ends in a name.
    named = bool(re.search(r"\s[A-Z][a-z]+\s*$", _TRAILING_RE.sub("", subj)))
    if first.lower() in {"it", "they"} or not after_quote and not named and first[0].islower() and \
            first.lower() not in DETERMINERS and first.lower() not in PERSON_PRONOUNS and \
            not first.lower().endswith("s"):
        return None
    # "…, said he" is rare; "…, said the minister in a statement" is common: cut the tail.
    cut = _TRAILING_RE.sub("", subj).rstrip()
    if not cut or len(cut.split()) > LIMITS.inverted_subject_max_words or _FINITE_RE.search(cut) or any(c in cut for c in "“”\""):
        return None
    subj_s = ve + m.start(1)
    subj_e = subj_s + len(cut)
    content = _trim(text, s, s + len(before.rstrip(_CLOSERS + ",")))
    return Attribution((subj_s, subj_e), (vs, subj_e), content)


def _normal(text: str, s: int, e: int, vs: int, ve: int) -> Attribution | None:
    """'X said …' / '…, X said.' — the subject is the noun phrase just before the verb."""
    span = _chunk_span(text, s, vs)
    if span is None:
        return None
    chunk_s = span[0]
    subj = text[chunk_s:span[1]]
    stripped = _ADVERB_RE.sub("", subj.rstrip())
    subj_s, subj_e = chunk_s, chunk_s + len(stripped)
    # Skip a leading conjunction ("But rights groups said").
    lead = _LEADING_CONJUNCTION.match(text[subj_s:subj_e])
    if lead:
        subj_s += lead.end()
    if subj_s >= subj_e:
        # "X condemned … and said": the subject is the sentence's, when it names someone.
        head = re.match(r"\s*((?:[A-Z][\w'’\-.]*\s+){1,6}?[A-Z][\w'’\-]+)\s+[a-z]", text[s:vs])
        name = head.group(1) if head else ""
        if not head or re.match(r"(?:The|A|An|This|That)\b", name) or not (
                person_shaped(name.split(" ", 1)[-1]) or person_shaped(name)):
            return None
        subj_s, subj_e = s + head.start(1), s + head.end(1)
    words = text[subj_s:subj_e].split()
    if not words or len(words) > LIMITS.subject_max_words:
        return None
    if words[-1].lower().strip(",") in _NOT_SUBJECT_END and words[-1].lower() not in PRONOUNS:
        return None
    if len(words) == 1 and words[0].lower() in DETERMINERS:
        return None
    after = text[ve:e]
    tail = _SPEECH_TAIL.match(after)
    if tail or after.strip() in {"", "."}:
        cs, ce = _trim(text, s, min(subj_s, _clause_start(text, s, subj_s)))
        content = (cs, ce - (1 if text[cs:ce].endswith(_CLOSERS) else 0))
    else:
        content = _trim(text, ve, e)
        # "said in March, …" / "told reporters on Monday that …": skip the adjunct.
        adj = _SPEECH_ADJUNCT.match(text[ve:e])
        if adj:
            content = _trim(text, ve + adj.end(), e)
    phrase_e = ve
    return Attribution((subj_s, subj_e), (subj_s, phrase_e), content)


def _chunk_span(text: str, s: int, vs: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb at `vs` (span), walking back over
    clause punctuation: '…, activists said' -> 'activists'; 'Name, who runs X, said' and
    'Name, a war monitor, said' -> 'Name'; 'A report by X, based on Y, suggests' -> 'A report by X'."""
    # Parentheticals ("the Tehreek-e-Taliban Pakistan (TTP), claimed") are not boundaries.
    seg = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), text[s:vs])
    bounds = [0]
    for m in re.finditer(r"[,;:]|\s[-–—]\s|[”\"’](?=\s)", seg):
        bounds.append(m.end())
    segs = []  # (start, end) in text, delimiters excluded
    for j, b0 in enumerate(bounds):
        b1 = bounds[j + 1] - 1 if j + 1 < len(bounds) else len(seg)
        segs.append((s + b0, s + b1))
    j = len(segs) - 1

    def words(k: int) -> list[str]:
        return text[segs[k][0]:segs[k][1]].split()

    while j >= 0 and not words(j):
        j -= 1
    if j < 0:
        return None
    skipped = j < len(segs) - 1 or not text[segs[-1][0]:segs[-1][1]].strip()
    # Appositives: lowercase-led ("who runs…", "based on…") or "a/the …" after a name.
    while j >= 1:
        w = words(j)
        if not w:  # an empty segment between two commas ("Name, , who runs X,") is no boundary
            j -= 1
            continue
        first = w[0]
        lower_led = bool(_LOWER_APPOSITIVE_RE.match(first))
        det_led = skipped and first.lower() in ("a", "an", "the") and words(j - 1) and \
            _looks_like_name(" ".join(words(j - 1)))
        if not (lower_led or det_led):
            break
        j -= 1
        skipped = True
    cs, ce = segs[j]
    chunk = text[cs:ce]
    if not skipped and len(chunk.split()) > LIMITS.clause_chunk_words:
        ms = list(_CLAUSE_WORDS_RE.finditer(chunk))
        # "A resident who asked not to be named said": the relative clause belongs to a
        # short noun phrase that is the subject.
        if ms and ms[-1].group().strip().lower() == "who" and len(chunk[:ms[-1].start()].split()) <= LIMITS.relative_subject_max_words \
                and re.match(r"(?:an?|one|another|the)\s", chunk.strip(), re.I):
            ms = []
        if ms:
            cs += ms[-1].end()
    while cs < ce and text[cs] in " \n\t\"“”":
        cs += 1
    while ce > cs and text[ce - 1] in " \n\t,":
        ce -= 1
    return (cs, ce) if cs < ce else None


def _clause_start(text: str, s: int, pos: int) -> int:
    """Where the subject's own clause starts (the comma before 'Name, a monitor, said')."""
    k = text.rfind(",", s, pos)
    return k if k >= 0 and not text[k + 1:pos].strip() else pos


def _looks_like_name(s: str) -> bool:
    words = s.split()
    return 1 <= len(words) <= LIMITS.name_max_words and words[0][:1].isupper()

