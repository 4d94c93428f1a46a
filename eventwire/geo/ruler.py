"""The spaCy component "gazetteer_ruler": marks gazetteer place names as GPE/LOC entities.

Reads: the doc's tokens and the statistical NER's `doc.ents`. Writes: `doc.ents`, with place
names the index knows added as GPE (LOC for world regions and continents), NER place
entities that are plainly not places dropped. Config: `max_len`, the longest name in tokens.
"""
from __future__ import annotations

from . import lookup, placeness
from .data import ADMIN1_WORDS, NEVER_PLACES, RULER, regions_table
from .lookup import HOW_ABBR, HOW_ALT, HOW_LOOSE, HOW_NAME, Candidate, Gazetteer, normalize
from .spans import (NAME_LABELS, NUMERIC_LABELS, PLACE_LABELS, broken_ent, capitalised, compound_word,
                    drop_place_ent, hint_context, in_longer_name, is_common, leading_article, level_of,
                    modifies_noun, names_in_doc, ner_tokens, ngram_ok, place_context, short_caps, site_name_end, site_placed,
                    titled)


def _usable(cands: tuple[Candidate, ...], text: str) -> list[Candidate]:
    """Abbreviation matches count only where the text is written as one: "NYC", "Fla."."""
    abbr_form = text.isupper() or text.endswith(".")
    return [c for c in cands if c.how != HOW_ABBR or abbr_form]


def _rejected(ent, rejected: set[tuple[int, int]]) -> bool:
    """A place entity of the NER that the span model judged not a place ("Dane" of "Dane
    guns"), with or without a leading "the"."""
    return (ent.start, ent.end) in rejected or (ent[0].lower_ == "the" and (ent.start + 1, ent.end) in rejected)


def _site_entity(doc, start: int, end: int, tok_ent: dict) -> bool:
    """Whether a site's name is marked as a place (FAC): the NER has exactly it, as a place or
    facility, or a locative precedes it; not where it is part of a longer name ("the Victoria
    Park Residents' Association")."""
    ents = {tok_ent[t] for t in range(start, end) if t in tok_ent}
    if any(e.start < start - (doc[start - 1].lower_ == "the") or e.end > end for e in ents):
        return False
    if any(e.label_ in PLACE_LABELS or e.label_ == "FAC" for e in ents):
        return True
    return site_placed(doc, start)


def _tier(population: int, cutoffs: tuple[int, int, int]) -> int:
    """3, 2 or 1 for the first of the three population cutoffs reached, else 0."""
    for strength, cutoff in zip((3, 2, 1), cutoffs):
        if population >= cutoff:
            return strength
    return 0


def _strength(cands: list[Candidate]) -> int:
    """3 = country/continent/very large city, 2 = region or sizeable town, 1 = small town, 0 = none."""
    best = 0
    for c in cands:
        if c.kind in ("country", "continent", "region"):
            s = 3 if c.how != HOW_ABBR else 2
        elif c.kind == "admin1":
            s = (2 if c.population >= RULER.sizeable_region else 1) if c.how == HOW_NAME else 1
        elif c.kind == "admin2":
            s = 1 if c.population >= RULER.sizeable_region and c.how == HOW_NAME else 0
        elif c.how == HOW_NAME:
            # population 0: unknown, often a local seat
            s = _tier(c.population, RULER.town_by_name) or (1 if c.population == 0 else 0)
        elif c.how in (HOW_ALT, HOW_LOOSE):
            s = _tier(c.population, RULER.town_by_alternate_name)
        else:
            s = 2 if c.population >= RULER.town_by_abbreviation else 0
        best = max(best, s)
    return best


