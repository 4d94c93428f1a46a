"""What the tokens around a candidate name say, for the gazetteer ruler (ruler.py): capitals,
titles, locatives, admin hierarchies in brackets, compounds, longer names."""
from __future__ import annotations

from . import lookup
from .data import (ADMIN1_WORDS, CONNECTORS, LEVEL_WORDS, LOCATIVES, NEVER_PLACES, PLACE_NOUNS, RULER, SITE_LOCATIVES, SITE_WORDS,
                   TITLES, common_words)
from .lookup import HOW_ABBR, HOW_NAME, Gazetteer, normalize

NAME_LABELS = {"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "NORP", "LANGUAGE"}
PLACE_LABELS = {"GPE", "LOC"}
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def capitalised(tok) -> bool:
    t = tok.text
    # t[0].isalpha() first: it settles nearly every word without the scan ("Ⅻ" is upper, no letter)
    return bool(t) and t[0].isupper() and (t[0].isalpha() or any(ch.isalpha() for ch in t))


def ngram_ok(span) -> bool:
    """The tokens could be one name: capitalised at both ends, connectors between, one line."""
    toks = list(span)
    if not (capitalised(toks[0]) and capitalised(toks[-1])):
        return False
    for j, tok in enumerate(toks):
        if j < len(toks) - 1 and "\n" in tok.whitespace_ + tok.text:
            return False  # a name never runs over a line break
        if tok.text == "-" and (toks[j - 1].whitespace_ or tok.whitespace_):
            return False  # a dash between words, not inside a hyphenated name
        if not capitalised(tok) and tok.lower_ not in CONNECTORS:
            return False
        if not capitalised(tok) and not tok.is_alpha and tok.text not in ("-", "&"):
            return False
    return True


def is_common(span) -> bool:
    words = common_words()
    return all(tok.lower_ in words or tok.lower_ in CONNECTORS or tok.lower_ in NEVER_PLACES
               for tok in span)


def place_context(doc, span) -> bool:
    """A locative preposition before the name, or ", <place>" after it ("Matias Romero,
    Oaxaca")."""
    if span.start > 0 and doc[span.start - 1].lower_ in LOCATIVES:
        return True
    nxt = span.end
    return (nxt + 1 < len(doc) and doc[nxt].text == ","
            and doc[nxt + 1].ent_type_ in PLACE_LABELS and doc[nxt + 1].ent_iob_ == "B")


def level_of(doc, span) -> bool:
    """Right after "the town of", "the city of", "the village of"."""
    i = span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS


def broken_ent(ent) -> bool:
    return any(t.text in ("(", ")") for t in ent) or ent[-1].text == ","


def hint_context(doc, span, gaz: Gazetteer) -> bool:
    """The name stands in an admin hierarchy: right before a parenthesis ("Bafut (Mezam,
    Nord-Ouest)"), inside a parenthesised list of names ("(Mezam, Nord-Ouest)"), or before
    ", <first-level region>" ("Hryhorivka, Donetsk")."""
    n = len(doc)
    if short_caps(span.text) or span.text.isupper():
        return False  # "(APC)", "(BA)": acronyms in brackets are organisations
    if span.end + 1 < n and doc[span.end].text == "(":
        # "Bafut (Mezam, Nord-Ouest)", not "O'Leary (Ryanair)": the bracket names places
        inner = doc[span.end + 1:min(n, span.end + 14)]
        close = next((t.i for t in inner if t.text == ")"), None)
        if close is not None:
            names = _bracket_names(doc[span.end + 1:close])
            return len(names) > 1 or any(_is_region_name(gaz, nm) for nm in names)
        return False
    # inside "( Name , Name )": only names and commas up to both brackets
    i = span.start - 1
    while i >= 0 and span.start - i <= 12 and (doc[i].text == "," or capitalised(doc[i])
                                               or doc[i].lower_ in CONNECTORS or doc[i].text == "-"):
        i -= 1
    j = span.end
    while j < n and j - span.end <= 12 and (doc[j].text == "," or capitalised(doc[j])
                                             or doc[j].lower_ in CONNECTORS or doc[j].text == "-"):
        j += 1
    if i >= 0 and j < n and doc[i].text == "(" and doc[j].text == ")":
        names = _bracket_names(doc[i + 1:j])
        if len(names) > 1:
            return True
        # "(Canar)" after a place: one name in brackets is a region when it is one
        return _is_region_name(gaz, names[0]) if names else False
    if span.end + 1 < n and doc[span.end].text == ",":
        k = span.end + 1
        words = []
        while k < n and len(words) < 3 and (capitalised(doc[k]) or doc[k].text == "-"):
            words.append(doc[k].text)
            k += 1
        if words:
            region = normalize(" ".join(words).replace(" - ", "-"))
            return any(c.kind == "admin1" and c.how != HOW_ABBR for c in gaz.lookup(region))
    return False


def _bracket_names(tokens) -> list[str]:
    names, cur = [], []
    for t in tokens:
        if t.text == ",":
            if cur:
                names.append(" ".join(cur))
            cur = []
        else:
            cur.append(t.text)
    if cur:
        names.append(" ".join(cur))
    return names


def _is_region_name(gaz: Gazetteer, name: str) -> bool:
    """A region, or a town by its own name: "(Cheongju)" after a place names where it is."""
    return any((c.kind in ("admin1", "admin2", "country") and c.how != HOW_ABBR)
               or (c.kind == "city" and c.how == HOW_NAME) for c in gaz.lookup(normalize(name)))


def short_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) <= 4 and all(ch.isupper() for ch in letters)


