"""`eventwire serve`: the web page and JSON API over a database, on this machine by default."""
from __future__ import annotations

import ipaddress

import click

from . import cli_checks as check
from .cli_report import safe
from .settings import get as setting

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


@click.command()
@click.option("--db", default=setting("db"), show_default=True)
@click.option("--host", default=LOOPBACK, show_default=True,
              help="address to listen on; anything but a loopback address lets other machines read the database")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve(db, host, port):
    """Open the database in a web page (map, timeline, incidents, documents with their
    evidence) and a JSON API at /api (schema: /api/openapi.json). Read-only: nothing the
    server does changes the database. Ctrl+C stops it."""
    import uvicorn

    from .server.app import LOOPBACK_NAMES, create_app
    from .store import open_store
    from .store.postgres import shown

    db = check.db_path(db)
    open_store(db, create=False).close()  # the one write: an older database is upgraded before serving it
    local = is_loopback(host)
    if not local:
        click.echo(f"warning: listening on {safe(host)}, not {LOOPBACK}: anyone who can reach this machine on "
                   f"port {port} can read every document in {safe(shown(db))} (no login, no encryption). Use "
                   f"--host {LOOPBACK} to keep it on this machine.", err=True)
    app = create_app(db, allowed_hosts=[*LOOPBACK_NAMES, host.strip("[]")] if local else ["*"])
    address = f"[{host}]" if ":" in host and not host.startswith("[") else host
    click.echo(f"eventwire: serving {safe(shown(db))} (read-only) at http://{safe(address)}:{port}/  — Ctrl+C stops",
               err=True)
    uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning", server_header=False)
