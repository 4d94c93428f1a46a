"""Page quality (analysis stage): flags that tell the reader how far to trust an article, and
a score.

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

One module per detector: removed.py, captions.py, paraphrases.py (near_duplicate),
official_names.py (name_variant), durations.py and tolls.py (contradiction), attributions.py
(unresolved_attribution); assessment.py runs them and scores the page (`score()`);
thresholds.py and numbers.py hold what they share.
"""
from .assessment import (SPAN_PENALTY, WEIGHTS, SpanPenalty, assess, contradictions, penalty_for_span,
                         score, sentence_flags)
from .attributions import unresolved_attributions
from .captions import surviving_captions
from .official_names import name_variants
from .paraphrases import candidate_pairs, near_duplicates
from .removed import removed_flags
from .thresholds import THRESHOLDS, Thresholds

__all__ = ["SPAN_PENALTY", "SpanPenalty", "THRESHOLDS", "Thresholds", "WEIGHTS", "assess", "candidate_pairs",
           "contradictions", "name_variants", "near_duplicates", "penalty_for_span", "removed_flags",
           "score", "sentence_flags", "surviving_captions", "unresolved_attributions"]