def leading_article(ent, span) -> bool:
    """A place entity that is the span plus a leading "the"/"The" (same place)."""
    return ent.end == span.end and ent.start == span.start - 1 and ent[0].lower_ == "the"


def titled(doc, span) -> bool:
    if span.start == 0:
        return False
    prev = doc[span.start - 1].lower_.rstrip(".")
    return prev in TITLES


def in_longer_name(doc, span) -> bool:
    """Next to another capitalised word that is not a place, date or sentence start: most
    likely one word of a person's or organisation's name ("Mikhail Bogdanov")."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    for tok in (before, after):
        if tok is None or not capitalised(tok) or not tok.is_alpha:
            continue
        if tok.is_sent_start and tok is before:
            continue
        if tok.ent_type_ in NUMERIC_LABELS or tok.ent_type_ in PLACE_LABELS:
            continue
        if tok.lower_ in NEVER_PLACES or tok.lower_ in ADMIN1_WORDS:
            continue
        return True
    return False


def drop_place_ent(ent) -> bool:
    """NER place entities that are plainly not places ("Advertisement", "Monday"), or an
    everyday word that opens a hyphenated compound ("Plain-clothes officers")."""
    if len(ent) != 1:
        return False
    word = ent[0].lower_
    return (word in NEVER_PLACES and word not in ADMIN1_WORDS) or compound_word(ent)


def compound_word(span) -> bool:
    """An everyday word before "-lowercase" is a compound ("Plain-clothes"), unless it names a
    country, a region or a big city ("China-based", "Texas-born")."""
    doc, i = span.doc, span.end
    if not (len(span) == 1 and i + 1 < len(doc) and not span[-1].whitespace_ and doc[i].text == "-"
            and not doc[i].whitespace_ and doc[i + 1].is_lower):
        return False
    key = normalize(span.text)
    if key not in common_words():
        return False
    return not any(c.kind in ("country", "admin1", "continent", "region") or c.population >= RULER.common_word_city
                   for c in lookup.get().lookup(key))


def ner_tokens(doc, broken: set) -> dict:
    """Token index -> the NER entity over it (entities in `broken` left out)."""
    out = {}
    for e in doc.ents:
        if e in broken:
            continue
        for t in range(e.start, e.end):
            out[t] = e
    return out


def names_in_doc(doc) -> dict[str, dict[str, tuple[int, int]]]:
    """Lower-cased entity text -> NER label -> the first and last start token of its entities
    with that label in the document: a name tagged PERSON elsewhere in the story is likelier a
    person here too. (The first and last say whether one stands elsewhere than a given place
    without a look at each: a name repeated on every line of a long page was looked at once per
    repetition, issue 11.)"""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for e in doc.ents:
        labels = out.setdefault(e.text.lower(), {})
        first, last = labels.get(e.label_, (e.start, e.start))
        labels[e.label_] = (min(first, e.start), max(last, e.start))
    return out


def labels_elsewhere(names: dict[str, dict[str, tuple[int, int]]], text: str, start: int) -> set[str]:
    """The labels of the entities named `text` (lower-cased) that start more than one token away
    from `start`."""
    return {lab for lab, (first, last) in names.get(text, {}).items() if first < start - 1 or last > start + 1}


def site_name_end(doc, i: int, max_len: int) -> int | None:
    """The end of a site's name starting at token i: capitalised words closed by a capitalised
    site word ("Victoria Park", "Dundas Street", "City Hall", "Royal Victoria Hospital").
    Its first words name the site, not a town: "Victoria" there is no place of its own."""
    j = i
    while j < len(doc) and j - i < max_len and (capitalised(doc[j]) or (j > i and doc[j].lower_ in CONNECTORS)):
        j += 1
    for k in range(j, i + 1, -1):
        last = doc[k - 1]
        if capitalised(last) and last.lower_.rstrip(".") in SITE_WORDS and ngram_ok(doc[i:k]):
            return k
    return None


def site_placed(doc, start: int) -> bool:
    """A locative before the site's name, or before its "the": "a rally in Victoria Park",
    "along the Corniche Road"."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and doc[k].lower_ in SITE_LOCATIVES


def modifies_noun(doc, span) -> bool:
    """The name stands before a common noun it modifies ("Dane guns", "Texas officials"),
    not before a level word ("Idlib province")."""
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.is_lower and nxt.pos_ == "NOUN" and nxt.lower_ not in LEVEL_WORDS
