"""What actor resolution decides by: the context words around a mention
(data/lexicons/actor_context.yaml) and its sizes, named once."""
from __future__ import annotations

from dataclasses import dataclass

from ...lexicon import word_set

# A capital or country that is the object of one of these prepositions is a place, not an
# agent: "was in Tehran", "flew to Moscow", "returned from Syria".
PLACE_PREPS = word_set("place_prepositions")
# Verbs whose direct object is a destination ("visited Damascus").
PLACE_VERBS = word_set("destination_verbs")
# A capital city that is struck or taken is a place ("shelled Kyiv"); a country may be a target.
CITY_VERBS = PLACE_VERBS | word_set("city_target_verbs")
# Nouns that make a country word describe a place: "Syria's largest city", "Syrian territory".
GEO_HEADS = word_set("geo_heads")
# Words before a country name that make it part of another place: "New Mexico", "Latin America".
PLACE_PREFIXES = word_set("place_prefixes")
# "Iran-backed militias", "Russian-made jets": the country word only qualifies something else.
QUALIFIER_SUFFIXES = word_set("qualifier_suffixes")
PERSON_PLACE_PREPS = word_set("person_place_prepositions")
# Organ words that name an action, not a body: only a demonym or a possessive makes the
# country their agent.
ACTION_NOUNS = word_set("action_nouns")
PRO_ANTI = word_set("pro_anti")
# Nouns that extend an organisation mention: "Hezbollah fighters", "Taliban militants".
MEMBER_NOUNS = word_set("member_nouns")
PARTICLES = word_set("name_particles_lower")
# Words inside a title that are not titles themselves: "deputy foreign minister".
TITLE_MODIFIERS = word_set("title_modifiers")
# "the border between Syria and Turkey": the countries are where, not who.
BETWEEN_HEADS = word_set("between_heads")
# "flew home", "returned home": verbs whose bare-noun adverbial is a destination.
MOTION_VERBS = word_set("motion_verbs")
DETERMINERS = frozenset({"the", "a", "an"})


@dataclass(frozen=True)
class Limits:
    """The sizes actor resolution decides by, named once (in tokens unless said)."""

    title_reach: int = 10  # tokens walked before or after a name for its titles and country
    conjunct_climb: int = 6  # "in Syria and Iraq": conjuncts climbed to find the preposition
    possessive_lookahead: int = 3  # tokens after "X's" looked at for a place noun
    known_place_population: int = 20000  # a gazetteer town this big is a place, not a person


LIMITS = Limits()
