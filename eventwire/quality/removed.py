"""Flags summarising what `clean` removed: boilerplate, captions, duplicate paragraphs."""
from __future__ import annotations

import re
from collections import defaultdict

from ..lexicon import regex
from ..model import QualityFlag, Removed
from .thresholds import T

_CAPTION_RE = regex("photo_label", re.I)


def removed_flags(removed: list[Removed]) -> list[QualityFlag]:
    by_reason: dict[str, list[str]] = defaultdict(list)
    for r in removed:
        reason = r.reason
        # A photo caption or credit line is a caption whatever clean filed it under.
        if reason == "boilerplate" and _CAPTION_RE.match(r.text.strip()):
            reason = "caption"
        by_reason[reason].append(r.text.strip())
    flags = []
    for reason in ("boilerplate", "caption", "duplicate"):
        items = by_reason.get(reason)
        if items:
            shown = "; ".join(repr(t[:T.detail_chars]) for t in items[:T.detail_items])
            more = f" (+{len(items) - T.detail_items} more)" if len(items) > T.detail_items else ""
            flags.append(QualityFlag(reason, f"{len(items)} removed: {shown}{more}", []))
    return flags

