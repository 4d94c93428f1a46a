"""Plain-text documents, and the byte-level checks every format shares.

Decoding policy (E002/E003), in order:
1. NUL bytes (outside a UTF-16 BOM file), a known binary signature (PDF, ZIP, gzip,
   PNG, JPEG, GIF, ELF) or more than 5% control bytes in the first 8 KB -> E002 binary;
2. a UTF-16 BOM -> UTF-16; otherwise strict UTF-8 (a UTF-8 BOM is dropped);
3. if UTF-8 fails: an encoding the container declares (HTML <meta charset>), then
   charset-normalizer's best guess, accepted only when its chaos score is low, the text
   is plausible (almost no control, private-use or replacement characters) and ASCII
   letters survive; for the Latin family it guesses, cp1252 is preferred; last, cp1252
   for mostly-ASCII text whose other characters are letters/punctuation. Else E003.
The text itself is never altered beyond decoding: cleaning happens in eventwire.clean.
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import re
import unicodedata

from ..datafiles import read_yaml
from ..errors import EventwireError, note
from ..model import Error, InputDoc
from .dates import raw_value, read_date

_SIGNATURES = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
               b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"BZh")
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
SNIFF_BYTES = 8192
MAX_TITLE_CHARS = 300


def looks_binary(head: bytes, *, lines: bool = False) -> bool:
    """True for bytes that are not text in any encoding we accept (see module doc).

    `lines`: the head of a JSONL batch, judged line by line later, where a stray NUL spoils
    only its own line, not the whole file."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith(_SIGNATURES) or (b"\x00" in head and not lines):
        return True
    sample = head[:SNIFF_BYTES]
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls / len(sample) > 0.05


def _implausible(text: str) -> bool:
    """Share of characters no real article contains (controls, private use, U+FFFD)."""
    if not text:
        return False
    bad = sum(1 for ch in text if (unicodedata.category(ch) in {"Cc", "Co", "Cn", "Cs"} and ch not in "\t\n\r\x0b\x0c")
              or ch == "\ufffd")
    return bad / len(text) > 0.01


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Bytes -> str under the policy in the module doc; raises EventwireError E002/E003.

    `declared` is an encoding the container names (an HTML <meta charset>), tried
    after UTF-8.
    """
    if looks_binary(data[:SNIFF_BYTES]):
        raise EventwireError("E002", "binary content (NUL or control bytes, or a binary file signature)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EventwireError("E003", f"broken UTF-16: {exc.reason}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_error = exc
    if declared:
        try:
            text = data.decode(declared)
            if not _implausible(text):
                return text
        except (LookupError, UnicodeDecodeError):
            pass
    guessed = _guess_decode(data)
    if guessed is not None:
        return guessed
    raise EventwireError("E003", f"not UTF-8 (byte {first_error.start}) and no plausible legacy encoding")


def decoded_page(data: bytes, declared: str | None) -> tuple[str, list[Error]]:
    """A page's text, and a warning (W004) when the charset it declares reads its bytes as
    mojibake while another one reads them as text: then the text is the other reading."""
    text = decode_bytes(data, declared=declared)
    if not declared or _utf8(data):
        return text, []
    if not _reads_badly(data, declared):
        western = _western_reading(data, declared, text)
        if western is None:
            return text, []
        return western, [note("W004", f"declared {declared!r}, which reads this page as mojibake")]
    guessed = _guess_decode(data)
    if guessed is None or guessed == text:
        return text, []
    return guessed, [note("W004", f"declared {declared!r}, which reads this page as mojibake")]


@functools.lru_cache(maxsize=1)
def _decoding() -> dict:
    return read_yaml("decoding.yaml")


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def _reads_badly(data: bytes, declared: str) -> bool:
    from charset_normalizer import from_bytes

    try:
        match = from_bytes(data, cp_isolation=[declared]).best()
    except (LookupError, ValueError):
        return False
    return match is not None and match.chaos > _decoding()["declared_max_chaos"]


def _western_reading(data: bytes, declared: str, text: str) -> str | None:
    """The cp1252 (latin-1) reading of a page its declared Latin charset reads as the wrong
    letters, else None: see data/decoding.yaml."""
    cfg = _decoding()
    try:
        if codecs.lookup(declared).name not in cfg["western_misdeclared_as"] or data.decode(declared) != text:
            return None
    except (LookupError, UnicodeDecodeError):
        return None
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = data.decode("latin-1")
    if _implausible(western):
        return None
    # the letters beyond ASCII of either reading, as the two read them: all of them, since a
    # misreading's few changed letters may each be some language's ("España" as "Espańa")
    pairs = [(a.lower(), b.lower()) for a, b in zip(text, western) if _extra_letter(a) or _extra_letter(b)]
    if sum(1 for a, b in pairs if a != b) < cfg["western_min_letters"]:
        return None
    alphabets = [set(letters) for letters in cfg["latin_alphabets"].values()]
    declared_share, western_share = (max(sum(1 for p in pairs if p[i] in a) for a in alphabets) / len(pairs)
                                     for i in (0, 1))
    if western_share >= cfg["western_min_share"] and western_share - declared_share >= cfg["western_min_gain"]:
        return western
    return None


def _extra_letter(ch: str) -> bool:
    return not ch.isascii() and unicodedata.category(ch).startswith("L")


# charset-normalizer often hesitates between these for Western text; cp1252 is by far
# the most common legacy encoding of English news, so it wins when it decodes cleanly.
_LATIN_FAMILY = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9",
                 "cp1257", "iso8859_4", "iso8859_13", "mac_roman", "cp850", "cp437"}


def _ascii_letters(data: bytes) -> int:
    return sum(1 for b in data if 65 <= b <= 90 or 97 <= b <= 122)


def _keeps_ascii(data: bytes, text: str) -> bool:
    """A real decoding of mostly-ASCII bytes leaves the ASCII letters alone (a UTF-16 or
    CJK misreading of Western text does not)."""
    if sum(1 for b in data if b < 128) < 0.5 * len(data):
        return True  # mostly non-ASCII: ASCII-range bytes may be multi-byte trail bytes
    return sum(1 for ch in text if ch.isascii() and ch.isalpha()) >= 0.9 * _ascii_letters(data)


def _clean_cp1252(data: bytes) -> str | None:
    """cp1252 for mostly-ASCII text whose few other characters are letters or punctuation."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if sum(1 for b in data if b < 128) < 0.75 * len(data):
        return None
    odd = [ch for ch in text if not ch.isascii()]
    if any(unicodedata.category(ch)[0] not in "LPZ" and unicodedata.category(ch) != "Sc" for ch in odd):
        return None
    return None if _implausible(text) else text


