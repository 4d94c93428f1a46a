"""Command line: thin commands over the library functions."""
from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from pathlib import Path

import click

from . import cli_checks as check
from . import cli_print as show
from .cli_report import Guarded, Stopped, quiet, safe, say, set_logging
from .cli_serve import serve
from .cli_store import count_document, store_one, storing
from .export import FORMATS as EXPORT_FORMATS
from .model import Document, to_dict

from .settings import get as setting

DEFAULT_DB = setting("db")
CHECKOUT = Path(__file__).resolve().parent.parent  # the repository root, when eventwire runs from a checkout


def _inputs(paths: list[str], published: str | None):
    from .ingest import read_inputs, read_stream

    for path in paths:
        if path == "-":
            yield from read_stream(sys.stdin.buffer, published=published)
        else:
            yield from read_inputs([path], published=published)


@click.group(cls=Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="eventwire")
@click.option("-v", "--verbose", count=True, help="more log lines (-vv: debug), and tracebacks of errors")
@click.option("-q", "--quiet", is_flag=True, help="errors only: no progress, no warnings")
@click.pass_context
def main(ctx, verbose, quiet):
    """eventwire: news articles in, source-linked political and conflict events out."""
    ctx.obj = {"verbose": verbose, "quiet": quiet}
    set_logging(verbose, quiet)


@main.command()
@click.argument("article", required=False)
@click.option("--input", "input_", help="a file, directory, http(s) address or - (stdin): .txt, .html, "
              "document JSONL, RSS/Atom, WARC/WET, sitemap .xml, .urls list")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default=None,
              help="json: one pretty document; jsonl: one document per line (default for batches)")
@click.option("--published", help="publication date YYYY-MM-DD (single files)")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="processes (default: the `workers` setting, 1)")
@click.option("--cluster", default=None, help="run on Dask: local:N (N worker processes here) or a "
              "scheduler's address, tcp://host:8786 (instead of --workers)")
def extract(article, input_, fmt, published, workers, cluster):
    """Print the events of ARTICLE (.txt, .html, an http(s) address or -) as the contract's document JSON.

    Exit status 1 when any document failed (each is printed with its error), 2 when the run
    could not start."""
    from .batch import process_parallel
    from .ingest import count_inputs
    from .progress import Progress, Tally

    source = input_ or article
    if not source:
        raise click.UsageError("give an ARTICLE path, - for stdin, or --input PATH")
    published = check.published(published)
    cluster = check.cluster(cluster, workers)
    fmt = fmt or ("json" if article and not input_ else "jsonl")
    batch = fmt == "jsonl"
    tally = Tally()
    progress = Progress(count_inputs([source]) if batch else None, quiet=quiet() or not batch)
    try:
        for doc in process_parallel(_inputs([source], published), workers=_workers(workers), cluster=cluster):
            tally.add(doc)
            progress.update()
            if fmt == "json":
                click.echo(json.dumps(to_dict(doc), ensure_ascii=False, indent=2))
            else:
                click.echo(show.dump(doc))
    finally:
        progress.close()
    if batch or tally.failed:
        notes = "".join(f", {n}" for n in tally.notes())
        say(f"{tally.documents} document{'' if tally.documents == 1 else 's'}, {tally.failed} failed{notes}")
    if tally.failed:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--published", help="publication date YYYY-MM-DD for files that carry none")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="processes (default: the `workers` setting, 1)")
@click.option("--cluster", default=None, help="run on Dask: local:N (N worker processes here) or a "
              "scheduler's address, tcp://host:8786 (instead of --workers)")
@click.option("--extracted", is_flag=True,
              help="PATHS hold `extract --format jsonl` output (shards run elsewhere): store it as it is")
def ingest(paths, db, published, workers, cluster, extracted):
    """Extract and store documents (idempotent: the same input twice adds nothing).

    PATHS: files, folders, http(s) addresses or -: .txt, .html, document JSONL, RSS/Atom feeds,
    WARC/WET crawls, and sitemaps (.xml) or URL lists (.urls), whose pages are fetched.

    Exit status 1 when any document failed (the others are stored), 2 when the run could not start."""
    db = check.db_path(db)
    published = check.published(published)
    cluster = check.cluster(cluster, workers)
    if extracted:
        stats = _ingest_extracted(list(paths), db)
    else:
        stats = _ingest(list(paths), db, published, workers=_workers(workers), cluster=cluster)
    click.echo(_summary(stats, db))
    if stats["failed"]:
        sys.exit(1)


