"""What the page-quality stage costs: extract() with vs without quality, and quality alone
against the spaCy parse of the same texts.

    .venv/bin/python bench/quality.py [FILES...]      (default: demo/*.txt, tests/data/quality{,_dev}/*/*.txt)

Prints per-run milliseconds per document and the ratio. Each variant runs once to warm up
(models load), then is timed over `--rounds` passes.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _texts(paths: list[str]) -> list[str]:
    if not paths:
        files = (sorted(ROOT.glob("demo/*.txt")) + sorted(ROOT.glob("tests/data/quality/*/*.txt"))
                 + sorted(ROOT.glob("tests/data/quality_dev/*/*.txt")))
    else:
        files = [Path(p) for p in paths]
    return [f.read_text(encoding="utf-8") for f in files]


def _time(fn, items, rounds: int) -> float:
    for x in items[:2]:
        fn(x)
    t = time.perf_counter()
    for _ in range(rounds):
        for x in items:
            fn(x)
    return (time.perf_counter() - t) / (rounds * len(items)) * 1000


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    texts = _texts(a.files)

    from eventwire.clean import clean
    from eventwire import quality
    from eventwire.extract.quotes import find_quotes
    from eventwire.model import Quality
    from eventwire.nlp import load

    nlp = load()
    prepared = []
    for raw in texts:
        c = clean(raw)
        doc = nlp(c.text)
        prepared.append((c, doc))

    def parse_only(raw: str) -> None:
        nlp(clean(raw).text)

    def quality_only(item) -> None:
        c, doc = item
        sents = [(s.start_char, s.end_char) for s in doc.sents]
        quotes = find_quotes(c.text, sents, [])
        quality.assess(c.text, sents, c.removed, [], quotes)

    n_sent = sum(len(list(d.sents)) for _, d in prepared)
    n_emb = sum(len({k for p in quality.candidate_pairs(c.text, [(s.start_char, s.end_char) for s in d.sents], [])
                     for k in p[:2]}) for c, d in prepared)
    print(f"{len(texts)} documents, {n_sent} sentences, {n_emb} embedded by the near-duplicate check "
          f"({100 * n_emb / max(1, n_sent):.0f}%)")

    t_parse = _time(parse_only, texts, a.rounds)
    t_quality = _time(quality_only, prepared, a.rounds)
    print(f"clean+spaCy parse : {t_parse:7.1f} ms/doc")
    print(f"quotes+quality    : {t_quality:7.1f} ms/doc   ratio {t_quality / t_parse:.2f}")

    try:
        from eventwire import pipeline
    except ImportError:
        return
    from eventwire import quality as qmod

    def full(raw: str) -> None:
        pipeline.extract(raw)

    # Time the quality stage where the pipeline calls it, and the whole extract around it;
    # with and without quality alternate round by round so warm caches favour neither.
    real = qmod.assess
    spent = [0.0]

    def timed(*args, **kw):
        t = time.perf_counter()
        try:
            return real(*args, **kw)
        finally:
            spent[0] += time.perf_counter() - t

    def skipped(*args, **kw):
        return Quality()

    try:
        for x in texts[:2]:
            full(x)
        with_t = without_t = 0.0
        for _ in range(a.rounds):
            for fake, bucket in ((timed, "with"), (skipped, "without")):
                qmod.assess = fake
                t = time.perf_counter()
                for x in texts:
                    full(x)
                dt = time.perf_counter() - t
                if bucket == "with":
                    with_t += dt
                else:
                    without_t += dt
    except Exception as exc:  # the pipeline is other stages' work in progress
        print(f"pipeline.extract failed: {type(exc).__name__}: {exc}")
        return
    finally:
        qmod.assess = real
    n = a.rounds * len(texts)
    t_with, t_without, t_assess = with_t / n * 1000, without_t / n * 1000, spent[0] / n * 1000
    print(f"extract without quality: {t_without:7.1f} ms/doc")
    print(f"extract with quality   : {t_with:7.1f} ms/doc   (+{100 * (t_with / t_without - 1):.0f}%)")
    print(f"assess() inside extract: {t_assess:7.1f} ms/doc   "
          f"= {100 * t_assess / (t_with - t_assess):.0f}% of extract without it")


if __name__ == "__main__":
    main()
