"""Coded errors and warnings, each with a one-line fix hint. Library code raises the errors; the
CLI prints them. A document with an error (E…) is stored without its text; a warning (W…) keeps
the document and says what was left out of it."""
from __future__ import annotations

from .model import Error

CODES = {
    "E001": "the document is empty after cleaning: give it some article text",
    "E002": "the input is binary, not text: give a .txt, .html or document-JSONL file",
    "E003": "the input is not valid UTF-8 and could not be decoded: re-save it as UTF-8",
    "E004": "the input is larger than the size limit (EVENTWIRE_MAX_BYTES): split it",
    "E005": "the JSONL line is not a JSON object with a 'text' field: fix that line",
    "E006": "the HTML page has no extractable article text",
    "E007": "the publication date could not be read: give YYYY-MM-DD or a written date (17 December 2016)",
    "E008": "the file could not be read: check the path and permissions",
    "E009": "processing this document failed unexpectedly: report it with the document",
    "E010": "a required package or model is missing: run `make install`",
    "E011": "the document holds text that is not valid Unicode, a lone surrogate such as \\ud800: fix the source",
    "E012": "the article is longer than the language pipeline reads at once: split it",
    "E013": "the address could not be fetched (network error, HTTP error status or time limit): check it, or try later",
    "E014": "the site's robots.txt does not allow fetching this address (or could not be read, which counts as a no)",
    "E015": "the feed, sitemap, URL list or WARC file could not be read as one: check its format",
    "E016": "extracting this document took more processor time than the limit (EVENTWIRE_DOC_TIMEOUT seconds): split it, or raise the limit",
    "W001": "the publication date could not be read: it is left empty and kept as written in published_raw",
    "W002": "the document is not in English: it is stored without events, as only English is read for now",
    "W003": "another document of this run had the same id: the later one replaced it",
    "W004": "the page's declared charset (<meta charset> or Content-Type) reads it as mojibake: it was read in the charset its bytes fit; check the text",
}


class EventwireError(Exception):
    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail or CODES.get(code, '')}")

    def to_error(self) -> Error:
        return note(self.code, self.detail)


def note(code: str, detail: str = "") -> Error:
    """The record of an error or warning: its code, the detail and the fix hint."""
    hint = CODES.get(code, "")
    return Error(code=code, message=f"{detail} ({hint})" if detail else hint)
