"""Work grows linearly with the length of a document that repeats a short news paragraph (issue
11), counted (calls, comparisons: the same on every run), not timed. Each stage here held every
count, flag, mention or event against every other one of the page; each now looks only where the
answer can be, and gives what the all-pairs scan it replaces gave (property tests below)."""
import cProfile
import pstats
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.quality import tolls

TOWNS = ["Kaduna", "Kano", "Abuja", "Jos", "Maiduguri", "Sokoto", "Zaria", "Yola"]
PARAGRAPH = ("Gunmen killed {n} villagers in {town}, Nigeria, on Tuesday, police said. "
             "Protesters marched in Lagos on Wednesday against the killings, and police fired tear gas.\n\n")


def _paragraphs(repeats: int) -> str:
    return "".join(PARAGRAPH.format(n=i + 2, town=TOWNS[i % len(TOWNS)]) for i in range(repeats))


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.\n]+\.?", text)]


def _calls(run) -> int:
    prof = cProfile.Profile()
    prof.runcall(run)
    return pstats.Stats(prof).total_calls


# --- tolls: two counts for one incident ------------------------------------------------------

def _toll_flags_all_pairs(text, sentences):
    """toll_contradictions as it was: every count held against every earlier one of its kind."""
    counts = []
    for s, e in sentences:
        sent = text[s:e]
        if tolls._UPDATE_RE.search(sent) or tolls._CLAIM_RE.search(sent):
            continue
        counts += tolls._counts(text, s, e)
    flags, seen = [], set()
    for j, b in enumerate(counts):
        earlier = [a for a in counts[:j] if a.kind == b.kind and a.noun == b.noun and a.sentence != b.sentence]
        for a in earlier:
            if not (a.high < b.low or b.high < a.low):
                continue
            backref = b.definite and len(earlier) == 1
            if not backref:
                ta, tb = tolls._times(text, *a.sentence), tolls._times(text, *b.sentence)
                if ta and tb and not ta & tb:
                    continue
                pa, pb = tolls._places(text, *a.sentence), tolls._places(text, *b.sentence)
                if pa - pb and pb - pa:
                    continue
            shared = tolls._sites(text, *a.sentence) & tolls._sites(text, *b.sentence)
            if not (shared or backref) or b.span in seen:
                continue
            seen.add(b.span)
            where = f" ({sorted(shared)[0]})" if shared else ""
            flags.append((f"two counts of {b.noun} {b.kind} for the same incident{where}: "
                          f"{text[a.span[0]:a.span[1]]!r} vs {text[b.span[0]:b.span[1]]!r}",
                          [list(a.span), list(b.span)]))
    return flags


_TOLL_SENTENCES = [
    "Gunmen killed {n} villagers in {town} on {day}.",
    "The {n} people killed in {town} were buried.",
    "At least {n} people were killed at the market in {town}.",
    "{n} people were wounded near {town} on {day}.",
    "The attack on {town} left {n} dead, police said.",
    "The death toll rose to {n}, officials said.",
    "Rebels said they killed {n} soldiers.",
    "Troops killed {n} militants and wounded {m} in {town}.",
    "{n} pupils were abducted from a school in {town}.",
]


@settings(max_examples=150, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_TOLL_SENTENCES) - 1), st.integers(1, 12), st.integers(1, 12),
                          st.sampled_from(TOWNS[:3]), st.sampled_from(["Tuesday", "Monday"])),
                min_size=1, max_size=14))
def test_toll_contradictions_are_what_the_all_pairs_scan_finds(parts):
    text = " ".join(_TOLL_SENTENCES[k].format(n=n, m=m, town=town, day=day) for k, n, m, town, day in parts)
    sentences = _sentences(text)
    got = [(f.detail, f.spans) for f in tolls.toll_contradictions(text, sentences, None)]
    assert got == _toll_flags_all_pairs(text, sentences)


def test_toll_contradictions_look_at_few_earlier_counts():
    def calls(repeats: int) -> int:
        text = _paragraphs(repeats)
        return _calls(lambda: tolls.toll_contradictions(text, _sentences(text), None))

    small, large = calls(100), calls(400)
    assert large / small < 4.6, (small, large)  # 4x the paragraphs; 16x when each count meets every other


# --- what the flags cost each event's confidence --------------------------------------------------

@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["contradiction", "near_duplicate", "caption", "name_variant"]),
                          st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), min_size=1, max_size=3)),
                max_size=8),
       st.integers(0, 70), st.integers(0, 20))
def test_span_penalty_is_what_a_look_at_every_flag_finds(flags, start, length):
    from eventwire.model import Quality, QualityFlag
    from eventwire.quality import SPAN_PENALTY, SpanPenalty

    quality = Quality(flags=[QualityFlag(k, "", [[s, s + n] for s, n in spans]) for k, spans in flags], score=1.0)
    end = start + length
    kinds = {f.kind for f in quality.flags if any(s < end and start < e for s, e in f.spans)}
    want = 1.0
    for k in sorted(kinds):
        want *= SPAN_PENALTY.get(k, 1.0)
    assert abs(SpanPenalty(quality)(start, end) - want) < 1e-12


