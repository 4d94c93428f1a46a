"""Fatality (and injury) counts in one sentence, coded the conservative ACLED way.

Only numbers tied to a death phrase count: "19 civilians were killed", "killing two",
"the death toll rose to 40", "the bodies of 5 people". Numbers of anything else (times,
districts, years, ages, protesters) never do, nor do threats ("threatened to kill 100"),
hypotheticals ("could have been killed") or running war totals ("since 2011").

Conventions (documented choices; see VAGUE for the word table):
- exact number n: best = low = high = n.
- "at least / more than / over n": best = low = n, high None (ACLED keeps the stated figure).
- "up to / nearly / almost / fewer than n": best = high = n, low None.
- "about / around / some n": best = n, low = high = None.
- ranges "between 10 and 15", "10-15", "two or three": best = low (ACLED: lowest figure).
- vague words: "dozens" 12, "tens" 10, "scores" 20, "hundreds" 100, "thousands" 1000 (ACLED
  codebook); "several", "many", "a number of", "an unknown number of" 3 (ACLED's current
  practice for plural but unspecified deaths, as its coders' notes show); "a few" 3;
  "a couple of" 2. best = low = that figure, high None.
- a singular victim ("a soldier was killed", "killing a civilian", "he was shot dead") = 1.
- "no one was killed" / "no deaths" = 0.
- several death mentions in one sentence: a list ("three soldiers and two civilians were
  killed") is summed; a toll ("the death toll rose to 40") wins over other mentions;
  otherwise mentions of different groups are summed and repeated figures for the same group
  take the lowest (conservative).
- civilians: set when the victims are named as civilians (civilians, villagers, children,
  women, worshippers...), or an "including N civilians" clause says so; children likewise.
- injuries ("19 people were injured", "wounding 12") go to `injured` only; a sentence with
  injuries and no deaths returns Casualties with best None.
- the dead of both sides count ("killing 15 fighters while losing three of their own" = 18);
  deaths in accidents or of illness do not (ACLED counts political violence only).
- across sentences (carry_story_tolls): a lethal event without a toll of its own takes the one
  its story gives later; a lower toll from another source replaces its own (lowest figure).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from typing import Sequence

from eventwire.model import Casualties, Event
from eventwire.resolve.dates import event_story

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
# word -> (best, low, high); multiplied forms ("tens of thousands") are handled in _card_value.
VAGUE = {
    "a couple of": (2, 2, 2), "a few": (3, 3, None), "several": (3, 3, None), "many": (3, 3, None),
    "a number of": (3, 3, None), "numerous": (3, 3, None), "an unknown number of": (3, 3, None),
    "an unspecified number of": (3, 3, None), "an undetermined number of": (3, 3, None),
    "unknown number of": (3, 3, None), "unspecified number of": (3, 3, None),
    "dozens": (12, 12, None), "dozens of": (12, 12, None), "tens": (10, 10, None),
    "tens of": (10, 10, None), "scores": (20, 20, None), "scores of": (20, 20, None),
    "hundreds": (100, 100, None), "hundreds of": (100, 100, None),
    "thousands": (1000, 1000, None), "thousands of": (1000, 1000, None),
    "tens of thousands": (10000, 10000, None), "tens of thousands of": (10000, 10000, None),
    "hundreds of thousands": (100000, 100000, None),
    "hundreds of thousands of": (100000, 100000, None),
}

_W = r"[A-Za-z][\w'’-]*"
_UNIT_RX = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RX = "|".join(_TENS)
_WORDNUM = (rf"(?:(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred"
            rf"(?:\s+(?:and\s+)?(?:(?:{_TENS_RX})(?:[-\s](?:{_UNIT_RX}))?|{_UNIT_RX}))?)"
            rf"|(?:{_TENS_RX})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
            rf"|{_UNIT_RX}|(?:a|one|two|three|four)\s+dozen|a\s+dozen)")
_VAGUE_RX = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(VAGUE, key=len, reverse=True))
# Digits that are not years-old ages, measures, times, percentages or dates.
_DIGITS = r"(?<![\d.,/:$£€#-])\d{1,3}(?:,\d{3})+(?![\d,]*\d)|(?<![\d.,/:$£€#-])\d{1,6}(?![\d.,]\d|[\d:/%])"
_CARD = rf"(?:{_VAGUE_RX}|{_DIGITS}|{_WORDNUM})(?![\w-])"
_QUAL = (r"(?:at\s+least|not\s+less\s+than|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|more\s+than|over"
         r"|upwards\s+of|in\s+excess\s+of|up\s+to|as\s+many\s+as|nearly|almost|fewer\s+than|less\s+than"
         r"|under|no\s+more\s+than|at\s+most|a\s+maximum\s+of|about|around|some|roughly|approximately"
         r"|an\s+estimated|estimated|close\s+to|a\s+total\s+of|another|an?\s+(?:additional|further)"
         r"|a\s+further|a\s+reported|reportedly|at\s+least\s+another)")
# "2-3 militants": a range in digits (a lone digit after a dash is a date or a code, see _DIGITS)
_DASHED = r"(?<![\d.,/:$£€#-])\d{1,3}\s*[-–]\s*\d{1,3}(?![\d.,:/%-])"
_NUMX = (rf"(?:{_QUAL}\s+)?(?:between\s+{_CARD}\s+(?:and|or|to)\s+{_CARD}|(?:between\s+)?{_DASHED}"
         rf"|{_CARD}(?:\s*(?:-|–|to|or)\s*{_CARD})?)")
# Words that stop a victim noun phrase: verbs, auxiliaries, conjunctions, prepositions.
_STOP = (r"(?:were|was|are|is|be|been|being|have|has|had|and|or|but|who|which|that|whom|in|on|at|of"
         r"|by|for|from|with|after|before|during|when|while|as|to|into|near|since|than|the|a|an"
         r"|killed|killing|kills|kill|died|dead|injured|wounded|hurt|said|says|reported|including"
         r"|also|reportedly|allegedly|all|later|bodies|body|deaths|fatalities|people's|times|years?"
         r"|year-old|months?|days?|weeks?|hours?|minutes?|km|kilometres?|kilometers?|miles?|percent|per)")
_NOUN = rf"(?:(?!{_STOP}\b){_W})"
# A victim noun phrase: "civilians", "members of the family", "JeM militants of Pakistan origin".
_NP = rf"(?:(?:\s+{_NOUN}){{0,4}}?(?:\s+of\s+(?:(?:the|his|her|their|a|an|one|its)\s+)?{_NOUN}(?:\s+{_NOUN}){{0,3}})?)"
_AUX = (r"(?:(?:were|was|have\s+been|has\s+been|had\s+been|have|has|had|are|is|been|being|reportedly|allegedly|also"
        r"|all|later|subsequently|confirmed|reported|believed\s+to\s+have\s+been|said\s+to\s+have\s+been"
        r"|feared|found|left|lay|now|already|since|were\s+later|tragically|instantly)\s+){0,3}")
_DEATH_PASSIVE = (r"(?:killed|slain|shot\s+dead|shot\s+and\s+killed|gunned\s+down|murdered|executed|massacred"
                  r"|beheaded|lynched|assassinated|(?:hacked|burned|burnt|stabbed|beaten|bludgeoned|shot)\s+to\s+death"
                  r"|dead|died|perished|lost\s+their\s+lives|confirmed\s+dead)")
_DEATH_ACTIVE = (r"(?:killed|killing|kills|kill|massacred|massacring|executed|executing|murdered|murdering"
                 r"|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|slaughtered|slaughtering"
                 r"|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|took\s+the\s+lives\s+of"
                 r"|taking\s+the\s+lives\s+of|left|leaving|lynched|lynching|beheaded|beheading"
                 r"|(?:beat|beaten|beating|stoned|stoning|burned|burnt|burning|hacked|hacking|stabbed|stabbing)\s+to\s+death)")
# Violence that kills only with "to death" after its victim: "beat two thieves to death".
_TO_DEATH = (r"(?:beat|beaten|beating|stoned|stoning|burned|burnt|burning|hacked|hacking|stabbed|stabbing"
             r"|clubbed|clubbing|bludgeoned|bludgeoning|tortured|torturing|kicked|kicking|trampled|trampling)")
# A side's own dead, told as a loss: "killing 15 fighters while losing three of their own".
_OWN_DEAD = (r"(?:of\s+(?:their|its|his|her)\s+own|(?:of\s+(?:their|its|his|her)\s+)?(?:men|soldiers|troops|fighters"
             r"|officers|policemen|personnel|members|comrades|combatants|militants|rebels))")
_INJ_PASSIVE = r"(?:injured|wounded|hurt|maimed)"
_INJ_ACTIVE = r"(?:injuring|wounding|injured|wounded|injures|wounds|maiming|maimed|hurting)"

_PATTERNS = {
    # victims then a passive or intransitive death verb: "19 civilians were killed"
    "passive": (rf"(?P<num>{_NUMX})(?P<noun>{_NP})(?P<inc>\s*,?\s*(?:including|among\s+them|mostly|mainly"
                rf"|most\s+of\s+them)\s+[^,;]{{1,50}}?,?)?\s+{_AUX}(?P<verb>{_DEATH_PASSIVE})(?![\w-])"),
    # "two policemen were among those killed"
    "among": (rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,4}}?)\s+(?:were|was|are)\s+(?:also\s+)?among\s+"
              rf"(?:the|those)\s+(?P<verb>killed|dead|victims|fatalities)\b"),
    # a death verb then victims: "killed 19 civilians", "left 12 people dead"
    "active": (rf"\b(?P<verb>{_DEATH_ACTIVE})\s+(?P<self>(?:himself|herself)\s+(?:and|along\s+with|as\s+well\s+as)\s+)?"
               rf"(?:(?:all\s+)?the\s+|all\s+)?(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,3}})"),
    "toll": (rf"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|fatalities|people\s+killed|those\s+killed"
             rf"|victims)|fatalities|casualty\s+toll)\b[^.;:!?]{{0,40}}?\b(?:to|at|of|reached|hit|is|was|as"
             rf"|passed|exceeded|topped)\s+(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,2}})"),
    "deaths": rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,2}}?)\s+(?:deaths?|fatalit(?:y|ies)|dead\s+bodies)\b",
    "deaths_of": rf"\b(?:deaths?|killings?|bodies|murders?)\s+of\s+(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,3}})",
    "bodies": rf"(?P<num>{_NUMX})\s+(?:more\s+|other\s+|unidentified\s+|charred\s+|mutilated\s+)?bodies\b",
    "to_death": rf"\b(?P<verb>{_TO_DEATH})\s+(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,3}}?)\s+to\s+death\b",
    "own_dead": rf"\b(?P<verb>los(?:ing|t|es))\s+(?P<num>{_NUMX})(?P<noun>\s+{_OWN_DEAD})(?![\w-])",
    # victims told with a relative clause: "five militants who stormed the gate were shot dead"
    "relative": (rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{1,3}}?)\s+(?:who|that)\s+"
                 rf"(?:(?!\b(?:said|says|told|saw|witnessed|reported|killed)\b)[^,.;:!?]){{1,80}}?\s+"
                 rf"(?:were|have\s+been|had\s+been)\s+(?:(?:later|also|all|then)\s+)?(?P<verb>{_DEATH_PASSIVE})(?![\w-])"),
}
_SINGULAR = {
    "sg_passive": (rf"\b(?P<det>a|an|one|he|she)\b(?P<noun>{_NP})\s+(?:was|has\s+been|had\s+been|is)"
                   rf"\s+(?:(?:reportedly|allegedly|later|also|subsequently|then|instantly|found)\s+)?"
                   rf"(?P<verb>{_DEATH_PASSIVE})(?![\w-])"),
    "sg_died": rf"\b(?P<det>a|an|one)\b(?P<noun>{_NP})\s+(?:later\s+)?(?P<verb>died)\b",
    # "the victim was shot in the head and died", "a guard was wounded and later died"
    "sg_then_died": (rf"\b(?P<det>the|a|an|one)\b(?P<noun>{_NP})\s+was\s+(?:shot|stabbed|wounded|injured|hit|beaten"
                     rf"|attacked|struck|burned|burnt)\b[^,.;:!?]{{0,40}}?\s+and\s+(?:later\s+|subsequently\s+)?"
                     rf"(?P<verb>died|succumbed)\b"),
    # "a soldier and a militant were killed"
    "sg_list": (rf"\b(?P<det>(?:(?:a|an|one)\b(?:\s+{_NOUN}){{1,4}}?\s*(?:,|,?\s+and)\s+)+(?:a|an|one)\b)"
                rf"(?P<noun>(?:\s+{_NOUN}){{1,4}}?)\s+(?:were|have\s+been|had\s+been)\s+(?:(?:reportedly|all|also)\s+)?"
                rf"(?P<verb>{_DEATH_PASSIVE})(?![\w-])"),
    "sg_to_death": rf"\b(?P<verb>{_TO_DEATH})\s+(?P<det>a|an|one|him|her)\b(?P<noun>(?:\s+{_NOUN}){{0,3}}?)\s+to\s+death\b",
    "sg_active": (rf"\b(?P<verb>{_DEATH_ACTIVE})\s+(?P<det>a|an|one|him|her)\b"
                  rf"(?!\s+(?:few|number|couple|dozen|total|hundred|unknown|unspecified|further|additional)\b)"
                  rf"(?P<noun>(?:\s+{_NOUN}){{0,3}})"),
    "sg_body": (r"\b(?P<verb>the\s+(?:dead\s+|lifeless\s+|decomposed\s+|charred\s+)?body\s+of)\s+(?P<det>a|an|one)\b"
                r"(?P<noun>(?:\s+[A-Za-z][\w'’-]*){1,3})"),
    "sg_body_found": (r"\b(?P<det>a|an|one)\s+(?P<noun>(?:[\w'’-]+\s+){0,2}?)(?:dead\s+)?(?P<verb>body)\s+"
                      r"(?:[\w'’-]+\s+){0,5}?(?:was|has\s+been|had\s+been)\s+(?:found|discovered|recovered|retrieved)\b"),
    "sg_the_died": (rf"\b(?P<det>the|one\s+of\s+them|one\s+of\s+the\s+{_NOUN})\s+(?P<noun>(?:{_NOUN}\s+){{0,2}}?"
                    rf"(?:victim|man|woman|boy|girl|child|person|soldier|officer|policeman|civilian|driver|owner"
                    rf"|journalist|teacher|student|farmer|trader|leader|commander|chief|guard)?)\s*(?:later\s+|also\s+)?"
                    rf"(?P<verb>died|succumbed)\b"),
    # "killing the Levant Front member": a singular definite victim
    "sg_active_def": (rf"\b(?P<verb>killed|killing|kills|shot\s+dead|shooting\s+dead|murdered|murdering|gunned\s+down"
                      rf"|gunning\s+down|beheaded|beheading|lynched|lynching|assassinated|assassinating)\s+"
                      rf"(?P<det>the|his|her|their|its|a\s+local|another)\s+(?P<noun>(?:{_NOUN}\s+){{0,3}}?{_NOUN})"
                      rf"(?=\s*(?:$|[,.;:!?)]|\s(?:and|in|on|at|near|of|from|who|while|during|after|as|with|inside|outside)\b))"),
    # "resulted in the killing of the local council member"
    "sg_death_of": (rf"\b(?P<verb>(?:death|killing|murder|assassination|execution|beheading|lynching)\s+of)\s+"
                    rf"(?P<det>the|a|an|one|his|her|their|its)\s+(?P<noun>(?:{_NOUN}\s+){{0,3}}?{_NOUN})"
                    rf"(?=\s*(?:$|[,.;:!?)]|\s(?:and|in|on|at|near|of|from|who|while|during|after|as|with|by)\b))"),
    # any singular subject: "Ahmed Ali was shot dead"
    "sg_was": (rf"\b(?P<verb>(?:was|has\s+been|had\s+been)\s+(?:(?:reportedly|allegedly|later|also|subsequently|then"
               rf"|instantly)\s+)?(?:[a-z]+(?:,)?\s+and\s+)?(?:killed|shot\s+dead|murdered|assassinated|executed|beheaded|lynched|slain"
               rf"|gunned\s+down|(?:hacked|stabbed|beaten|burned|shot)\s+to\s+death|found\s+dead))(?![\w-])"),
}
_INJ = {
    "inj_passive": rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,4}}?)\s+{_AUX}(?P<verb>{_INJ_PASSIVE})\b",
    "inj_active": rf"\b(?P<verb>{_INJ_ACTIVE})\s+(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,3}})",
    "inj_noun": rf"(?P<num>{_NUMX})\s+(?:people\s+|others\s+)?(?:injuries|injured|wounded)\b",
}
_NONE = (r"\b(?:no\s+one|no-one|nobody|none)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been)\s+)?"
         r"(?:(?:reportedly|immediately)\s+)?(?:killed|died|hurt|dead|injured)"
         r"|\bno\s+(?:immediate\s+)?(?:reports?\s+of\s+)?(?:deaths|fatalities|casualties|one\s+died)\b"
         r"|\bwithout\s+(?:any\s+)?(?:casualties|fatalities|deaths)\b")
# Just before a death verb: the killing did not (yet) happen.
_UNREAL_BEFORE = (r"(?:\bto|\bwill|\bwould|\bcould|\bmight|\bmay|\bcan|\bshould|\bmust|\bwo?n't|\bcannot"
                  r"|\bnot|\bthreat\w*|\bvow\w*|\bplan\w*|\bplot\w*|\battempt\w*|\btr(?:y|ied|ying)"
                  r"|\bfor|\bof|\bwith|\bintend\w*|\baim\w*|\bwant\w*|\bseek\w*|\bsought|\bfail\w*|\brisk\w*|\bwarn\w*"
                  r"|\bfear\w*\s+(?:that|they|he|she|it)\s+(?:\w+\s+)?(?:will|would|could|might))"
                  r"(?:\s+(?:have|having|be|being|been|to|not|also))*\s+$")
# ACLED counts deaths from political violence only: not those of accidents or illness.
_ACCIDENT = (r"\s+(?:[\w'’-]+\s+){0,3}?in\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:accident|crash|collision)\b"
             r"|\s+(?:[\w'’-]+\s+){0,2}?(?:of|from|due\s+to)\s+(?:an?\s+)?(?:natural\s+causes|illness|disease|heart\s+attack"
             r"|cardiac\s+(?:arrest|attack))\b")
# A figure for a whole war or period, not one event: "has killed 400,000 since 2011".
_CUMULATIVE = (r"\bsince\s+(?:\d{4}|the\s+(?:start|beginning|outbreak)|it\s+(?:began|started))"
               r"|\bsince\s+(?:[\w'’-]+\s+){1,6}?(?:began|begun|started|erupted|broke\s+out|took\s+(?:office|power)"
               r"|came\s+to\s+power)\b"
               r"|\b(?:so\s+far\s+this\s+year|this\s+year\s+alone|to\s+date|in\s+total\s+since"
               r"|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades?)|throughout\s+the\s+war"
               r"|during\s+the\s+(?:\w+[-\s])?(?:war|conflict)|(?:war|conflict|insurgency)\s+(?:has|have|had)"
               r"\s+(?:so\s+far\s+)?(?:killed|claimed|left))")
_SUBSET = (rf"[,;(]?\s*(?:\s*-\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+"
           rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{0,3}})")
_LIST_NEXT = (rf"(?:\s*,\s*|\s*,?\s+and\s+|\s+as\s+well\s+as\s+)(?P<num>{_NUMX})"
              rf"(?P<noun>\s+of\s+(?:his|her|their|its|the)\s+{_NOUN}(?:\s+{_NOUN}){{0,2}}|(?:\s+{_NOUN}){{1,3}})")
# One more victim, maybe after the first one's name: "a community leader, Ana Ruiz, and her son".
_LIST_ONE = (r"(?:\s*,\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*,)?(?:\s*,?\s+and\s+|\s+as\s+well\s+as\s+)"
             rf"(?P<det>a|an|one|his|her|their|one\s+of\s+(?:his|her|their|its|the))\s+"
             rf"(?P<noun>(?:{_NOUN}\s+){{0,2}}{_NOUN})(?![\w-])")

_CIVILIAN = re.compile(r"civilians?|villagers?|residents?|children|child|kids?|boys?|girls?|minors?|infants?"
                       r"|babies|baby|toddlers?|schoolchildren|women|woman|worshippers?|passengers?|farmers?"
                       r"|shepherds?|herders?|fishermen|pilgrims?|patients?|pupils?|students?|teachers?|doctors?"
                       r"|nurses?|aid\s+workers?|journalists?|families|relatives|bystanders?|shoppers?|traders?"
                       r"|displaced|refugees?|migrants?|villager|family\s+members?|non-combatants?", re.I)
_CHILD = re.compile(r"children|child|kids?|boys?|girls?|minors?|infants?|babies|baby|toddlers?"
                    r"|schoolchildren|teenagers?|pupils?", re.I)
# Victim words that are not people: "killed two birds", "five-year war".
_NOT_PEOPLE = re.compile(r"^\s*(?:birds?|cows?|cattle|goats?|sheep|camels?|animals?|livestock|dogs?|horses?"
                         r"|donkeys?|chickens?|hens?|hours?|minutes?|seconds?|days?|weeks?|months?|years?"
                         r"|percent|per\s+cent|times|km|kilomet\w*|miles?|metres?|meters?|feet|yards?"
                         r"|districts?|villages?|towns?|cities|homes?|houses?|buildings?|vehicles?|cars?"
                         r"|tanks?|rounds?|shells?|rockets?|missiles?|bombs?|drones?|aircraft|jets?|planes?"
                         r"|sorties|strikes?|raids?|attacks?|incidents?|times)\b", re.I)


@dataclass
class _Mention:
    kind: str
    start: int
    end: int
    best: int
    low: int | None
    high: int | None
    noun: str
    text: str


@functools.lru_cache(maxsize=1)
def _rx() -> dict[str, re.Pattern[str]]:
    out = {k: re.compile(v, re.I) for k, v in {**_PATTERNS, **_SINGULAR, **_INJ}.items()}
    for k, v in {"none": _NONE, "unreal": _UNREAL_BEFORE, "cumulative": _CUMULATIVE,
                 "subset": _SUBSET, "list": _LIST_NEXT, "list_one": _LIST_ONE, "card": _CARD,
                 "accident": _ACCIDENT, "card_after": rf"\s+{_NUMX}(?![\w-])"}.items():
        out[k] = re.compile(v, re.I)
    out["gate"] = re.compile(r"kill|dead|death|die|slain|murder|execut|massacr|behead|lynch|assassin|gunned"
                             r"|bod(?:y|ies)|toll|fatalit|lives|perish|slaughter|injur|wound|hurt|maim"
                             r"|casualt|losing|lost|loses", re.I)
    return out


def _card_value(s: str) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of one cardinal: digits, number words or a vague quantity word."""
    t = re.sub(r"\s+", " ", s.strip().lower())
    if t in VAGUE:
        return VAGUE[t]
    if re.fullmatch(r"[\d,]+", t):
        n = int(t.replace(",", ""))
        return n, n, n
    m = re.fullmatch(r"(a|one|two|three|four) dozen", t)
    if m:
        n = 12 * (1 if m.group(1) in ("a", "one") else _UNITS[m.group(1)])
        return n, n, n
    total = 0
    words = re.split(r"[\s-]+", t)
    if "hundred" in words:
        i = words.index("hundred")
        head = words[:i]
        mult = 1 if head in (["a"], ["one"]) else _UNITS.get(head[0], 0) if len(head) == 1 else 0
        if not mult:
            return None
        total = mult * 100
        words = [w for w in words[i + 1:] if w != "and"]
    for w in words:
        if w in _TENS:
            total += _TENS[w]
        elif w in _UNITS:
            total += _UNITS[w]
        elif w:
            return None
    return (total, total, total) if total else None


