"""`eventwire watch FEED…`: poll feeds, store the new articles, until stopped (or `--once`).

Each round polls every feed (conditional GET), notes the new articles, fetches and stores them
through the same path as `ingest` (per-document errors, the closing summary, incidents merged
when anything was stored). Exit status 1 when a feed or a document failed, 2 when the run could
not start; Ctrl-C ends a long run with the summary.
"""
from __future__ import annotations

import collections
import signal
import sys
import time

import click

from . import cli_checks as check
from .cli_report import safe, say
from .settings import get as setting


def _addresses(feeds: tuple[str, ...]) -> list[str]:
    from .ingest.fetch import is_url

    bad = [f for f in feeds if not is_url(f)]
    if bad:
        raise click.BadParameter(f"{bad[0]!r} is not an http(s) address: watch polls feeds on the web "
                                 "(a feed file is read by `eventwire ingest FILE`)", param_hint="FEED")
    return list(dict.fromkeys(feeds))


@click.command()
@click.argument("feeds", nargs=-1, required=True, metavar="FEED...")
@click.option("--db", default=setting("db"), show_default=True)
@click.option("--interval", type=click.FloatRange(min=1), default=900.0, show_default=True,
              help="seconds between two polls of the feeds")
@click.option("--once", is_flag=True, help="poll once, store what is new, and stop (for cron)")
@click.option("--delay", type=click.FloatRange(min=0), default=None,
              help="seconds between requests to one host (default: the fetch_delay setting, 2)")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=None,
              help="seconds one fetch may take in all (default: the fetch_timeout setting, 20)")
def watch(feeds, db, interval, once, delay, timeout):
    """Poll FEED addresses (RSS/Atom feeds or news sitemaps) and store the articles they link.

    Polite: robots.txt obeyed, one request per host every --delay seconds (or the site's
    Crawl-delay), feeds asked for with ETag/If-Modified-Since. What was stored is remembered in
    the database: a restart fetches only what is new or was not yet stored."""
    from .ingest import max_bytes_default
    from .ingest.fetch import Fetcher
    from .store import open_store
    from .watch_state import WatchState

    feeds = _addresses(feeds)
    db = check.db_path(db)
    fetcher = Fetcher.from_settings(max_bytes=max_bytes_default(), timeout=timeout, delay=delay)
    state = WatchState(open_store(db))  # created and migrated before the watcher adds its tables
    totals = collections.Counter()
    previous = _stop_on_term()
    try:
        while True:
            totals.update(_round(feeds, db, fetcher, state))
            if once:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        say("stopped")
    finally:
        state.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if not once or totals["rounds"] > 1:
        say(_line(totals, db, "in all"))
    if totals["failed"] or totals["feeds_failed"]:
        sys.exit(1)


def _stop_on_term():
    """SIGTERM (kill, a service manager) ends a run as Ctrl-C does, with the summary (a document
    is stored whole or not at all). Returns the handler it replaced (None when not in the main thread)."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # signals belong to the main thread: a program running us in another keeps its own
        return None


def _round(feeds: list[str], db: str, fetcher, state) -> collections.Counter:
    """One poll of every feed, then the pending articles fetched and stored."""
    from .batch import process_parallel
    from .cli_store import store_one, storing
    from .errors import EventwireError
    from .watch import articles, poll

    got, notes = collections.Counter(rounds=1, feeds=len(feeds)), []
    for feed in feeds:
        try:
            noted = poll(feed, fetcher, state)
        except EventwireError as exc:
            got["feeds_failed"] += 1
            click.echo(f"  {safe(feed)}: {exc.code} {safe(exc.to_error().message)}", err=True)
            continue
        if noted is None:
            got["feeds_unchanged"] += 1
        else:
            got["listed"] += noted
    if state.pending():
        queue = collections.deque()

        def inputs():
            for doc, article, transient in articles(fetcher, state):
                queue.append((article, transient))
                yield doc

        with storing(db) as (store, stats):
            for doc in process_parallel(inputs(), workers=1):
                article, transient = queue.popleft()
                store_one(store, stats, doc)
                error = f"{doc.error.code} {doc.error.message}" if doc.error else None
                state.done(article.url, document_id=doc.id, error=error, transient=transient)
        got.update({k: stats[k] for k in ("new", "unchanged", "failed")})
        notes = stats["tally"].notes()
    say(_line(got, db, time.strftime("%H:%M:%S"), notes))
    return got


def _line(c: collections.Counter, db: str, when: str, notes: list[str] = ()) -> str:
    from .store.postgres import shown

    extra = "".join(f", {n}" for n in notes)
    return (f"watch {when}: {c['feeds']} feed polls ({c['feeds_unchanged']} unchanged, {c['feeds_failed']} failed), "
            f"{c['listed']} new articles listed; {c['new']} new, {c['unchanged']} unchanged, "
            f"{c['failed']} failed documents{extra} -> {shown(db)}")
