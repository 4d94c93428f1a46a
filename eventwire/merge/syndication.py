"""Syndicated copies of one wire story (near-identical text on several sites), found by MinHash
over word shingles among the documents whose events are candidates. They count as ONE source
when grading corroboration and choosing the conservative toll."""
from __future__ import annotations

import functools
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .records import WORD, Report, own_text
from .settings import T
from .unionfind import UnionFind

_NUM_PERM, _SEED = 64, 7  # MinHash size and seed: fixed, so merges are reproducible


def _shingles(text: str) -> set[bytes]:
    words = [w.lower() for w in WORD.findall(text)]
    if len(words) < T.shingle:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + T.shingle]).encode() for i in range(len(words) - T.shingle + 1)}


@functools.lru_cache(maxsize=1)
def _permutations():
    # Built once so every MinHash shares the same seeds (and merges are reproducible).
    from datasketch import MinHash

    return MinHash(num_perm=_NUM_PERM, seed=_SEED, scheme="affine32").permutations


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)  # stable across runs and ~5x faster than datasketch's sha1


def _minhash(text: str):
    from datasketch import MinHash

    m = MinHash(num_perm=_NUM_PERM, seed=_SEED, hashfunc=_crc32, permutations=_permutations(), scheme="affine32")
    shingles = _shingles(text)
    if shingles:
        m.update_batch(list(shingles))
    return m


def doc_texts(recs: Sequence[Report], document_of: Callable[[str], Any] | None) -> Callable[[str], str]:
    """The text to compare a document by: its own text when known, else its evidence sentences
    (syndicated copies yield the same sentences, independent reports do not)."""
    sentences: dict[str, list[tuple[int, str]]] = defaultdict(list)
    known: dict[str, str] = {}
    for r in recs:
        text = own_text(r.doc)
        if text:
            known[r.doc_id] = text
        start = (r.event.evidence.start if r.event.evidence else 0) or 0
        sentences[r.doc_id].append((start, r.sentence))

    @functools.lru_cache(maxsize=None)
    def text(doc_id: str) -> str:
        if doc_id in known:
            return known[doc_id]
        if document_of is not None:
            fetched = own_text(document_of(doc_id))
            if fetched:
                return fetched
        return " ".join(s for _, s in sorted(set(sentences[doc_id])))

    return text


def syndication_groups(
    doc_pairs: Iterable[tuple[str, str]], text: Callable[[str], str], *, threshold: float = T.syndicated_jaccard
) -> dict[str, str]:
    """doc id -> id of its syndication group (the smallest member id), for the documents of
    `doc_pairs` whose texts are near-duplicates (estimated Jaccard of word 4-shingles)."""
    hashes: dict[str, Any] = {}

    def sig(doc_id: str):
        if doc_id not in hashes:
            hashes[doc_id] = _minhash(text(doc_id))
        return hashes[doc_id]

    uf = UnionFind()
    for a, b in sorted(set(doc_pairs)):
        if a != b and sig(a).jaccard(sig(b)) >= threshold:
            uf.union(a, b)
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id in list(uf.parent):
        groups[uf.find(doc_id)].append(doc_id)
    return {d: min(members) for members in groups.values() for d in members}