# --- mentions of one event ---------------------------------------------------------------------

def _group_all_pairs(events, headline_end=-1):
    """mentions.group as it was: each mention held against every member of every group."""
    from eventwire.extract.mentions import compatible

    groups = []
    for i, ev in sorted(enumerate(events), key=lambda x: x[1].evidence.start):
        home = next((g for g in groups if all(compatible(ev, events[j], headline_end) for j in g)), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    return groups


_PLACES = [None, ("Kano", "NGA", "Kano", 12.0, 8.5, 1, "city"), ("Kano", "NGA", "Kano", 12.05, 8.52, 2, "point"),
           ("Kano State", "NGA", "Kano", 11.7, 8.4, 3, "admin1"), ("Lagos", "NGA", "Lagos", 6.5, 3.4, 4, "city"),
           ("Nigeria", "NGA", None, 9.0, 8.0, 5, "country"), ("Accra", "GHA", "Accra", 5.6, -0.2, 6, "city"),
           ("Ikeja", "NGA", "Lagos", 6.6, 3.35, None, "city"), ("unknown", None, None, None, None, None, None)]
_DATES = [None, ("on Tuesday", "2024-04-30", None, "day"), ("on Wednesday", "2024-05-01", None, "day"),
          ("on 1 May 2024", "2024-05-01", None, "day"), ("last week", "2024-04-22", "2024-04-28", "week"),
          ("Sunday", None, None, "unresolved"), ("Monday", None, None, "unresolved"), ("in April", "2024-04-01", "2024-04-30", "month")]
_TYPES = [("Battles", "Armed clash", "FIGHT"), ("Violence against civilians", "Attack", "ASSAULT"),
          ("Protests", "Peaceful protest", "PROTEST"), ("Strategic developments", "Arrests", "COERCE"),
          ("Strategic developments", "Agreement", "AGREE"), (None, None, "CONSULT"), (None, None, "ACCUSE")]


def _event(i, type_, place, date, actor, start, dated_here):
    from eventwire.model import Actor, Event, Evidence, Place, When

    et, st_, plover = _TYPES[type_]
    p = _PLACES[place]
    d = _DATES[date]
    return Event(
        id=f"e{i}", event_type=et, sub_event_type=st_, plover_type=plover, plover_mode=None, cameo_root=None,
        actor1=None if actor is None else Actor(actor, actor or None, None, None, 0, 1), actor2=None,
        location=None if p is None else Place(p[0], p[0], p[1], p[2], p[3], p[4], p[5], p[6], 0, 1),
        date=None if d is None else When(d[0], d[1], d[2], d[3], span_start=start + 1 if dated_here else None),
        fatalities=None, civilian_targeting=False, attribution=None, hedged=False,
        evidence=Evidence("s", start, start + 20), confidence=0.5)


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_TYPES) - 1), st.integers(0, len(_PLACES) - 1),
                          st.integers(0, len(_DATES) - 1), st.sampled_from([None, "", "Police", "Army"]),
                          st.integers(0, 200), st.booleans()), max_size=16),
       st.sampled_from([-1, 30, 100]))
def test_mentions_group_as_the_all_pairs_scan_does(parts, headline_end):
    from eventwire.extract.mentions import group

    events = [_event(i, *p) for i, p in enumerate(parts)]
    assert group(events, headline_end) == _group_all_pairs(events, headline_end)


def test_mentions_of_a_repeated_paragraph_are_grouped_in_linear_work():
    from eventwire.extract.mentions import group

    def calls(repeats: int) -> int:
        events = [_event(i, i % 3, 1 + i % 5, 1 + i % 2, None, 40 * i, False) for i in range(repeats)]
        return _calls(lambda: group(events))

    small, large = calls(100), calls(400)
    assert large / small < 4.6, (small, large)


# --- one fact told twice is one event ---------------------------------------------------------

def _drop_subsumed_all_pairs(events):
    """events._drop_subsumed as it was: each event held against every other of its file."""
    import itertools

    from eventwire.extract.events import _facts, _first_equal

    facts = [_facts(ev) for ev in events]
    fields = [tuple(k for k, x in enumerate(f) if x is not None) for f in facts]
    first = _first_equal(events)
    known = {}
    for i, (ev, mine) in enumerate(zip(events, facts)):
        if ev.sub_event_type:
            for n in range(len(fields[i]) + 1):
                for part in itertools.combinations(fields[i], n):
                    known.setdefault((ev.sub_event_type, part, tuple(mine[k] for k in part)), []).append(i)
    keeper = {}
    for i, (ev, mine) in enumerate(zip(events, facts)):
        others = known.get((ev.sub_event_type, fields[i], tuple(mine[k] for k in fields[i])), []) \
            if ev.sub_event_type else []
        richer = [j for j in others if j != i and (facts[j] != mine or first[j] < first[i])]
        if richer:
            keeper[i] = max(richer, key=lambda j: len(fields[j]))
    for i in sorted(keeper, key=lambda i: len(fields[i])):
        j = keeper[i]
        events[j].evidence_spans = [*events[j].evidence_spans, events[i].evidence, *events[i].evidence_spans]
    return [ev for i, ev in enumerate(events) if i not in keeper]


