"""HTML pages: article text and title with trafilatura, publication date with htmldate.

Both libraries get the markup itself (a string or a parsed tree), never a URL, so
nothing is fetched. The date comes from the page's metadata (meta tags, JSON-LD,
<time>, the canonical URL) with htmldate's extensive free-text search OFF: a date
found in the article body is usually an event date, and a wrong publication date is
worse than none (relative dates would resolve against it).
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import EventwireError
from ..model import InputDoc
from .text import decoded_page, make_id, published_value

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


def _parser():
    import lxml.html

    # libxml2 stops reading a page nested deeper than 256 elements unless told it is huge (then
    # 2,048): a page of wrappers in wrappers would lose its article
    return lxml.html.HTMLParser(huge_tree=True, collect_ids=False, default_doctype=False,
                                remove_comments=True, remove_pis=True)


def _deep_tree(html: str):
    """The page parsed past the default depth limit, when it is nested deeper than that
    (None otherwise: a page of ordinary depth is left to trafilatura's own parsing)."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html, parser=_parser())
    except (ValueError, lxml.etree.ParserError):
        return None
    stack = [(tree, 0)]
    while stack:
        el, depth = stack.pop()
        if depth > _LIBXML_DEPTH:
            return tree
        stack.extend((child, depth + 1) for child in el)
    return None


_LIBXML_DEPTH = 255


class _Text(HTMLParser):
    """The visible text of a page by its tags alone, however deep they are nested (no tree)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in _DROP
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _DROP and self._skip:
            self._skip -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def _streamed_text(html: str) -> str:
    reader = _Text()
    reader.feed(html)
    reader.close()
    return "".join(reader.parts)


def _plain_text(html: str) -> str:
    """Last resort for fragments trafilatura rejects ("<p>one sentence</p>"): the
    visible text, one line per block element, page chrome dropped."""
    import lxml.html

    try:
        tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in list(tree.iter(*_DROP)):
        el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    # a page deeper than even a huge tree goes loses its article: then read the tags as they come
    return _words_or_nothing(tree.text_content()) or _words_or_nothing(_streamed_text(html))


def _words_or_nothing(text: str) -> str:
    lines = (re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n"))
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
    if not body and (deep := _deep_tree(html)) is not None:
        result = _extract(deep, favor_recall=True)
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


def html_page(data: bytes, *, declared: str | None, published: str | None = None) -> InputDoc:
    """One HTML page from its bytes and the charset it declares (header or <meta>): W004 when
    that charset reads the page as mojibake, which is then read in the one that fits."""
    text, warnings = decoded_page(data, declared)
    doc = html_doc(text, published=published)
    doc.warnings = warnings
    return doc
