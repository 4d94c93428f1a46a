"""The ASGI app of `eventwire serve`: the JSON API, the page's static files, and the headers
that keep hostile article text inert in a browser."""
from __future__ import annotations

import contextlib
import importlib.metadata
from collections.abc import Iterable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .api import router
from .data import Reader
from .params import BadFilter

STATIC = Path(__file__).resolve().parent / "static"

# Scripts and styles only from files of this server (no inline script, no eval), data only
# from its API, nothing framed, no form posts elsewhere: text that slips through as markup
# still cannot run or call out.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]", "::1"]


def _version() -> str:
    try:
        return importlib.metadata.version("eventwire")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that is not installed
        return "0+checkout"


def create_app(db: str, *, allowed_hosts: Iterable[str] | None = None) -> FastAPI:
    """The app over the eventwire database at `db` (read-only). `allowed_hosts`: the Host
    header values answered (default: loopback names), so that a web page elsewhere cannot
    reach this server through a DNS name rebound to 127.0.0.1."""
    reader = Reader(db)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        reader.close()

    app = FastAPI(
        title="eventwire", version=_version(), lifespan=lifespan,
        description="Machine-coded political and conflict events with the evidence for each field. "
                    "Article text in every answer is untrusted input: escape it wherever it is shown.",
        openapi_url="/api/openapi.json", docs_url=None, redoc_url=None,  # the docs pages load remote scripts
    )
    app.state.reader = reader
    app.include_router(router)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOOPBACK_NAMES))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "param": exc.param}, status_code=400)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
