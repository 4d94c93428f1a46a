"""Fetching addresses politely: only what a user named (a URL, a URL list, a sitemap, a feed
being watched), never anything else.

One `Fetcher` per run keeps the manners of a good crawler: robots.txt is read once per site
(RFC 9309: a missing one allows everything, an unreachable one forbids everything for now),
two requests to one host are at least `delay` seconds apart (more when robots.txt asks with
Crawl-delay), every fetch has a total time limit and a size limit, redirects go to http(s)
only and are checked against robots.txt too, and a feed is asked for with its ETag and
Last-Modified so that an unchanged one costs a 304 and no body.
A failed fetch raises FetchError (an EventwireError: E013, E014 or E004), which the readers
turn into one failed document.
"""
from __future__ import annotations

import http.client
import logging
import math
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, field
from typing import Callable
from urllib.robotparser import RobotFileParser

from ..errors import EventwireError

__all__ = ["Fetcher", "Fetched", "FetchError", "is_url"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    redirects: int = 5           # RFC 9309 asks robots.txt redirects be followed at least five hops
    robots_bytes: int = 512_000  # RFC 9309: at least 500 KiB of a robots.txt is read
    robots_ttl: float = 86_400.0  # a day, as RFC 9309 suggests
    robots_retry: float = 600.0  # an unreachable robots.txt is asked again after ten minutes
    chunk: int = 1 << 16


LIMITS = Limits()
_REDIRECTS = {301, 302, 303, 307, 308}


def is_url(value: str) -> bool:
    """True for an http(s) address (the only kind fetched)."""
    return value[:8].lower().startswith(("http://", "https://"))


class FetchError(EventwireError):
    """A fetch that failed; `transient` when trying again later may work (timeouts, network
    errors, 5xx, 429), not when the answer was a clear no (404, robots.txt, too large)."""

    def __init__(self, code: str, detail: str, *, transient: bool = False):
        super().__init__(code, detail)
        self.transient = transient


@dataclass
class Fetched:
    url: str                # the final address, after redirects
    status: int             # 200, or 304 (not modified: no body)
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return media_type(self.headers.get("content-type"))

    @property
    def charset(self) -> str | None:
        return charset_of(self.headers.get("content-type"))


def media_type(content_type: str | None) -> str:
    """"text/html" of "text/HTML; charset=utf-8"."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def charset_of(content_type: str | None) -> str | None:
    """"utf-8" of "text/html; charset=utf-8", None when not named."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _seconds(name: str, given: float | None, *, least: float = 0.0) -> float:
    """A setting in seconds; a value that is none (EVENTWIRE_FETCH_DELAY=soon) gives the
    default with a warning, as max_bytes does, rather than stopping a run."""
    from ..settings import SETTINGS, get as setting

    value = setting(name, given)
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    if math.isfinite(number) and number >= least:
        return number
    log.warning("%s=%r is not a number of seconds (at least %g): %s used", name, value, least, SETTINGS[name].default)
    return float(SETTINGS[name].default)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by Fetcher itself: scheme, hop count and robots.txt checked."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class _Robots:
    parser: RobotFileParser
    until: float
    why_not: FetchError | None = None  # robots.txt could not be read: everything refused, for now


class Fetcher:
    """`get(url)` -> Fetched, or FetchError. `clock`/`sleep` are replaceable for tests."""

    def __init__(self, *, timeout: float, delay: float, max_bytes: int, user_agent: str,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep):
        self.timeout, self.delay, self.max_bytes, self.user_agent = timeout, delay, max_bytes, user_agent
        self._clock, self._sleep = clock, sleep
        self._last: dict[str, float] = {}      # host -> time of its last request
        self._robots: dict[str, _Robots] = {}  # scheme://host -> its rules
        self._crawl_delay: dict[str, float] = {}  # host -> robots.txt Crawl-delay
        self._opener = urllib.request.build_opener(_NoRedirect)

    @classmethod
    def from_settings(cls, *, max_bytes: int, timeout: float | None = None, delay: float | None = None) -> "Fetcher":
        """A fetcher with the fetch_timeout, fetch_delay and user_agent settings (arguments win)."""
        from ..settings import get as setting

        return cls(timeout=_seconds("fetch_timeout", timeout, least=0.1), delay=_seconds("fetch_delay", delay),
                   max_bytes=max_bytes, user_agent=setting("user_agent").strip() or "eventwire")

    # -- the one public call ------------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, modified: str | None = None) -> Fetched:
        """The body at `url` (following redirects); status 304 when `etag`/`modified` match."""
        headers = {"If-None-Match": etag, "If-Modified-Since": modified}
        for _ in range(LIMITS.redirects + 1):
            self._check_allowed(url)
            fetched = self._request(url, {k: v for k, v in headers.items() if v}, self.max_bytes)
            if fetched.status not in _REDIRECTS:
                return fetched
            url = self._next_hop(url, fetched)
        raise FetchError("E013", f"{url}: more than {LIMITS.redirects} redirects")

    # -- robots.txt -----------------------------------------------------------------------------

    def _check_allowed(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise FetchError("E013", f"{url}: not an http(s) address")
        rules = self._rules(f"{parts.scheme.lower()}://{parts.netloc}")
        if rules.why_not:
            raise FetchError(rules.why_not.code, f"{url}: {rules.why_not.detail}", transient=True)
        if not rules.parser.can_fetch(self.user_agent, url):
            raise FetchError("E014", f"{url}: robots.txt disallows it for {self.user_agent}")

    def _rules(self, origin: str) -> _Robots:
        cached = self._robots.get(origin)
        if cached is not None and self._clock() < cached.until:
            return cached
        parser, why_not, ttl = RobotFileParser(origin + "/robots.txt"), None, LIMITS.robots_ttl
        try:
            fetched = self._follow(origin + "/robots.txt", LIMITS.robots_bytes)
            status = fetched.status
        except FetchError as exc:  # the site itself did not answer: an address error, not a refusal
            status, why_not = 0, FetchError("E013", f"the site did not answer ({exc.detail})")
        if status == 200:
            parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
        elif 400 <= status < 500:
            parser.allow_all = True  # RFC 9309: no robots.txt (any 4xx) means no rules
        else:
            parser.disallow_all = True  # RFC 9309: unreachable means complete disallow, for now
            why_not = why_not or FetchError("E014", f"robots.txt answered HTTP {status}: the site is "
                                            "not fetched until it can be read")
            ttl = LIMITS.robots_retry
        rules = _Robots(parser, self._clock() + ttl, why_not)
        self._robots[origin] = rules
        self._crawl_delay[urllib.parse.urlsplit(origin).netloc] = float(parser.crawl_delay(self.user_agent) or 0)
        return rules

    def _follow(self, url: str, limit: int) -> Fetched:
        """robots.txt: redirects followed, an HTTP error status returned rather than raised."""
        for _ in range(LIMITS.redirects + 1):
            fetched = self._request(url, {}, limit, errors_raise=False)
            if fetched.status not in _REDIRECTS:
                return fetched
            url = self._next_hop(url, fetched)
        raise FetchError("E013", f"{url}: more than {LIMITS.redirects} redirects")

    @staticmethod
    def _next_hop(url: str, fetched: Fetched) -> str:
        location = fetched.headers.get("location")
        if not location:
            raise FetchError("E013", f"{url}: HTTP {fetched.status} without a Location")
        target = urllib.parse.urljoin(url, location)
        if not is_url(target):
            raise FetchError("E013", f"{url}: redirected to {target}, not an http(s) address")
        return target

    # -- one request ----------------------------------------------------------------------------

    def _wait_turn(self, host: str) -> None:
        gap = max(self.delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None and self._clock() < last + gap:
            self._sleep(last + gap - self._clock())
        self._last[host] = self._clock()

    def _request(self, url: str, headers: dict[str, str], limit: int, *, errors_raise: bool = True) -> Fetched:
        self._wait_turn(urllib.parse.urlsplit(url).netloc)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip",
                                                       **headers})
        deadline = time.monotonic() + self.timeout
        try:
            try:
                response = self._opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as exc:  # 3xx (ours to follow), 304, 4xx, 5xx
                response = exc
            with response:
                status = response.status if response.status is not None else response.code
                found = {k.lower(): v for k, v in response.headers.items()}
                if status in _REDIRECTS or status == 304 or (status != 200 and not errors_raise):
                    return Fetched(url, status, found)
                if status != 200:
                    raise FetchError("E013", f"{url}: HTTP {status}", transient=status >= 500 or status == 429)
                body = self._read(response, url, found, limit, deadline)
        except FetchError:
            raise
        except urllib.error.URLError as exc:
            raise FetchError("E013", f"{url}: {getattr(exc.reason, 'strerror', None) or exc.reason}",
                             transient=True) from exc
        except TimeoutError as exc:
            raise FetchError("E013", f"{url}: no answer within {self.timeout:g} s", transient=True) from exc
        except (OSError, ValueError, EOFError, http.client.HTTPException, zlib.error) as exc:
            raise FetchError("E013", f"{url}: {type(exc).__name__}: {exc}", transient=True) from exc
        return Fetched(url, 200, found, body)

    def _read(self, response, url: str, headers: dict[str, str], limit: int, deadline: float) -> bytes:
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError("E004", f"{url}: {declared} bytes, limit {limit}")
        gzipped = headers.get("content-encoding", "").strip().lower() in ("gzip", "x-gzip")
        inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzipped else None
        parts, size = [], 0
        while True:
            if time.monotonic() > deadline:
                raise FetchError("E013", f"{url}: not complete within {self.timeout:g} s", transient=True)
            chunk = response.read(LIMITS.chunk)
            if not chunk:
                break
            if inflate is not None:  # a size limit on the inflated bytes: no zip bombs
                chunk = inflate.decompress(chunk, limit + 1 - size)
            parts.append(chunk)
            size += len(chunk)
            if size > limit:
                raise FetchError("E004", f"{url}: more than {limit} bytes")
        return b"".join(parts)