def _guess_decode(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding is not None and best.chaos <= 0.2:
        if best.encoding in _LATIN_FAMILY:
            text = _clean_cp1252(data)
            if text is not None:
                return text
        try:
            text = data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None and not _implausible(text) and _keeps_ascii(data, text):
            return text
    return _clean_cp1252(data)


def normalise_for_id(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return re.sub(r"[ \t]+\n", "\n", text).strip()


_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogate(text: object) -> bool:
    """True for a str that is not valid Unicode: JSON's "\\ud800" escape gives one, and it
    cannot be encoded, printed or stored."""
    return isinstance(text, str) and _SURROGATE.search(text) is not None


def escape_surrogates(text: object) -> str | None:
    """The text with each lone surrogate written as its escape (\\ud800), printable and storable."""
    return None if text is None else str(text).encode("utf-8", "backslashreplace").decode("utf-8")


def make_id(text: str) -> str:
    """The document id, from the content alone: the same article text always gets the same id,
    whether it comes through ingest (`eventwire extract FILE`) or `eventwire.extract(text)`."""
    return "doc_" + hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:16]


def validate_date(value: object) -> str | None:
    """None/"" -> None; a readable date in any common form (ingest/dates.py) -> "YYYY-MM-DD";
    else E007. For dates a user types; a document's own date goes through `published_value`."""
    if value is None or value == "":
        return None
    day = read_date(value)
    if day is None:
        raise EventwireError("E007", f"published date {value!r} could not be read")
    return day


def published_value(value: object) -> str | None:
    """A document's date for InputDoc.published: "YYYY-MM-DD" when readable, else the source's
    own text (the pipeline keeps it in published_raw with warning W001), None when absent."""
    return read_date(value) or raw_value(value)


def guess_title(text: str) -> str | None:
    """The first non-empty line that is not page furniture ("Share", "Advertisement").

    A very long first line is a paragraph, not a headline: no title then.
    """
    from ..clean.boilerplate import is_boilerplate

    for line in text.splitlines():
        line = line.strip()
        if not line or is_boilerplate(line):
            continue
        return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def text_doc(text: str, *, published: str | None = None, source: str | None = None) -> InputDoc:
    """One plain-text document; the title line stays in the text so offsets hold."""
    if not text.strip():
        raise EventwireError("E001", "no text")
    return InputDoc(id=make_id(text), text=text, published=published_value(published),
                    title=guess_title(text), source=source)