def _summary(stats: dict, db: str) -> str:
    from .store.postgres import shown

    notes = "".join(f", {n}" for n in stats["tally"].notes())
    return (f"{stats['new']} new, {stats['unchanged']} unchanged, {stats['failed']} failed documents{notes} "
            f"-> {shown(db)}")  # a URL's password is not printed


def _workers(value: int | None) -> int:
    try:
        return max(1, int(setting("workers", value)))
    except ValueError as exc:
        raise click.BadParameter(f"workers must be a whole number, not {setting('workers', value)!r}") from exc


def _ingest_extracted(paths: list[str], db: str) -> dict:
    from .ingest import count_inputs
    from .ingest.jsonl import read_extracted

    with storing(db, count_inputs(paths)) as (store, stats):
        for path in paths:
            try:  # stdin is not ours to close
                opened = contextlib.nullcontext(sys.stdin.buffer) if path == "-" else open(path, "rb")
            except OSError as exc:
                stats["failed"] += 1
                click.echo(f"  {safe(path)}: E008 {safe(exc.strerror or exc)}", err=True)
                continue
            with opened as fh:
                for _, data, why in read_extracted(fh, name=path):
                    try:
                        if data is None:
                            raise ValueError(why)
                        doc = _extracted(data)
                        written = store.put_document(doc)
                    except ValueError as exc:
                        stats["failed"] += 1
                        stats["progress"].update()
                        click.echo(f"  {safe(exc)}", err=True)
                        continue
                    count_document(stats, doc, written=written)
    return stats


def _extracted(data: dict) -> Document:
    """The record of one line of `extract` output; a value of the wrong type fails the document."""
    try:
        return Document.from_dict(data)
    except ValueError as exc:
        doc_id = str(data.get("id")).encode("utf-8", "backslashreplace").decode()
        raise ValueError(f"document {doc_id}: {exc}") from exc


def _ingest(paths: list[str], db: str, published: str | None, *, dated: dict | None = None,
            workers: int = 1, cluster: str | None = None) -> dict:
    from .batch import process_parallel
    from .ingest import count_inputs, read_inputs

    def inputs():
        for path in paths:
            date = (dated or {}).get(Path(path).name, published)
            yield from (_inputs([path], date) if path == "-" else read_inputs([path], published=date))

    with storing(db, count_inputs(paths)) as (store, stats):
        for doc in process_parallel(inputs(), workers=workers, cluster=cluster):
            store_one(store, stats, doc)
    return stats


def _reading(db: str):
    """The store of a read command: it must exist (a typo must not leave an empty database)."""
    from .store import open_store

    return open_store(check.db_path(db), create=False)


def _filter_options(fn):
    for opt in reversed([
        click.option("--type", "type_", help="ACLED event type"),
        click.option("--sub-type", help="ACLED sub-event type"),
        click.option("--country", help="ISO3 country code of the location"),
        click.option("--actor", help="actor name (either side)"),
        click.option("--since", help="YYYY-MM-DD"),
        click.option("--until", help="YYYY-MM-DD"),
        click.option("--near", help="LAT,LON,KM"),
        click.option("--min-quality", help="page-quality score of the event's document, at least (0-1)"),
        click.option("--db", default=DEFAULT_DB, show_default=True),
    ]):
        fn = opt(fn)
    return fn


@main.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@click.option("--limit", type=click.IntRange(min=0), default=None)
def events(type_, sub_type, country, actor, since, until, near, min_quality, db, fmt, limit):
    """Query stored events."""
    filters = check.filters(type_, sub_type, country, actor, since, until, near, min_quality)
    store = _reading(db)
    try:
        rows = store.events(filters, limit=limit)
    finally:
        store.close()
    show.events(rows, fmt)


@main.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def incidents(type_, sub_type, country, actor, since, until, near, min_quality, db, fmt):
    """Query incidents: one incident per real-world event, with every source that reported it."""
    filters = check.filters(type_, sub_type, country, actor, since, until, near, min_quality)
    store = _reading(db)
    try:
        rows = store.incidents(filters)
    finally:
        store.close()
    show.incidents(rows, fmt)


@main.command()
@_filter_options
@click.option("--format", "fmt", type=click.Choice(list(EXPORT_FORMATS)), required=True,
              help="acled-csv (ACLED's columns and codes), ucdp-csv (UCDP GED's), plover-json (PLOVER "
                   "records, one a line), jsonl (the records), geojson, parquet (GeoParquet)")
