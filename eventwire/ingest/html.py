"""HTML pages: article text and title with trafilatura, publication date with htmldate.

Both libraries get the markup itself (a string or a parsed tree), never a URL, so
nothing is fetched. The date comes from the page's metadata (meta tags, JSON-LD,
<time>, the canonical URL) with htmldate's extensive free-text search OFF: a date
found in the article body is usually an event date, and a wrong publication date is
worse than none (relative dates would resolve against it).
"""
from __future__ import annotations

import re

from ..errors import EventwireError
from ..model import InputDoc
from .text import make_id, published_value

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)


def declared_charset(head: bytes) -> str | None:
    """The encoding a page names in <meta charset> / http-equiv, if any."""
    m = _META_CHARSET.search(head[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _extract(html: str, *, favor_recall: bool):
    import trafilatura

    return trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False,
        favor_recall=favor_recall,
    )


_DROP = ("head", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template")
_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "tr",
          "br", "section", "article", "figcaption", "dd", "dt"}


def _plain_text(html: str) -> str:
    """Last resort for fragments trafilatura rejects ("<p>one sentence</p>"): the
    visible text, one line per block element, page chrome dropped."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in list(tree.iter(*_DROP)):
        el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    lines = (re.sub(r"\s+", " ", ln).strip() for ln in tree.text_content().split("\n"))
    text = "\n".join(ln for ln in lines if ln)
    return text if len(re.findall(r"[^\W_]{2,}", text)) >= 3 else ""  # markup debris is not an article


def _page_date(html: str) -> str | None:
    import lxml.html
    from htmldate import find_date

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    date = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    return date or None


def same_line(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().lower() == re.sub(r"\W+", " ", b).strip().lower()


def html_doc(html: str, *, published: str | None = None) -> InputDoc:
    """One HTML page as a document whose text starts with the title line (E006 if empty).

    `published` overrides the page's own date.
    """
    if not html.strip():
        raise EventwireError("E001", "no text")
    published = published_value(published)
    result = None
    try:
        result = _extract(html, favor_recall=False)
        if result is None or not (result.text or "").strip():
            # short pages fail the default filters; one more lenient pass
            result = _extract(html, favor_recall=True)
    except (ValueError, TypeError) as exc:  # lxml refuses some byte soups
        raise EventwireError("E006", f"the page could not be parsed: {exc}") from exc
    body = (result.text or "").strip() if result is not None else ""
    if not body:
        body, result = _plain_text(html), None
    if not body:
        raise EventwireError("E006", "no article text found in the page")
    title = ((result.title if result is not None else None) or "").strip() or None
    first = body.split("\n", 1)[0]
    text = body if title is None or same_line(first, title) else f"{title}\n\n{body}"
    if published is None:
        published = published_value(_page_date(html))
    return InputDoc(id=make_id(text), text=text, published=published, title=title,
                    url=(result.url if result is not None else None) or None,
                    source=(result.sitename if result is not None else None) or None)
