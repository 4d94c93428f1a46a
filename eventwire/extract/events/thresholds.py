"""The numbers event extraction decides by (`Thresholds`, named once) and the taxonomy tables it
types events with (data/taxonomy.json): read by every step of the package."""
from __future__ import annotations

from dataclasses import dataclass

from ...lexicon import taxonomy


# ACLED sub-event type -> (event type, PLOVER type, PLOVER mode, CAMEO root), from data/taxonomy.json
TAXONOMY: dict[str, tuple[str, str, str | None, str | None]] = {
    sub: (t.event_type, t.plover, t.plover_mode, t.cameo_root) for sub, t in taxonomy().sub_event_types.items()}
PLOVER_CAMEO = taxonomy().plover_cameo
# Speech acts frame what follows them: "X criticized Y for strikes" reports an accusation, not a strike.
FRAMING = taxonomy().framing
VIOLENT_TYPES = taxonomy().violent


@dataclass(frozen=True)
class Thresholds:
    """Every number event extraction decides by, named once. Confidences are on a 0-1 scale."""

    # How sure the classifier must be to type an event: classify.Typing, in the model's file.
    # Strengths of triggers the lexicon does not give: "strike" read by its context, and the
    # root of a sentence the classifier alone calls an event.
    labour_strike_strength: int = 3
    air_strike_strength: int = 4
    classifier_only_strength: int = 3
    clause_event_min_strength: int = 2  # a weaker trigger makes no event of its own in another clause
    # Confidence: base + per_strength * strength (+ typed) + per_argument * (actor, place, date)
    # + a bonus for the first sentences (news puts its incident in the headline and lead)
    # - hedged; then blended with the classifier's probability; month- or year-dated - vague_date.
    base_confidence: float = 0.45
    per_strength: float = 0.05
    typed_bonus: float = 0.1
    per_argument: float = 0.05
    first_sentences: int = 1  # sentence index up to which first_sentences_bonus applies
    first_sentences_bonus: float = 0.08
    early_sentences: int = 3
    early_sentences_bonus: float = 0.04
    hedged_penalty: float = 0.15
    own_weight: float = 0.6
    classifier_weight: float = 0.4
    classifier_disagrees: float = 0.2  # the classifier's "probability" when it names another event type
    vague_date_penalty: float = 0.1
    min_confidence: float = 0.05
    max_confidence: float = 0.99
    other_clause_factor: float = 0.9  # a sentence's second event ranks below its lead event
    aftermath_margin: float = 0.05  # arrests after a protest or attack rank this far below it
    # News is written as an inverted pyramid: the headline and the lead report the incident the
    # story is about; later paragraphs add background, earlier incidents and "separately" items.
    # Confidence ranks the story's own incident first (the document's main event is its most
    # confident one), so such reports are marked down and the lead is marked up.
    lead_bonus: float = 0.12
    aside_penalty: float = 0.12
    past_days: int = 7  # an incident over this long before publication is not the story's own
    dateline_within: int = 400  # a dateline opens the story: its headline and first paragraph
    # Context windows, in tokens or characters.
    negation_tokens: int = 2  # "no arrests", "did not attack"
    max_depth: int = 20  # a parse deeper than this is cut (a guard against cycles)
    target_within: int = 60  # characters after the trigger where its target is looked for
    agent_window: int = 12  # characters before an actor for "by (the)"
    held_window: int = 12  # characters after an actor for "-held", "-backed"
    locative_window: int = 25  # characters before a country name for "in (eastern)"
    possessive_window: int = 30  # characters after it for "'s Selydove"
    heading_window: int = 30  # characters before a place for "towards", "the road to"
    apposition_gap: int = 30  # characters between a place and its region after it ("Shostka district, Sumy")


THRESHOLDS = Thresholds()
T = THRESHOLDS
LETHAL_SUBS = taxonomy().lethal_subs
