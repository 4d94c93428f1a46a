"""Name variants: one country named both by its short name and by an official long form used
as a plain noun ("Russia" … "Russian Federation"), the mark of automatic rewriting."""
from __future__ import annotations

import re

from ..lexicon import regex, table, word_set
from ..model import Actor, QualityFlag, Quote
from .thresholds import T

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