def _quantity(s: str) -> tuple[int, int | None, int | None] | None:
    """(best, low, high) of a qualified number phrase such as "at least 12" or "10 to 15"."""
    t = re.sub(r"\s+", " ", s.strip())
    q = re.match(_QUAL + r"\s+", t, re.I)
    qual = q.group(0).strip().lower() if q else ""
    rest = re.sub(r"(\d)\s*[-–]\s*(\d)", r"\1 to \2", t[q.end():] if q else t)
    cards = [m.group(0) for m in _rx()["card"].finditer(re.sub(r"^between\s+", "", rest, flags=re.I))]
    if len(cards) > 1 and re.fullmatch(r"(?:19|20)\d\d", cards[0].strip()):
        cards = cards[1:]  # "July 16, 2024 - Nine civilians": a dateline's year, then the count
    vals = [v for v in (_card_value(c) for c in cards) if v]
    if not vals:
        return None
    if len(vals) >= 2 and vals[1][0] > vals[0][0]:  # a range: ACLED keeps the lower figure
        lo, hi = vals[0][0], vals[1][0]
        best, low, high = lo, lo, hi
    else:
        best, low, high = vals[0]
    if qual in ("at least", "not less than", "no fewer than", "no less than", "a minimum of", "more than",
                "over", "upwards of", "in excess of", "at least another"):
        return best, best, None
    if qual in ("up to", "as many as", "nearly", "almost", "fewer than", "less than", "under",
                "no more than", "at most", "a maximum of"):
        return best, None, best
    if qual in ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated",
                "close to", "a reported", "reportedly"):
        return best, None, None
    return best, low, high