@click.option("--what", type=click.Choice(["events", "incidents"]), default="events", show_default=True)
@click.option("--output", "-o", required=True, help="file to write (- for stdout, not for parquet)")
def export(type_, sub_type, country, actor, since, until, near, min_quality, db, fmt, what, output):
    """Write stored events (or incidents) for pandas, R, QGIS and spreadsheets."""
    from .export import export as do_export

    filters = check.filters(type_, sub_type, country, actor, since, until, near, min_quality)
    output = check.output_path(output, db)
    if output == "-" and fmt == "parquet":
        raise click.BadParameter("parquet is a binary file: give a file name, not -", param_hint="-o")
    store = _reading(db)
    try:
        if output == "-":
            n = do_export(store, fmt, sys.stdout, what=what, filters=filters)
        else:
            with _replacing(output) as partial:
                n = do_export(store, fmt, partial, what=what, filters=filters)
    finally:
        store.close()
    say(f"{n} {what} -> {output}")


@contextlib.contextmanager
def _replacing(path: str):
    """A temporary file beside `path` that replaces it only once complete: a failed export
    (full disk, bad filter) leaves the previous file as it was. A device or a named pipe
    (/dev/stdout, a FIFO) is written to as it is: replacing it would put a file in its place."""
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # no such file yet
        special = False
    if special:
        yield path
        return
    folder, name = os.path.split(os.path.abspath(path))
    fd, partial = tempfile.mkstemp(prefix=f".{name}.", suffix=".partial", dir=folder)
    os.close(fd)
    try:
        yield partial
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)


@main.command(name="eval")
@click.argument("set_name", metavar="SET")
@click.option("--shared", default=None, help="folder holding eval/ (default: ../shared beside the checkout)")
@click.option("--limit", type=int, default=None, help="only the first N documents")
@click.option("--write", default=None, help="write the results to this markdown file (docs/ACCURACY.md)")
def eval_(set_name, shared, limit, write):
    """Score the pipeline on SET (or all): the harness in a checkout's eval/ folder, with the
    public sets in ../shared/eval and the team's sets in tests/data."""
    harness = _eval_harness()
    if harness is None:
        click.echo(f"eventwire eval: no evaluation harness at {CHECKOUT / 'eval' / 'eventwire_eval'}; it ships "
                   "with a checkout of the eventwire repository, not with the installed package", err=True)
        sys.exit(2)
    sys.exit(harness.run_cli(set_name, shared=shared, limit=limit, write=write))


def _eval_harness():
    """The checkout's eval/eventwire_eval package, imported by path (it is not installed), or None."""
    folder = CHECKOUT / "eval" / "eventwire_eval"
    if not (folder / "__init__.py").is_file():
        return None
    if str(folder.parent) not in sys.path:
        sys.path.insert(0, str(folder.parent))
    import importlib

    return importlib.import_module("eventwire_eval")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--corpus", default=None, help="folder of articles (default: the bundled demo/)")
def demo(db, corpus):
    """Ingest the bundled demo articles and print a summary."""
    folder = Path(corpus) if corpus else CHECKOUT / "demo"
    db = check.db_path(db)
    if not folder.is_dir():
        raise Stopped(f"no demo folder at {folder}")
    dated_path = folder / "published.json"
    dated = json.loads(dated_path.read_text("utf-8")) if dated_path.exists() else {}
    paths = sorted(str(p) for p in folder.iterdir() if p.suffix in {".txt", ".html", ".htm", ".jsonl"})
    stats = _ingest(paths, db, None, dated=dated)
    from .store import open_store

    store = open_store(db)
    try:
        summary = store.summary()
    finally:
        store.close()
    click.echo(f"\nStored: {_summary(stats, db)}")
    show.summary(summary)
    click.echo(f"""
Next, try:
  .venv/bin/eventwire events --db {db} --type "Explosions/Remote violence"
  .venv/bin/eventwire incidents --db {db}
  .venv/bin/eventwire events --db {db} --near 48.11,37.26,50 --format jsonl
  .venv/bin/eventwire export --db {db} --format acled-csv -o events.csv
  .venv/bin/eventwire extract demo/syria_idlib_airstrikes.txt
""")


from .cli_watch import watch  # noqa: E402  (its own module: the command is long)

main.add_command(serve)
main.add_command(watch)

if __name__ == "__main__":
    main()