def _told(parts):
    """Events of two sub-types with some of actor, place and day known; equal ones share an id."""
    from eventwire.model import Casualties

    out = []
    for i, (type_, place, date, actor, toll, start) in enumerate(parts):
        ev = _event(i, type_, place, date, actor, start, False)
        ev.fatalities = None if toll is None else Casualties(str(toll), toll, toll, toll)
        out.append(ev)
    return out


@settings(max_examples=150, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([1, 2, 5]), st.sampled_from([0, 1, 4]), st.sampled_from([0, 1, 2]),
                          st.sampled_from([None, "Police"]), st.sampled_from([None, 3]),
                          st.sampled_from([0, 40])), max_size=14))
def test_drop_subsumed_keeps_what_the_all_pairs_scan_keeps(parts):
    from eventwire.extract.events import _drop_subsumed

    events, again = _told(parts), _told(parts)
    for e in [*events, *again]:
        e.id = f"{e.sub_event_type}{e.evidence.start}"  # equal events share an id
    assert _drop_subsumed(events) == _drop_subsumed_all_pairs(again)


def test_drop_subsumed_of_repeated_paragraphs_in_linear_work():
    from eventwire.extract.events import _drop_subsumed

    def calls(repeats: int) -> int:
        events = _told([(2, 4, 2, None, None, 40 * i) for i in range(repeats)])
        return _calls(lambda: _drop_subsumed(events))

    small, large = calls(200), calls(800)
    assert large / small < 4.6, (small, large)


# --- near duplicates ----------------------------------------------------------------------------

def _candidate_pairs_all_pairs(text, sentences, actors):
    """paraphrases.candidate_pairs as it was: every two sentences sharing a rare word checked."""
    from collections import defaultdict

    from eventwire.quality import paraphrases as pp
    from eventwire.quality.thresholds import T

    idx = [i for i, (s, e) in enumerate(sentences) if pp._eligible(text, s, e)]
    if len(idx) < 2:
        return []
    body = {i: (pp._body_start(text, *sentences[i]), sentences[i][1]) for i in idx}
    toks = {i: pp._tokens(text[body[i][0]:body[i][1]]) for i in idx}
    spec = {i: pp._specifics(text, *body[i], actors) for i in idx}
    content = {i: pp._content(toks[i]) for i in idx}
    df = defaultdict(int)
    for i in idx:
        for w in content[i]:
            df[w] += 1
    rare = defaultdict(list)
    for i in idx:
        for w in content[i]:
            if df[w] <= max(T.common_min, T.common_share * len(idx)):
                rare[w].append(i)
    pairs = sorted({(i, j) for ids in rare.values() for a, i in enumerate(ids) for j in ids[a + 1:]})
    out = []
    for i, j in pairs:
        need = pp._candidate(toks[i], toks[j], spec[i], spec[j], content[i], content[j], df, len(idx))
        if need is not None:
            out.append((i, j, need))
    return out


_RETOLD = [
    "Gunmen killed {n} villagers in {town} on {day}, police said.",
    "Armed men shot dead {n} residents of {town} on {day}, officials said.",
    "Gunmen killed {n} villagers and wounded {m} in {town} on {day}, police said.",
    "The gunmen also burned houses in {town} before fleeing into the forest.",
    "Attackers set fire to homes in {town} and fled into the bush, residents said.",
    "Police said the gunmen fled after killing the villagers in {town}.",
]


@settings(max_examples=200, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_RETOLD) - 1), st.sampled_from([2, 3, 12]), st.sampled_from([4, 12]),
                          st.sampled_from(TOWNS[:3]), st.sampled_from(["Tuesday", "Monday"])), min_size=2, max_size=14),
       st.booleans())
def test_candidate_pairs_are_what_the_all_pairs_scan_finds(parts, with_actors):
    from eventwire.model import Actor
    from eventwire.quality import candidate_pairs

    text = " ".join(_RETOLD[k].format(n=n, m=m, town=town, day=day) for k, n, m, town, day in parts)
    sentences = _sentences(text)
    actors = [Actor("Gunmen", "Gunmen", None, None, m.start(), m.end()) for m in re.finditer("Gunmen", text)] \
        if with_actors else []
    assert candidate_pairs(text, sentences, actors) == _candidate_pairs_all_pairs(text, sentences, actors)


def test_candidate_pairs_of_repeated_paragraphs_in_linear_work():
    from eventwire.quality import candidate_pairs

    def calls(repeats: int) -> int:
        text = _paragraphs(repeats)
        return _calls(lambda: candidate_pairs(text, _sentences(text), []))

    small, large = calls(100), calls(400)
    assert large / small < 4.6, (small, large)