def _ok_context(sentence: str, start: int, verb_start: int) -> bool:
    """False for threats, hypotheticals and denials before the death phrase."""
    before = sentence[max(0, min(start, verb_start) - 60):min(start, verb_start)]
    reported = re.search(r"\b(?:said|reported|believed|thought|known|understood|alleged|claimed|estimated|feared)"
                         r"\s+to\s+have\s+(?:been\s+)?$", before, re.I)
    if _rx()["unreal"].search(before) and not reported:
        return False
    between = sentence[start:verb_start]
    return not re.search(r"\b(?:could|would|might|may|should|must|will|shall|never|not)\b|n't\b"
                         r"|\bto\s+(?:have\s+)?(?:been|be)\b", between, re.I)


_PERSONS = re.compile(r"people|persons|civilians|soldiers|troops|fighters|militants|rebels|insurgents|residents"
                      r"|villagers|others|men|women|children|migrants|refugees|protesters|demonstrators|policemen"
                      r"|officers|combatants|victims|casualties|inmates|prisoners|workers|members", re.I)


def _yearlike(num: str, noun: str) -> bool:
    """A bare 1900-2099 is a year ("In 2017 alone, ...") unless people are named right after it."""
    if not re.fullmatch(r"\s*(?:19|20)\d\d\s*", num):
        return False
    words = (noun or "").split()
    return not (words and _PERSONS.fullmatch(words[0]))


