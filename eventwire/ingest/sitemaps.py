"""Sitemaps (sitemaps.org, with Google News' <news:news> extension): the addresses they list.

A sitemap holds addresses, not text, so its pages are fetched (ingest/remote.py); a sitemap
index lists further sitemaps. Read with lxml with entities and the network off: a sitemap
from anywhere cannot make the parser read a local file or another address.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import EventwireError
from .feeds import root_element

_ROOTS = {"urlset", "sitemapindex"}


def looks_like_sitemap(head: bytes) -> bool:
    """True when the first element is <urlset> or <sitemapindex>."""
    return root_element(head) in _ROOTS


@dataclass(frozen=True)
class Page:
    url: str
    title: str | None = None      # <news:title>
    published: str | None = None  # <news:publication_date>; <lastmod> is a change, not a publication


@dataclass(frozen=True)
class Sitemap:
    pages: list[Page]
    sitemaps: list[str]  # the sitemaps an index lists


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el, name: str) -> str | None:
    for child in el.iter():
        if _local(child.tag) == name and (child.text or "").strip():
            return child.text.strip()
    return None


def parse_sitemap(data: bytes, *, name: str = "-") -> Sitemap:
    """The pages (and, for an index, the sitemaps) a sitemap lists; E015 when it is none."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise EventwireError("E015", f"{name}: not a well-formed sitemap ({exc})") from exc
    kind = _local(root.tag)
    if kind not in _ROOTS:
        raise EventwireError("E015", f"{name}: <{kind}> is not a sitemap (<urlset> or <sitemapindex>)")
    pages, sitemaps = [], []
    for el in root:
        loc = _child_text(el, "loc")
        if not loc:
            continue
        if _local(el.tag) == "sitemap":
            sitemaps.append(loc)
        elif _local(el.tag) == "url":
            pages.append(Page(loc, title=_child_text(el, "title"), published=_child_text(el, "publication_date")))
    return Sitemap(pages, sitemaps)
