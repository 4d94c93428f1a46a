"""A time limit on one document's work: a document that takes too long becomes its own error
(E016) and the batch goes on.

The clock is the process's processor time (ITIMER_PROF, SIGPROF), not the wall clock: a document
fails for the work it asks, never because the machine is busy with other programs (time spent
in the embedder's threads counts too). The limit holds where signals can be used: in a program's
main thread on a POSIX system (the CLI and each `--workers` process). Elsewhere (a thread of
another program, Windows) documents run unlimited. An expired limit is raised between two Python
steps: one long call into native code (the parser, the embedder) finishes first.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterator

from .errors import EventwireError
from .settings import SETTINGS, get


class _Expired(BaseException):
    """Not an Exception: a stage's own `except Exception` must not swallow the expiry."""


def seconds_setting() -> float:
    """The doc_timeout setting in seconds (0: no limit); the default when not a number >= 0."""
    try:
        value = float(get("doc_timeout"))
    except ValueError:
        value = -1.0
    return value if value >= 0 else float(SETTINGS["doc_timeout"].default)


def _usable() -> bool:
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            # a timer the calling program set (a sampling profiler) is its own: leave it alone
            and signal.getitimer(signal.ITIMER_PROF)[0] == 0)


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise EventwireError E016 when the body runs longer than `seconds` (0: no limit).
    Never yield a generator's item inside it: the clock would run while the caller works."""
    if seconds <= 0 or not _usable():
        yield
        return
    armed = True

    def expire(signum, frame):
        if armed:  # the body may have just ended: then the expiry comes too late to matter
            raise _Expired

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
        armed = False
    except _Expired:
        raise EventwireError("E016", f"over {seconds:g} seconds of processor time") from None
    finally:
        armed = False
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