def _label_before(sentence: str, pos: int) -> bool:
    """The number names a unit, road, ward...: "battalion 101", "Route 6", "No. 7"."""
    return bool(re.search(r"\b(?:battalion|brigade|division|regiment|unit|route|road|highway|no\.?|number|ward|block"
                          r"|sector|article|resolution|flight|bus|cell|room|camp|zone|plot|house|building|phase|level"
                          r"|grade|class|section|km|kilometre|kilometer|mile|gate|checkpoint|station|base|post|line"
                          r"|street|avenue|district|area|village|quarter|precinct|corps|army|squadron|company)\s*$",
                          sentence[max(0, pos - 20):pos], re.I))


def _measure_after(sentence: str, pos: int) -> bool:
    """The number measures something else: "5 km", "3 hours", "18 times", "40 percent", "24 June"."""
    return bool(re.match(r"\s*(?:-\s*)?(?:january|february|march|april|may|june|july|august|september|october"
                         r"|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|km|kilomet\w*|miles?|metres?|meters?|feet|hours?|minutes?|days?|weeks?"
                         r"|months?|years?|times|percent|per\s+cent|%|am|pm|a\.m|p\.m|gmt|o'clock|kg|tons?|tonnes?)\b",
                         sentence[pos:pos + 20], re.I))


