"""Time against document length (issue 11): seconds per 10k words for documents of about 10k,
100k and 1M characters, in the two shapes that were superlinear (one unpunctuated sentence; many
distinct paragraphs, each with its events, actors and places). Linear time gives flat rows and
a growth line near 1.

    .venv/bin/python bench/scaling.py [--sizes 10000 100000 1000000] [--shape sentence paragraphs]

Times are CPU seconds of this process (the machine may be shared: wall-clock would measure the neighbours).

The per-document time limit is off here (doc_timeout 0): the point is to see the growth.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

os.environ["EVENTWIRE_DOC_TIMEOUT"] = "0"

from eventwire.model import InputDoc  # noqa: E402
from eventwire.pipeline import process  # noqa: E402

WORDS = ("police protesters attacked the village near Kano and soldiers fired at the crowd killing many "
         "people in Lagos while rebels clashed with troops").split()
PARAGRAPH = ("Gunmen killed {n} villagers in {town}, Nigeria, on Tuesday, police said. "
             "Protesters marched in Lagos on Wednesday against the killings, and police fired tear gas.\n\n")
TOWNS = ["Kaduna", "Kano", "Abuja", "Jos", "Maiduguri", "Sokoto", "Zaria", "Yola"]
LIMIT = 990_000  # under spaCy's max_length (1,000,000 characters, E012 above it)


def sentence(chars: int) -> str:
    rng = random.Random(0)
    out, size = [], 0
    while size < min(chars, LIMIT):
        w = rng.choice(WORDS)
        out.append(w)
        size += len(w) + 1
    return " ".join(out)


def paragraphs(chars: int) -> str:
    out, size, i = [], 0, 0
    while size < min(chars, LIMIT):
        p = PARAGRAPH.format(n=i + 2, town=TOWNS[i % len(TOWNS)])
        out.append(p)
        size, i = size + len(p), i + 1
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--shape", nargs="+", default=["sentence", "paragraphs"], choices=["sentence", "paragraphs"])
    a = ap.parse_args()
    list(process([InputDoc(id="warm", text="Gunmen killed 3 people in Kano, Nigeria, on Monday.")]))
    print(f"{'shape':<11} {'characters':>10} {'words':>8} {'seconds':>8} {'s per 10k words':>16} {'events':>7}")
    for shape in a.shape:
        per_word = []
        for size in a.sizes:
            text = (sentence if shape == "sentence" else paragraphs)(size)
            words = len(text.split())
            t = time.process_time()
            (doc,) = process([InputDoc(id=f"{shape}-{size}", text=text, published="2024-05-01")])
            s = time.process_time() - t
            note = f"  error {doc.error.code}" if doc.error else ""
            print(f"{shape:<11} {len(text):>10,} {words:>8,} {s:>8.1f} {s / words * 10_000:>16.2f} "
                  f"{len(doc.events):>7}{note}", flush=True)
            per_word.append(s / words)
        if len(per_word) > 1 and per_word[0] > 0:
            # the one line to read: 1.0 is linear; a stage that rescans the document per mention
            # makes it grow with the size ratio
            print(f"{shape:<11} growth: time per word at {a.sizes[-1]:,} / at {a.sizes[0]:,} characters = "
                  f"{per_word[-1] / per_word[0]:.2f} (linear: 1.00)", flush=True)


if __name__ == "__main__":
    main()
