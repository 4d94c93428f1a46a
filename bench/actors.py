"""Actor finding cost, as a ratio to parsing the same text with the same spaCy pipeline (one run,
so machine noise hits both alike). Replaces a wall-clock unit test: timing belongs in bench/."""
from __future__ import annotations

import time

from eventwire.nlp import load
from eventwire.resolve.actors import find_actors

PARA = ("Syrian government forces backed by Russian warplanes pushed into rebel-held areas on Tuesday, "
        "the Syrian Observatory for Human Rights said. Activists reported that Jabhat Fateh al-Sham "
        "fighters and the Free Syrian Army shelled government positions while Moscow and Tehran held "
        "talks, and rights groups condemned the strikes. ")


def main(runs: int = 10) -> None:
    nlp = load()
    text = PARA * 25
    start = time.perf_counter()
    for _ in range(runs):
        doc = nlp(text)
    parse = (time.perf_counter() - start) / runs
    find_actors(doc)  # loads the dictionary
    start = time.perf_counter()
    for _ in range(runs):
        find_actors(doc, context_country="SYR")
    actors = (time.perf_counter() - start) / runs
    words = sum(1 for t in doc if t.is_alpha)
    print(f"find_actors: {actors / words * 1000 * 1000:.2f} ms per 1000 words; "
          f"{actors / parse:.3f}x the parse of the same text")


if __name__ == "__main__":
    main()
