"""A small web site on 127.0.0.1 for the fetch, feed and watch tests: started by the test itself
in a thread, never any other host. `site.pages[path] = Page(...)`; `site.requests` logs what
was asked (path and headers), so a test can check what was fetched and how."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None           # answers 304 to a matching If-None-Match
    last_modified: str | None = None  # answers 304 to an equal If-Modified-Since
    wait: float = 0.0                 # seconds before the answer (a slow site)


class Site:
    def __init__(self):
        self.pages: dict[str, Page] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
                page = site.pages.get(self.path) or Page(b"not found", status=404, content_type="text/plain")
                time.sleep(page.wait)
                if (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                        page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                for name, value in {**page.headers, "ETag": page.etag, "Last-Modified": page.last_modified}.items():
                    if value:
                        self.send_header(name, value)
                self.end_headers()
                try:
                    self.wfile.write(page.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a time limit)
                    pass

            def log_message(self, *args):
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def asked(self, path: str) -> int:
        """How many times `path` was requested."""
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def site(monkeypatch):
    """The local site, with proxies off (a proxy would send 127.0.0.1 elsewhere) and no
    per-host delay (tests of the delay set their own)."""
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("EVENTWIRE_FETCH_DELAY", "0")
    s = Site()
    yield s
    s.close()
