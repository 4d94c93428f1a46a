"""Token keys: how an alias and a text token are normalised to meet in the trie (lower case,
no accents, straight quotes, one kind of hyphen), and the case an alias asks of the text."""
from __future__ import annotations

import functools
import unicodedata
from typing import Sequence

from .context import PARTICLES

_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
QUOTES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'", "\u201c": '"',
           "\u201d": '"'}


def fold(text: str) -> str:
    """Quotes, dashes and accents normalised, case kept (for exact-case comparisons)."""
    s = text
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    for h in _HYPHENS:
        s = s.replace(h, "-")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s


@functools.lru_cache(maxsize=65536)
def token_key(text: str) -> str:
    """The matching key of one token: lower-cased first, then folded."""
    return fold(text.lower())


def case_rule(tok: str) -> int:
    letters = [c for c in tok if c.isalpha()]
    uppers = sum(1 for c in letters if c.isupper())
    if not uppers or tok.lower() in PARTICLES:
        return 0
    if uppers == 1 and letters[0].isupper():
        return 1
    return 2


def case_ok(rules: Sequence[int], alias: Sequence[str], texts: Sequence[str]) -> bool:
    for rule, want, got in zip(rules, alias, texts):
        if rule == 1 and got.islower():
            return False
        if rule == 2 and fold(got) != want:
            return False
    return True


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy  # heavy import, only when first needed

    return spacy.blank("en")


def split_tokens(text: str) -> list[str]:
    """Tokens of an alias as the English tokenizer cuts them, hyphens dropped."""
    out = []
    for t in _tokenizer().make_doc(" ".join(text.split())):
        if token_key(t.text) != "-":
            out.append(t.text)
    return out


def alias_tokens(alias: str) -> list[str]:
    toks = split_tokens(alias)
    # A lowercase leading article is optional in text; "The Hague" keeps its capital "The".
    while len(toks) > 1 and toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    return toks
