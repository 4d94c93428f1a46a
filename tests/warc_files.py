"""WARC and WET files built with warcio for the tests, laid out as Common Crawl writes them."""
from __future__ import annotations

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def response(url: str, body: bytes, *, status: str = "200 OK", content_type: str = "text/html; charset=utf-8"):
    return ("response", url, body, StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1"))


def request(url: str):
    return ("request", url, b"", StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.org")], is_http_request=True))


def conversion(url: str, text: str):
    return ("conversion", url, text.encode("utf-8"), None)


def build(path, records, *, gzip: bool = True) -> str:
    """Write `records` (from response/request/conversion) with a warcinfo record first."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(str(path), {"software": "tests"}))
        for kind, url, body, http in records:
            ctype = "text/plain" if kind == "conversion" else ""
            record = writer.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=http,
                                               warc_content_type=ctype)
            writer.write_record(record)
    return str(path)
