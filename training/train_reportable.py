"""Fit the reportable-event model (eventwire/extract/reportable.py) on the training data.

Two steps:

    PYTHONPATH=. python training/train_reportable.py collect [--cache DIR] [--acled 1500] [--gva 1500]
    PYTHONPATH=. python training/train_reportable.py fit [--cache DIR] [--write]

`collect` runs the pipeline (with the model step switched off) over samples of
../shared/train/acled, the `fit` part of ../shared/train/gva and all of ../shared/train/geovirus,
and keeps the parsed documents and their event mentions in DIR (default /tmp/reportable-cache,
outside the repository: it holds the training texts). `fit` computes the mentions' features, labels them (rule below), fits a logistic
regression, cross-validates it by document (by incident for GVA), tunes the `reportable`
threshold on the out-of-fold probabilities, prints the figures and with --write saves
eventwire/data/models/reportable.json.

Labelling rule (a mention is positive when it is a mention of the document's gold event):
- ACLED note: same ACLED event_type as the coded event, a location that is unknown or within
  50 km of its point, and a date that is unknown or within a day of the event date. Other mentions of a note are
  negative (a note codes one event; what else it tells is the same event's detail or another).
- GVA report (the shooting is the report's event, even in a follow-up weeks later): a violent
  type (Battles, Explosions/Remote violence, Violence against civilians, Riots) with a location
  unknown or within 50 km of the incident's point, and a date unknown or within a day of the
  incident date; reports whose incident has no point are left out.
Unknown dates and unknown or country/province-level places do not make a mention negative:
whether the page reports an event is a question about its text, and a town the geocoder missed
is another stage's error. Documents without any mention are not kept.
- GeoVirus article (virus outbreaks: no conflict event): every mention is negative.

This file is the command line; the steps are one module each: reportable_collect.py (`collect`),
reportable_labels.py (the mentions' features and labels), reportable_fit.py (fit, tune, write).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from reportable_collect import collect  # noqa: E402
from reportable_fit import MODEL, fit  # noqa: E402
from reportable_labels import load  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["collect", "fit"])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/reportable-cache"))
    ap.add_argument("--acled", type=int, default=1500)
    ap.add_argument("--gva", type=int, default=1500)
    ap.add_argument("--only", choices=["acled", "gva", "geovirus", "examples"], help="collect one set only")
    ap.add_argument("--write", action="store_true", help="save the fitted model to " + str(MODEL.relative_to(ROOT)))
    args = ap.parse_args(argv)
    if args.step == "collect":
        collect(args.cache, args.acled, args.gva, args.only)
    else:
        fit(load(args.cache), write=args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
