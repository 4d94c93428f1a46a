"""Imports flow one way: no module of eventwire/ imports from a stage later than its own (nor
a module that does not exist).

The stages are those of docs/ARCHITECTURE.md, in the order a document passes them. Shared
ground (the records and what they are made of, the language data, coded errors, settings) may
be imported from anywhere. Every module must have a stage here, so a new module makes its
author say where it sits. Lazy imports inside functions count like any other.
"""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "eventwire"

STAGES = ["shared", "ingest", "clean", "nlp", "analysis", "assembly", "store", "merge", "front"]

# Module (or package: it covers its submodules) -> stage; the longest prefix wins.
STAGE_OF = {
    # shared ground: the records, their categories, language data, data files, errors, settings
    "eventwire.model": "shared",
    "eventwire.recordio": "shared",
    "eventwire.categories": "shared",
    "eventwire.lexicon": "shared",
    "eventwire.datafiles": "shared",
    "eventwire.errors": "shared",
    "eventwire.settings": "shared",
    "eventwire.countries": "shared",
    # ingest: reading and fetching documents (watch polls feeds for new ones)
    "eventwire.ingest": "ingest",
    "eventwire.watch": "ingest",
    "eventwire.watch_state": "ingest",
    "eventwire.clean": "clean",
    # nlp: language identification, the spaCy pipeline and sentence embeddings. The nlp stage
    # adds geo's "gazetteer_ruler" component, so the gazetteer index and the ruler sit here;
    # resolving place mentions to places is the analysis stage's (below).
    "eventwire.language": "nlp",
    "eventwire.nlp": "nlp",
    "eventwire.embed": "nlp",
    "eventwire.doc_extensions": "nlp",  # the Doc._ attributes of the spaCy chain, registered once
    "eventwire.geo": "nlp",
    # analysis: extract, resolve, geo's resolution, page quality, the main event of a document
    "eventwire.extract": "analysis",
    "eventwire.resolve": "analysis",
    "eventwire.quality": "analysis",
    "eventwire.geo.mentions": "analysis",
    "eventwire.geo.hints": "analysis",
    "eventwire.geo.agreement": "analysis",
    "eventwire.geo.ranking": "analysis",
    "eventwire.geo.places": "analysis",
    "eventwire.salience": "analysis",
    "eventwire.components": "analysis",  # the analysis as spaCy components: adapters over the above
    # assembly: the pipeline wires the stages into Document records
    "eventwire.pipeline": "assembly",
    "eventwire.batch": "assembly",
    "eventwire.cluster": "assembly",  # batch on Dask: the same chunks on a cluster's workers
    "eventwire.timelimit": "assembly",  # the per-document limit the pipeline puts around each document
    # store: records in and out, what to select (Filters) and an event's flat row
    "eventwire.store": "store",
    "eventwire.filters": "store",
    "eventwire.flat": "store",
    "eventwire.merge": "merge",
    # front: the public API (the package itself), exports, the server, the command line
    "eventwire": "front",
    "eventwire.export": "front",
    "eventwire.server": "front",
    "eventwire.cli": "front",
    "eventwire.cli_checks": "front",
    "eventwire.cli_print": "front",
    "eventwire.cli_report": "front",
    "eventwire.cli_serve": "front",
    "eventwire.cli_store": "front",
    "eventwire.cli_watch": "front",
    "eventwire.progress": "front",
}

# Imports that go against the flow today, each with why it stays. Keep this list short:
# the fix is to move the shared function down to the stage that needs it first.
EXCEPTIONS = {
    # The title guess skips page furniture ("Share", "Advertisement") with clean's line rules;
    # moving those rules into ingest would split clean's boilerplate cascade in two.
    ("eventwire.ingest.text", "eventwire.clean"),
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def stage(module: str) -> str | None:
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        found = STAGE_OF.get(".".join(parts[:n]))
        if found:
            return found
    return None


def imports(module: str, source: str) -> set[str]:
    """The eventwire modules `source` imports (a package's name for `from pkg import name`
    unless `name` is one of its modules); a module that does not exist comes back as
    "missing: <name>"."""
    is_package = MODULES[module].name == "__init__.py"
    package = module if is_package else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for a in node.names:
                sub = f"{target}.{a.name}"
                out.add(sub if sub in MODULES else target)
    return {m if m in MODULES else f"missing: {m}" for m in out
            if m == "eventwire" or m.startswith("eventwire.")}


def excepted(module: str, target: str) -> bool:
    return any(module == m and (target == t or target.startswith(t + ".")) for m, t in EXCEPTIONS)


def violations(module: str, source: str) -> list[str]:
    mine = STAGES.index(stage(module))
    out = []
    for target in sorted(imports(module, source)):
        if target.startswith("missing: "):
            # A lazy import of a module that is not there fails only when it runs, and an
            # `except ImportError` around it would hide that for good.
            out.append(f"{module} imports {target[9:]}, which does not exist")
            continue
        theirs = STAGES.index(stage(target))
        if theirs > mine and not excepted(module, target):
            out.append(f"{module} ({STAGES[mine]}) imports {target} ({STAGES[theirs]})")
    return out


def test_every_module_has_a_stage():
    assert [m for m in MODULES if stage(m) is None] == []


def test_no_import_from_a_later_stage():
    found = [v for m, p in MODULES.items() for v in violations(m, p.read_text(encoding="utf-8"))]
    assert found == []


def test_exceptions_are_still_needed():
    """An exception whose import has gone must leave the list."""
    for module, target in EXCEPTIONS:
        assert any(t == target or t.startswith(target + ".")
                   for t in imports(module, MODULES[module].read_text(encoding="utf-8"))), (module, target)


@pytest.mark.parametrize("module, line", [
    ("eventwire.clean.captions", "from ..pipeline import process"),
    ("eventwire.extract.attribution", "from ..store import Store"),
    ("eventwire.ingest.text", "import eventwire.merge"),
    ("eventwire.geo.lookup", "from . import places"),
    ("eventwire.resolve.actors.people", "from ..geo import lookup"),  # one dot short: no module
])
def test_a_later_import_is_caught(module, line):
    assert violations(module, line)


@pytest.mark.parametrize("module, line", [
    ("eventwire.pipeline", "from .clean import clean"),
    ("eventwire.merge.incidents", "from ..resolve.actors import lookup_actor"),
    ("eventwire.clean.paragraphs", "from ..model import Removed"),
    ("eventwire.resolve.actors.people", "from ...geo import lookup"),
])
def test_an_earlier_import_passes(module, line):
    assert violations(module, line) == []
