"""Coded errors, each with a one-line fix hint. Library code raises these; the CLI prints them."""
from __future__ import annotations

from .model import Error

CODES = {
    "E001": "the document is empty after cleaning: give it some article text",
    "E002": "the input is binary, not text: give a .txt, .html or document-JSONL file",
    "E003": "the input is not valid UTF-8 and could not be decoded: re-save it as UTF-8",
    "E004": "the input is larger than the size limit (EVENTWIRE_MAX_BYTES): split it",
    "E005": "the JSONL line is not a JSON object with a 'text' field: fix that line",
    "E006": "the HTML page has no extractable article text",
    "E007": "the publication date is not YYYY-MM-DD: fix --published or the 'published' field",
    "E008": "the file could not be read: check the path and permissions",
    "E009": "processing this document failed unexpectedly: report it with the document",
    "E010": "a required package or model is missing: run `make install`",
}


class EventwireError(Exception):
    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail or CODES.get(code, '')}")

    def to_error(self) -> Error:
        hint = CODES.get(self.code, "")
        message = f"{self.detail} ({hint})" if self.detail else hint
        return Error(code=self.code, message=message)
