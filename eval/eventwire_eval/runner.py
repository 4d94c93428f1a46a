"""Running sets: `evaluate` scores one set, `run_cli` is `eventwire eval SET` (echo the
headline figures, write the report, check the floors of a full run)."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from .floors import FLOORS_FILE, check_floors, load_floors
from .predictors import Predictor, pipeline_predictor
from .report import write_markdown
from .sets import Context, registry

ROOT = Path(__file__).resolve().parents[2]  # the checkout: eval/eventwire_eval/ -> .


def default_shared() -> Path:
    return ROOT.parent / "shared"


def set_names() -> tuple[str, ...]:
    return tuple(registry())


def evaluate(set_name: str, shared_dir: Path | str | None = None, *, limit: int | None = None,
             predict: Predictor | None = None) -> dict:
    """Score `predict` (default: the end-to-end pipeline) on one set."""
    module = registry().get(set_name)
    if module is None:
        raise ValueError(f"unknown evaluation set {set_name!r}; one of {set_names()}")
    ctx = Context(name=getattr(module, "SHARED_FOLDER", set_name), shared=Path(shared_dir) if shared_dir else default_shared(), root=ROOT,
                  predict=predict or pipeline_predictor(), limit=limit)
    if module.SOURCE == "shared" and not ctx.folder.is_dir():
        raise FileNotFoundError(f"no evaluation set at {ctx.folder}")
    t0 = time.perf_counter()
    out = module.run(ctx)
    return {"set": set_name, "limit": limit, **out, "seconds": round(time.perf_counter() - t0, 1)}


def run_cli(set_name: str, *, shared: str | None = None, limit: int | None = None,
            write: str | None = None, echo: Callable[[str], None] | None = None,
            predict: Predictor | None = None) -> int:
    """`eventwire eval`: the exit code (1 when a figure is below its floor, 2 for an unknown set)."""
    import click

    echo = echo or click.echo
    sets = registry()
    if set_name != "all" and set_name not in sets:
        echo(f"eval: no set {set_name!r}; one of: {', '.join(sets)}, all")
        return 2
    shared_dir = Path(shared) if shared else default_shared()
    names = tuple(sets) if set_name == "all" else (set_name,)
    if any(sets[n].SOURCE == "shared" for n in names) and not (shared_dir / "eval").is_dir():
        echo(f"eval: no evaluation data at {shared_dir / 'eval'}; public sets skipped (team sets still run)")
        names = tuple(n for n in names if sets[n].SOURCE != "shared")
    predict = predict or pipeline_predictor()
    results = {}
    for name in names:
        results[name] = evaluate(name, shared_dir, limit=limit, predict=predict)
        echo(f"{name}: " + ", ".join(f"{k}={results[name].get(k)}" for k in sets[name].HEADLINE)
             + f" ({results[name]['n']} docs, {results[name]['seconds']} s)")
    if write:
        cmd = f"eventwire eval {set_name}" + (f" --limit {limit}" if limit else "") + f" --write {write}"
        write_markdown(results, Path(write), command=cmd)
    # Floors for a partial run would compare unlike with like: only full runs are checked.
    failures = check_floors(results, load_floors("full")) if limit is None and FLOORS_FILE.exists() else []
    for f in failures:
        echo(f"FLOOR {f}")
    return 1 if failures else 0
