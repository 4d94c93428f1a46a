"""Photo captions that survived cleaning, one flag per line."""
from __future__ import annotations

import re

from ..lexicon import regex, word_set
from ..model import QualityFlag
from .thresholds import T

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
