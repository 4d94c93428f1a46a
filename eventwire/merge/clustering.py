"""Union-find over the scored pairs, best pair first, where a merge is refused when the merged
cluster would span more than a town, more than a few days, two countries or two provinces.
That stops a vague "across Kenya" report from chaining the Nairobi and Kisumu marches of the
same day into one incident. Two articles that nearly match on several of their reports are
taken to tell one story (`_supported`). Last, a vague cluster (no town or no day) joins a
cluster it nearly matches when that is its only near match."""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..geo import haversine_km
from .blocking import candidate_pairs
from .records import Report
from .scoring import copied, date_score, place_score, score, similarities, threshold
from .settings import S, T
from .story import elaborations
from .syndication import doc_texts, syndication_groups
from .unionfind import UnionFind


@dataclass(slots=True)
class _Span:
    """What a cluster covers, to refuse merges that would make it implausibly wide."""

    lat0: float = math.inf
    lat1: float = -math.inf
    lon0: float = math.inf
    lon1: float = -math.inf
    day0: int = 10 ** 9
    day1: int = -(10 ** 9)
    countries: frozenset = frozenset()
    admin1s: frozenset = frozenset()

    @classmethod
    def of(cls, r: Report) -> "_Span":
        s = cls()
        if r.place_rank == 0:
            s.lat0 = s.lat1 = r.lat
            s.lon0 = s.lon1 = r.lon
        if r.date_kind == "day":
            s.day0, s.day1 = r.d0, r.d1
        s.countries = frozenset([r.country]) if r.country and r.place_rank < 3 else frozenset()
        s.admin1s = frozenset([(r.country, r.admin1)]) if r.admin1 and r.place_rank <= 1 else frozenset()
        return s

    def vague(self) -> bool:
        """No town-level place or no day among the cluster's reports."""
        return self.lat1 < self.lat0 or self.day1 < self.day0

    def join(self, o: "_Span") -> "_Span | None":
        s = _Span(min(self.lat0, o.lat0), max(self.lat1, o.lat1), min(self.lon0, o.lon0),
                  max(self.lon1, o.lon1), min(self.day0, o.day0), max(self.day1, o.day1),
                  self.countries | o.countries, self.admin1s | o.admin1s)
        if len(s.countries) > 1 or len(s.admin1s) > 1:
            return None
        if s.day1 >= s.day0 and s.day1 - s.day0 > T.cluster_max_days:
            return None
        if s.lat1 >= s.lat0 and haversine_km(s.lat0, s.lon0, s.lat1, s.lon1) > T.cluster_max_km:
            return None
        return s


def cluster(recs: Sequence[Report], similarity: str, document_of: Callable[[str], Any] | None,
            story: Sequence[tuple[float, int, int]] = ()) -> tuple[list[list[int]], dict[str, str]]:
    """Clusters of report indexes, and doc id -> syndication group."""
    pairs = sorted(candidate_pairs(recs))
    # Cheap field checks first, so only plausible pairs pay for a similarity.
    plausible = [(i, j) for i, j in pairs
                 if place_score(recs[i], recs[j]) is not None and date_score(recs[i], recs[j]) is not None]
    # Copies of one wire story share its sentences word for word; only documents that share
    # a reported sentence are compared whole.
    doc_pairs = {(recs[i].doc_id, recs[j].doc_id) if recs[i].doc_id < recs[j].doc_id else
                 (recs[j].doc_id, recs[i].doc_id)
                 for i, j in plausible
                 if recs[i].doc_id != recs[j].doc_id and copied(recs[i], recs[j])}
    groups = syndication_groups(doc_pairs, doc_texts(recs, document_of))
    sims, lexical = similarities(recs, plausible, similarity)
    scored: list[tuple[float, int, int]] = []
    weaker: list[tuple[float, int, int]] = []  # below the threshold, but enough if unambiguous
    for (i, j), sim in zip(plausible, sims):
        a, b = recs[i], recs[j]
        ga, gb = groups.get(a.doc_id, a.doc_id), groups.get(b.doc_id, b.doc_id)
        if ga == gb and a.doc_id != b.doc_id and copied(a, b):
            scored.append((S.copied_sentence, i, j))  # the same wire sentence on two sites: one report
            continue
        s = score(a, b, sim, lexical)
        if s is None:
            continue
        needed = threshold(a, b)
        if s >= needed:
            scored.append((s, i, j))
        elif s >= needed - T.unambiguous_margin:
            weaker.append((s, i, j))
    scored.extend(_supported(recs, scored, weaker))
    scored.extend(elaborations(recs))
    scored.extend(story)
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    uf = UnionFind()
    spans = {i: _Span.of(r) for i, r in enumerate(recs)}

    def join(i: int, j: int) -> None:
        ri, rj = uf.find(i), uf.find(j)
        if ri != rj:
            joined = spans[ri].join(spans[rj])
            if joined is not None:
                spans[uf.union(ri, rj)] = joined

    for _, i, j in scored:
        join(i, j)
    _attach_unambiguous(weaker, uf, spans, join)
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        clusters[uf.find(i)].append(i)
    return list(clusters.values()), groups


def _supported(recs: Sequence[Report], scored: Sequence[tuple[float, int, int]],
               weaker: Sequence[tuple[float, int, int]]) -> list[tuple[float, int, int]]:
    """Near misses between two articles that agree on more than one of their reports: the
    headline, the lead and the toll sentence of one story each nearly match the other's, which
    two stories of different incidents seldom do. The best such pair of each two articles is
    taken, scored as just enough."""
    support: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    for t in (*scored, *weaker):
        a, b = recs[t[1]], recs[t[2]]
        if a.doc_id != b.doc_id:
            support[(a.doc_id, b.doc_id) if a.doc_id < b.doc_id else (b.doc_id, a.doc_id)].append(t)
    out = []
    for key, pairs in support.items():
        left = {i if recs[i].doc_id == key[0] else j for _, i, j in pairs}
        right = {j if recs[j].doc_id == key[1] else i for _, i, j in pairs}
        if min(len(left), len(right)) >= T.doc_support:
            s, i, j = max(pairs, key=lambda t: (t[0], -t[1], -t[2]))
            out.append((min(s, T.threshold), i, j))
    return out


def _attach_unambiguous(weaker: list[tuple[float, int, int]], uf: UnionFind, spans: dict,
                        join: Callable[[int, int], None]) -> None:
    """A cluster that is vague (no town, or no day) joins the one cluster it nearly matches
    when there is exactly one: "a suicide bombing in Pakistan on Tuesday" is the Mastung
    bombing when that is the only one reported, and stays alone when Quetta had one too."""
    targets: dict[int, set[int]] = defaultdict(set)
    best: dict[tuple[int, int], tuple[int, int]] = {}
    for _, i, j in sorted(weaker, key=lambda t: (-t[0], t[1], t[2])):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            continue
        for src, dst, pair in ((ri, rj, (i, j)), (rj, ri, (i, j))):
            if spans[src].vague():
                targets[src].add(dst)
                best.setdefault((src, dst), pair)
    for src in sorted(targets):
        if len(targets[src]) == 1:
            join(*best[(src, next(iter(targets[src])))])