class GazetteerRuler:
    """Mark gazetteer place names as GPE/LOC entities, overriding the statistical NER where
    the name is a place ("Aleppo" tagged LANGUAGE), deferring to it where the name is part of
    a longer name ("Free Syrian Army") or a person."""

    def __init__(self, gazetteer: Gazetteer | None = None, max_len: int = 6, *, use_model: bool = True,
                 span_model: placeness.SpanModel | None = None, thresholds: tuple[float, float] | None = None):
        self._gaz = gazetteer
        self.max_len = max_len
        # the fitted span model (placeness.py) decides; without its file, the rules below do.
        # `span_model` and `thresholds` (place, drop) stand in for the packaged ones (training).
        self.use_model = use_model
        self._span_model = span_model
        self.place_p, self.drop_p = thresholds or (RULER.place_probability, RULER.drop_probability)

    @property
    def gaz(self) -> Gazetteer:
        return self._gaz or lookup.get()

    def __call__(self, doc):
        from spacy.tokens import Span
        from spacy.util import filter_spans

        # An entity that runs over a parenthesis or ends on a comma ("Rimini (Rimini, Emilia",
        # "Ciudad Victoria,") is the small model losing track: its words are judged afresh.
        broken = {e for e in doc.ents if broken_ent(e)}
        tok_ent = ner_tokens(doc, broken)
        spans_model = (self._span_model or placeness.model()) if self.use_model else None
        context = (tok_ent, names_in_doc(doc)) if spans_model is not None else None
        found: list = []
        rejected: set[tuple[int, int]] = set()
        caps = [capitalised(tok) for tok in doc]  # once per token: the loop below reads each many times
        i = 0
        while i < len(doc):
            if not caps[i]:
                i += 1
                continue
            hit = None
            site = site_name_end(doc, i, self.max_len)
            if site is not None:
                # a site's name is one unit: a place where the text puts something there,
                # and never a town named by its first words ("Victoria" of "Victoria Park")
                if _site_entity(doc, i, site, tok_ent):
                    found.append(Span(doc, i, site, label="FAC"))
                i = site
                continue
            for n in range(min(self.max_len, len(doc) - i), 0, -1):
                if not caps[i + n - 1]:
                    continue  # a name ends on a capital (ngram_ok's first test, without the span)
                span = doc[i:i + n]
                if not ngram_ok(span):
                    continue
                if spans_model is None:
                    hit = self._decide(doc, span, tok_ent)
                else:
                    got = self.candidates_of(doc, span)
                    if got is not None:
                        end, cands, label = got
                        p = spans_model.probability(self.features(doc, span, cands, *context))
                        if p >= self.place_p:
                            hit = Span(doc, span.start, end, label=label)
                        elif p < self.drop_p:
                            rejected.add((span.start, span.end))
                if hit is not None:
                    break
            if hit is not None:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        if not found and not broken and not rejected:
            return doc
        new_tokens = set()
        for s in found:
            new_tokens.update(range(s.start, s.end))
        kept = [e for e in doc.ents if not any(t in new_tokens for t in range(e.start, e.end))
                and not (e.label_ in PLACE_LABELS and (drop_place_ent(e) or _rejected(e, rejected)))
                and not (e in broken and e.label_ in PLACE_LABELS)]
        doc.ents = filter_spans(kept + [Span(doc, s.start, s.end, label=s.label_) for s in found])
        return doc

    def candidates_of(self, doc, span) -> tuple[int, list[Candidate], str] | None:
        """The gazetteer's reading of a capitalised span: (end token, candidates, label), the
        end taking in a region word after it ("Idlib province"); None when the gazetteer has
        no place of that name (exact spelling first, then its loose transliteration key)."""
        text = span.text
        key = normalize(text)
        if not key or key in NEVER_PLACES or compound_word(span):
            return None
        # another romanisation only for a proper noun: "There" is no "Thara"
        cands = self.gaz.lookup(key) or (self.gaz.lookup_loose(key) if all(t.tag_ in ("NNP", "NNPS") for t in span)
                                         else ())
        cands = _usable(cands, text)
        if modifies_noun(doc, span):
            # "Dane guns": before a common noun, a name known only as another name of a place
            # (Dane County) is a modifier, a people or a brand; a place's own name stays
            cands = [c for c in cands if c.how == HOW_NAME]
        # AP state abbreviations ("Fla.") only in their place: after "Town,"
        if cands and all(c.how == HOW_ABBR for c in cands) and text.endswith(".") and not text.isupper():
            if span.start < 2 or doc[span.start - 1].text != ",":
                return None
        end = span.end
        if end < len(doc) and doc[end].lower_ in ADMIN1_WORDS:
            admin = [c for c in cands if c.kind == "admin1"]
            if admin:
                cands, end = admin, end + 1
        if not cands:
            return None
        label = "LOC" if all(c.kind in ("continent", "region") for c in cands) else "GPE"
        return end, cands, label

    def features(self, doc, span, cands: list[Candidate], tok_ent: dict, names: dict) -> list[float]:
        """The span model's features, the rules' verdict among them."""
        return placeness.features(doc, span, cands, tok_ent, names, self.gaz, strength=_strength(cands),
                                  rules_accept=self._decide(doc, span, tok_ent) is not None)

    def _decide(self, doc, span, tok_ent):
        """The rules' decision, used where no span model file is installed."""
        from spacy.tokens import Span

        got = self.candidates_of(doc, span)
        if got is None:
            return None
        end, cands, label = got
        text = span.text
        strength = _strength(cands)
        # "the town of Sake", "the city of Wad Madani": the text says outright it is a place
        named = level_of(doc, span)
        hinted = named or (hint_context(doc, span, self.gaz) and not titled(doc, span))
        if hinted and not (short_caps(text) and not any(c.kind == "country" for c in cands)):
            # "in Bafut (Mezam, Nord-Ouest)", "near Hryhorivka, Donetsk": where a name stands
            # in an admin hierarchy, any town the gazetteer knows by it is a place
            strength = max(strength, 1)
            if not any(c.how != HOW_ABBR for c in cands):
                return None
        if strength == 0:
            return None
        full = doc[span.start:end]

        # What the statistical NER said about these tokens.
        ents = {tok_ent[t] for t in range(span.start, span.end) if t in tok_ent}
        exact = None
        for e in ents:
            starts = e.start == span.start or (e.start == span.start - 1 and e[0].lower_ == "the")
            if starts and e.end in (span.end, end):
                exact = e
            elif e.start <= span.start and e.end >= span.end:
                # inside a longer entity: part of an organisation's or person's name, or a
                # place the NER already has whole
                if e.label_ in NAME_LABELS or e.label_ in PLACE_LABELS:
                    if not (e.label_ in PLACE_LABELS and leading_article(e, span)):
                        return None
            elif e.label_ in NAME_LABELS and " " in span.text:
                return None  # crosses a name's boundary (inside one hyphenated word it is the tokenizer's)
        if exact is not None and len(ents) == 1:
            if exact.label_ in PLACE_LABELS:
                return Span(doc, full.start, full.end, label=exact.label_)
            ok = self._overrules(doc, span, exact.label_, cands, strength, hinted)
            return Span(doc, full.start, full.end, label=label) if ok else None

        if titled(doc, span):
            return None
        if short_caps(text) and not any(c.kind == "country" for c in cands):
            return None  # "OAS", "NGO", "GRU": acronyms far more often than places
        if is_common(span) and not named:
            # "Police", "Mobile", "March": words first; only unmistakable places pass
            if strength < 3 or not span[0].is_title and not text.isupper():
                return None
        elif strength < 3 and not hinted and in_longer_name(doc, span):
            return None
        return Span(doc, full.start, full.end, label=label)

    @staticmethod
    def _overrules(doc, span, lab: str, cands: list[Candidate], strength: int, hinted: bool) -> bool:
        """Whether the name is a place although the NER gave exactly these tokens another label."""
        if hinted and lab not in NUMERIC_LABELS:
            return True
        text = span.text
        placed = place_context(doc, span)
        if lab == "PERSON":
            return not titled(doc, span) and (
                any(c.kind == "country" and c.how == HOW_NAME for c in cands)
                or any(c.kind == "city" and c.how == HOW_NAME and c.population >= RULER.person_name_city
                       for c in cands)
                # "Tamil Nadu", "Uttar Pradesh": multi-word regions are no person's name
                or (len(span) > 1 and any(c.kind == "admin1" and c.how == HOW_NAME
                                          and c.population >= RULER.person_name_region for c in cands))
                or (placed and strength >= 2))
        if lab in NUMERIC_LABELS:
            return any(c.kind == "country" for c in cands)
        if lab == "FAC":  # buildings and roads, but the small model tags towns so too
            return any(c.kind == "country" for c in cands) or (placed and strength >= 1)
        if short_caps(text):
            return any(c.kind == "country" for c in cands)
        # ORG, LANGUAGE, PRODUCT...: the small model mislabels rarer places
        return strength >= 2 and not is_common(span) and not titled(doc, span)


def keep_abbreviations(nlp) -> None:
    """Region abbreviations of datelines ("Ont.", "Fla.") as one token each, as spaCy keeps
    some of them already, so the ruler can read them as names."""
    from spacy.symbols import ORTH

    table = regions_table()
    for abbr in [*table["ap_states"], *table["ca_provinces"]]:
        nlp.tokenizer.add_special_case(abbr, [{ORTH: abbr}])


def _register() -> None:
    from spacy.language import Language

    if "gazetteer_ruler" in Language.factories:
        return

    @Language.factory("gazetteer_ruler", default_config={"max_len": 6})
    def _make(nlp, name: str, max_len: int):
        return GazetteerRuler(max_len=max_len)


_register()
