"""Test helper: a throwaway PostgreSQL server (Debian's `postgresql` package: initdb + pg_ctl)
in a temporary folder, listening on 127.0.0.1 on a free port, and a fresh database per test.

`start()` says why it cannot run (no initdb, no psycopg, root without a postgres user) as a
`Missing` exception, so a fixture can skip with that reason; anything else that fails is an
error of the test setup and fails loudly.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field

INSTALL_HINT = "`make postgres` (part of `make test`) installs it: apt-get install postgresql"


class Missing(Exception):
    """PostgreSQL cannot run here."""


def _binary(name: str) -> str | None:
    """initdb/pg_ctl: on PATH, or where Debian keeps them (not on PATH there)."""
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                      key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    folder: str
    port: int
    pg_ctl: str
    user: str | None  # the system user running the server (postgres when the tests run as root)
    _names: itertools.count = field(default_factory=itertools.count)

    def url(self, schema: str | None = None) -> str:
        """The server's database; with `schema`, a URL whose tables live in that schema."""
        url = f"postgresql://eventwire@127.0.0.1:{self.port}/postgres"
        return url + (f"?options=-csearch_path%3D{schema}" if schema else "")

    def new_database(self) -> str:
        """The URL of a new empty store: a schema of its own (far cheaper than a database each,
        and it shows the store keeps to the schema its URL names)."""
        import psycopg

        name = f"ew_{next(self._names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{name}"')
        return self.url(name)

    def stop(self) -> None:
        subprocess.run([self.pg_ctl, "-D", f"{self.folder}/data", "-m", "immediate", "stop"],
                       user=self.user, capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> Server:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise Missing("the psycopg package is not installed (pip install -r requirements.txt)") from None
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise Missing(f"PostgreSQL is not installed (no initdb/pg_ctl on PATH or in "
                      f"/usr/lib/postgresql/*/bin): {INSTALL_HINT}")
    user = None
    folder = tempfile.mkdtemp(prefix="eventwire-pg-")
    if os.geteuid() == 0:  # initdb refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(folder)
            raise Missing("running as root and there is no postgres user to run the server as: "
                          f"{INSTALL_HINT}") from None
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        user = "postgres"
    port = _free_port()
    server = Server(folder, port, pg_ctl, user)
    try:
        subprocess.run([initdb, "-D", f"{folder}/data", "-U", "eventwire", "--auth=trust", "-E", "UTF8",
                        "--locale=C", "--no-sync"], user=user, capture_output=True, check=True, timeout=120)
        options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        subprocess.run([pg_ctl, "-D", f"{folder}/data", "-l", f"{folder}/log", "-o", options, "-w", "-t", "60",
                        "start"], user=user, capture_output=True, check=True, timeout=90)
    except subprocess.CalledProcessError as exc:
        log = open(f"{folder}/log", errors="replace").read()[-2000:] if os.path.exists(f"{folder}/log") else ""
        server.stop()
        raise RuntimeError(f"PostgreSQL did not start: {exc.stderr.decode(errors='replace')}\n{log}") from exc
    except BaseException:
        server.stop()
        raise
    return server