_COLLECTIVE = {"people", "police", "staff", "crew", "family", "personnel", "militia", "group", "army", "forces",
               "population", "public", "youth", "members", "villagers", "residents", "gunmen", "men", "women",
               "children", "enemy", "government", "regime", "rebels", "troops", "patrol", "convoy", "unit"}


def _singular(noun: str) -> bool:
    """A one-person victim phrase: "Levant Front member", not "villagers" or "police"."""
    head = _head(noun)
    if not head or head in _COLLECTIVE or head.endswith("s") and not head.endswith(("ss", "us")):
        return False
    return not re.search(r"\b(?:and|or)\b", noun)


def _people(noun: str) -> bool:
    """The victim phrase's head is a person: "two village elders" are people, "two villages" not."""
    head = re.split(r"\s+of\s+", noun or "", maxsplit=1, flags=re.I)[0].split()
    return not _NOT_PEOPLE.match(head[-1] if head else "")


def _trailing_ok(sentence: str, m: re.Match[str]) -> bool:
    """A passive "killed" with no auxiliary, or after a bare "have" ("two groups have killed 21
    people": the perfect, active), must not be followed by its own object."""
    verb = m.group("verb").lower()
    if verb in ("died", "dead", "perished") or "death" in verb or "lives" in verb:
        return True
    aux = sentence[m.end("noun"):m.start("verb")].strip()
    if aux and not re.search(r"\b(?:have|has|had)$", aux, re.I):
        return True
    after = sentence[m.end():m.end() + 40]
    if _rx()["card_after"].match(after):
        return False
    return bool(re.match(r"\s*(?:$|[,.;:!?)\]\"'”’–—-]|(?:in|on|at|by|during|when|while|as|after|before|near|and"
                          r"|or|but|last|yesterday|today|this|overnight|early|late|since|following|over|across"
                          r"|inside|outside|around|amid|between|within|from|with|earlier|later|so|were|was"
                          r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|according)\b)", after))


