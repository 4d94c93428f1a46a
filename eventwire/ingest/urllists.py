"""URL lists (`.urls`): one address per line; blank lines and `#` comments skipped.

The addresses are fetched (ingest/remote.py): the user named them by giving the list.
"""
from __future__ import annotations

from typing import Iterator

from .fetch import is_url
from .text import decode_bytes


def read_url_list(data: bytes) -> Iterator[tuple[int, str, bool]]:
    """(line number, the line, whether it is an http(s) address) per address line."""
    for number, line in enumerate(decode_bytes(data).splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            yield number, line, is_url(line)
