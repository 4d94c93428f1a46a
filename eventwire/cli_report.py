"""How the command line speaks and exits: hostile text made safe for the terminal, one line
and exit status 2 for anything that stops a command (never a traceback, unless -v), -v/-q
log levels. Exit status 1 is left for a run that finished with failed documents."""
from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import traceback

import click

# Article text is hostile: terminal control sequences must never reach the user's terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(value, width: int | None = None) -> str:
    text = _CONTROL.sub(" ", "" if value is None else str(value)).replace("\n", " ")
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


class Stopped(click.ClickException):
    """A command that cannot go on (no database, a newer schema…): one line, exit status 2."""

    exit_code = 2


class Guarded(click.Group):
    """No Python traceback reaches a user: anything unexpected becomes one line and exit
    status 2 (-v prints the traceback too)."""

    def invoke(self, ctx: click.Context):
        from .errors import EventwireError
        from .store import StoreError

        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `eventwire events | head`: the reader has all it wanted
            with contextlib.suppress(OSError, ValueError, AttributeError):
                # Python flushes stdout at exit: into /dev/null now, not into the closed pipe
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(0)
        except (StoreError, EventwireError) as exc:
            raise Stopped(safe(exc)) from exc
        except OSError as exc:
            _traceback(ctx)
            where = f": {exc.filename}" if exc.filename else ""
            raise Stopped(safe(f"{exc.strerror or exc}{where}")) from exc
        except Exception as exc:
            _traceback(ctx)
            raise Stopped(safe(f"unexpected {type(exc).__name__}: {exc} (run with -v for the traceback "
                               "and report it)")) from exc


def _traceback(ctx: click.Context) -> None:
    if (ctx.obj or {}).get("verbose"):
        traceback.print_exc(file=sys.stderr)


def set_logging(verbose: int, quiet: bool) -> None:
    """Warnings by default, -v info, -vv debug, -q errors only."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    root = logging.getLogger()
    if not root.handlers:  # a program embedding eventwire keeps its own logging set-up
        logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
        root.setLevel(level)
    logging.getLogger("eventwire").setLevel(level)


def quiet() -> bool:
    """True under -q."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and (ctx.find_root().obj or {}).get("quiet"))


def say(line: str) -> None:
    """A closing line on stderr (stdout holds the documents), unless -q."""
    if not quiet():
        click.echo(line, err=True)
