"""Progress of a batch on stderr: a bar with the total and time left on a terminal; a plain
line every half minute when stderr is a log file or a pipe (no carriage-return floods)."""
from __future__ import annotations

import sys
import time
from typing import IO

PLAIN_EVERY_SECONDS = 30.0


class Progress:
    """`update()` once per document; `close()` at the end. `total` None when unknown."""

    def __init__(self, total: int | None, *, desc: str = "documents", quiet: bool = False,
                 stream: IO[str] | None = None, every: float = PLAIN_EVERY_SECONDS):
        self.total, self.desc, self.done = total, desc, 0
        self._stream = stream or sys.stderr
        self._every, self._start = every, time.monotonic()
        self._next = self._start + every
        self._bar = None
        self._first: float | None = None
        self._quiet = quiet
        if not quiet and _is_terminal(self._stream):
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit="doc", file=self._stream)

    def update(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)
            return
        now = time.monotonic()
        if self._first is None:  # the rate counts from the first document: model loading is no rate
            self._first = now
        if not self._quiet and now >= self._next:
            self._next = now + self._every
            self._stream.write(self.line(now - self._first) + "\n")
            self._stream.flush()

    def line(self, elapsed: float) -> str:
        """"documents: 120/500 (24%), 3.1/s, about 2 min left" (fewer parts without a total)."""
        rate = (self.done - 1) / elapsed if elapsed > 0 and self.done > 1 else 0.0
        if not self.total:
            return f"{self.desc}: {self.done}, {rate:.1f}/s"
        left = (self.total - self.done) / rate if rate > 0 else None
        eta = f", about {_duration(left)} left" if left is not None and left > 0 else ""
        return f"{self.desc}: {self.done}/{self.total} ({100 * self.done // self.total}%), {rate:.1f}/s{eta}"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{max(1, round(seconds))} s"
    if seconds < 90 * 60:
        return f"{round(seconds / 60)} min"
    return f"{seconds / 3600:.1f} h"


class Tally:
    """What a run did, for its closing line: documents, failures, documents not read (not in
    English), unreadable dates, and ids given to more than one document of the run."""

    def __init__(self) -> None:
        self.documents = self.failed = self.not_english = self.undated = self.repeated_ids = 0
        self._ids: set[str] = set()

    def add(self, doc) -> bool:
        """Count one Document (or its dict); True when its id was seen earlier in this run."""
        data = doc if isinstance(doc, dict) else {"id": doc.id, "error": doc.error,
                                                   "warnings": [w.code for w in doc.warnings]}
        self.documents += 1
        self.failed += bool(data.get("error"))
        codes = {w if isinstance(w, str) else (w or {}).get("code") for w in data.get("warnings") or []}
        self.not_english += "W002" in codes
        self.undated += "W001" in codes
        repeated = data.get("id") in self._ids
        self.repeated_ids += repeated
        self._ids.add(data.get("id"))
        return repeated

    def notes(self) -> list[str]:
        """The parts of the closing line beyond new/unchanged/failed, when there is something to say."""
        notes = []
        if self.not_english:
            notes.append(f"{self.not_english} not in English (stored without events, W002)")
        if self.undated:
            notes.append(f"{self.undated} with an unreadable date (W001)")
        if self.repeated_ids:
            notes.append(f"{self.repeated_ids} with the id of an earlier document of this run (W003)")
        return notes