def _mentions(sentence: str) -> tuple[list[_Mention], list[_Mention]]:
    rx = _rx()
    deaths: list[_Mention] = []
    injuries: list[_Mention] = []
    denials = [_Mention("none", m.start(), m.end(), 0, 0, 0, "", m.group(0)) for m in rx["none"].finditer(sentence)]

    def overlaps(s: int, e: int, pool: list[_Mention]) -> bool:
        return any(s < m.end and m.start < e for m in pool)

    for kind in ("toll", "passive", "relative", "among", "active", "to_death", "deaths", "deaths_of", "bodies",
                 "own_dead"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            verb_start = m.start("verb") if "verb" in m.groupdict() else m.start()
            if not _people(noun) or not _ok_context(sentence, m.start(), verb_start):
                continue
            if _measure_after(sentence, m.end("num")) or overlaps(m.start(), m.end(), denials):
                continue
            if _label_before(sentence, m.start("num")):
                continue
            if (kind == "passive" and not noun and re.match(r"\s+was\b", sentence[m.end("num"):])
                    and m.group("num").strip().lower() not in ("one", "1")):
                continue  # "battalion 101 was killed": a name, not a count
            if kind == "passive" and not _trailing_ok(sentence, m):
                continue
            verb = (m.groupdict().get("verb") or "").lower()
            if kind == "active" and verb in ("left", "leaving"):
                tail = re.match(r"(?:\s+[\w'’-]+){0,3}?\s+dead\b", sentence[m.end("num"):])
                if not tail:
                    continue
                end = m.end("num") + tail.end()
            else:
                end = m.end("noun") if noun else m.end("num")
            if kind == "active" and re.match(r"\s+(?:or|and/or)\s+(?:injured|wounded)", sentence[m.end("verb"):]):
                continue
            if kind == "passive" and re.match(r"\s+(?:or|and/or)\s+(?:injured|wounded)", sentence[m.end():]):
                continue
            if kind in ("passive", "relative", "among", "to_death", "deaths", "bodies"):
                end = max(end, m.end())
            q = _quantity(m.group("num"))
            if q is None or overlaps(m.start(), end, deaths) or _yearlike(m.group("num"), noun):
                continue
            if _rx()["accident"].match(sentence, end):
                continue
            if m.groupdict().get("self"):  # "killed himself and 12 others": the attacker died too
                q = (q[0] + 1, _add(q[1], 1), _add(q[2], 1))
            start = m.start()
            deaths.append(_Mention(kind, start, end, *q, noun=noun, text=sentence[start:end]))
    for kind in ("sg_list", "sg_passive", "sg_died", "sg_then_died", "sg_to_death", "sg_active", "sg_body", "sg_body_found", "sg_the_died",
                 "sg_active_def", "sg_death_of", "sg_was"):
        for m in rx[kind].finditer(sentence):
            if overlaps(m.start(), m.end(), deaths + denials):
                continue
            noun = (m.groupdict().get("noun") or "").strip()
            if not _people(noun):
                continue
            if kind == "sg_the_died" and m.group("det").lower() == "the" and not _singular(noun):
                continue
            if kind in ("sg_active_def", "sg_death_of") and not _singular(noun):
                continue
            if kind == "sg_active" and m.group("det").lower() == "her" and noun and not _singular(noun):
                continue  # "killed her family": a possessive, not the pronoun
            if not _ok_context(sentence, m.start(), m.start("verb")):
                continue
            if kind == "sg_was" and re.search(r"\b(?:no\s+one|nobody|none|no-one)\s+$",
                                              sentence[max(0, m.start() - 20):m.start()], re.I):
                continue
            end = m.end("noun") if kind in ("sg_active", "sg_body", "sg_active_def") and noun else m.end()
            if _rx()["accident"].match(sentence, end):
                continue
            n = len(re.findall(r"\b(?:a|an|one)\b", m.group("det"), re.I)) if kind == "sg_list" else 1
            if _head(noun) == "couple":
                n = 2
            deaths.append(_Mention(kind, m.start(), end, n, n, n, noun=noun, text=sentence[m.start():end]))
    for kind in ("inj_passive", "inj_active", "inj_noun"):
        for m in rx[kind].finditer(sentence):
            noun = (m.groupdict().get("noun") or "").strip()
            if not _people(noun) or overlaps(m.start(), m.end(), deaths + injuries + denials):
                continue
            if _measure_after(sentence, m.end("num")):
                continue
            q = _quantity(m.group("num"))
            if q is None or _yearlike(m.group("num"), noun):
                continue
            injuries.append(_Mention(kind, m.start(), m.end(), *q, noun=noun, text=m.group(0)))
    deaths.sort(key=lambda x: x.start)
    return deaths, injuries


def _extend_list(sentence: str, m: _Mention) -> list[_Mention]:
    """Further victim groups listed after an active verb: "killing three soldiers and two civilians",
    "killing her and a campaign volunteer"."""
    out = [m]
    if m.kind not in ("active", "sg_active", "sg_active_def", "sg_to_death", "to_death"):
        return out
    pos = m.end
    while (nxt := _next_victims(sentence, pos)) is not None:
        out.append(nxt)
        pos = nxt.end
    return out


def _next_victims(sentence: str, pos: int) -> _Mention | None:
    """The victim group listed at `pos`, if the list goes on there with people who died."""
    many = _rx()["list"].match(sentence, pos)
    one = None if many else _rx()["list_one"].match(sentence, pos)
    nxt = many or one
    if not nxt or not _people(nxt.group("noun")):
        return None
    if one and not (_singular(one.group("noun")) or one.group("det").lower().startswith("one")):
        return None
    if re.match(r"\s+(?:were\s+|was\s+)?(?:injured|wounded|hurt)", sentence[nxt.end():nxt.end() + 30], re.I):
        return None
    q = _quantity(nxt.group("num")) if many else (1, 1, 1)
    if q is None:
        return None
    first = nxt.start("num") if many else nxt.start("det")
    return _Mention("list", first, nxt.end("noun"), *q, noun=nxt.group("noun").strip(),
                    text=sentence[first:nxt.end("noun")])


def _prepend_list(sentence: str, m: _Mention, taken: list[_Mention]) -> list[_Mention]:
    """Victim groups listed before a passive verb: "three soldiers and two civilians were killed"."""
    if m.kind != "passive":
        return []
    out: list[_Mention] = []
    head = sentence[:m.start]
    rx = re.compile(rf"(?P<num>{_NUMX})(?P<noun>(?:\s+{_NOUN}){{1,3}})(?:\s*,\s*|\s*,?\s+and\s+)$", re.I)
    while True:
        p = rx.search(head)
        if not p or not _people(p.group("noun")) or any(p.start() < t.end and t.start < p.end() for t in taken):
            break
        q = _quantity(p.group("num"))
        if q is None or _yearlike(p.group("num"), p.group("noun")):
            break
        out.append(_Mention("list", p.start(), p.end("noun"), *q, noun=p.group("noun").strip(),
                            text=p.group(0)))
        head = head[:p.start()]
    return out


def _head(noun: str) -> str:
    words = re.findall(r"[A-Za-z][\w'’-]*", noun)
    return words[-1].lower() if words else ""


def _stem(noun: str) -> str:
    h = _head(noun)
    return h[:-1] if h.endswith("s") and not h.endswith("ss") else h


def _group_counts(group: list[_Mention]) -> tuple[int | None, int | None]:
    civ = kids = 0
    civ_seen = kid_seen = False
    for m in group:
        h = _head(m.noun)
        if h and _CIVILIAN.fullmatch(h):
            civ += m.best
            civ_seen = True
        if h and _CHILD.fullmatch(h):
            kids += m.best
            kid_seen = True
    return (civ if civ_seen else None), (kids if kid_seen else None)


def _add(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def find_casualties(sentence: str, *, offset: int = 0) -> Casualties | None:
    """Deaths (ACLED conventions), civilians, children and injured in one sentence; None if none said."""
    if not sentence or not _rx()["gate"].search(sentence):
        return None
    if _rx()["cumulative"].search(sentence):
        return None
    deaths, injuries = _mentions(sentence)
    injured = injuries[0].best if injuries else None
    if not deaths:
        none = _rx()["none"].search(sentence)
        if none and not re.search(r"injur|hurt|wound", none.group(0), re.I):
            return Casualties(text=none.group(0), best=0, low=0, high=0, injured=injured,
                              start=none.start() + offset, end=none.end() + offset)
        if injured is None:
            return None
        first = injuries[0]
        return Casualties(text=first.text, best=None, low=None, high=None, injured=injured,
                          start=first.start + offset, end=first.end + offset)

    groups: list[list[_Mention]] = []
    for m in deaths:
        grp = _prepend_list(sentence, m, deaths) + _extend_list(sentence, m)
        groups.append(sorted(grp, key=lambda x: x.start))
    # a toll is the sentence's own summary figure
    tolls = [g for g in groups if g[0].kind == "toll" or any(x.kind == "toll" for x in g)]
    if tolls:
        groups = tolls[:1]

    chosen: list[list[_Mention]] = []
    for g in groups:
        heads = {_stem(x.noun) for x in g}
        clash = next((c for c in chosen if {_stem(x.noun) for x in c} & heads
                      or not all(_head(x.noun) for x in c + g)), None)
        if clash is None:
            chosen.append(g)
        elif sum(x.best for x in g) < sum(x.best for x in clash):  # same victims told twice: lowest
            chosen[chosen.index(clash)] = g

    best = sum(x.best for g in chosen for x in g)
    low: int | None = 0
    high: int | None = 0
    civilians: int | None = None
    children: int | None = None
    for g in chosen:
        for x in g:
            low, high = _add(low, x.low), _add(high, x.high)
        c, k = _group_counts(g)
        civilians = c if civilians is None else (civilians + c if c is not None else civilians)
        children = k if children is None else (children + k if k is not None else children)

    start = min(x.start for g in chosen for x in g)
    end = max(x.end for g in chosen for x in g)
    sub = _rx()["subset"].search(sentence, start, min(len(sentence), end + 80))
    if sub and _people(sub.group("noun")):
        q = _quantity(sub.group("num"))
        h = _head(sub.group("noun"))
        if q is not None and q[0] <= best:
            if _CHILD.fullmatch(h or "-"):
                children = q[0] if children is None else max(children, q[0])
                end = max(end, sub.end("noun"))
            elif h in ("civilians", "civilian", "non-combatants", "villagers", "residents"):
                civilians = q[0] if civilians is None else max(civilians, q[0])
                end = max(end, sub.end("noun"))
            elif sub.group("noun").strip():
                end = max(end, sub.end("noun"))
    return Casualties(text=sentence[start:end], best=best, low=low, high=high, civilians=civilians,
                      children=children, injured=injured, start=start + offset, end=end + offset)


_TOLL_WORD = re.compile(r"\b(?:toll|number\s+of|fatalit(?:y|ies)|casualt(?:y|ies))\b", re.I)
_PRONOUN_VICTIM = re.compile(r"\b(?:him|her)\b", re.I)


def carry_story_tolls(events: Sequence[Event], sentences: Sequence[tuple[int, str]], published: str | None,
                      *, aside: re.Pattern[str]) -> None:
    """ACLED codes an event's toll from the whole report, not only from the sentence that names the
    event: "Rebels took the town on Tuesday. [...] He said four civilians were killed in the fighting."
    Each lethal event in `events` looks at the sentences (start offset, text) that carry its story
    on, and keeps the toll found there with that sentence's evidence span (see _better_toll). A
    sentence with a detail dated otherwise ("they arrived late on Saturday") is not the event's."""
    for ev in events:
        for start, text, other in event_story(ev, sentences, published, aside=aside):
            found = None if other else find_casualties(text, offset=start)
            if found is not None and found.best is not None:
                ev.fatalities = _better_toll(ev.fatalities, found)


def _better_toll(own: Casualties | None, found: Casualties) -> Casualties:
    """An event without a toll takes the story's; one with a toll keeps it, unless the story gives a
    lower toll for the incident (ACLED: the lowest figure when sources conflict) or names its one
    victim again among more ("killing her and a campaign volunteer")."""
    if own is None or own.best is None:
        return found
    if found.best < own.best and _TOLL_WORD.search(found.text):
        return found
    if own.best == 1 and found.best > 1 and _PRONOUN_VICTIM.search(found.text):
        return found
    return own
