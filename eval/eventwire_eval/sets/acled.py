"""ACLED notes (shared/eval/README.md): the document's most confident event; event_type and
sub_event_type macro-F1 over the gold classes; fatalities exact (no event or null = 0); location
within 25 km of the gold point; date.start == event_date."""
from __future__ import annotations

from eventwire import main_event
from eventwire.geo import haversine_km

from ..data import load_set, to_inputs
from ..metrics import NO_EVENT, macro_f1, per_class, share, weighted_f1, worst_classes
from . import Context

NAME = "acled"
ORDER = 10
SOURCE = "shared"
HEADLINE = ("event_type_macro_f1", "sub_event_type_macro_f1", "fatalities_exact", "location_25km", "date_exact")
QUOTABLE = True  # GPL-3, cited

LOCATION_KM = 25.0


def run(ctx: Context) -> dict:
    rows, gold = load_set(ctx.folder, ctx.limit)
    docs = list(ctx.predict(to_inputs(rows)))
    g_et, p_et, g_sub, p_sub = [], [], [], []
    fat_ok = loc_ok = date_ok = no_event = failed = 0
    for row, doc in zip(rows, docs):
        g = gold[row["id"]]
        ev = main_event(doc)
        failed += doc.error is not None
        no_event += ev is None
        g_et.append(g["event_type"])
        g_sub.append(g["sub_event_type"])
        p_et.append((ev and ev.event_type) or NO_EVENT)
        p_sub.append((ev and ev.sub_event_type) or NO_EVENT)
        best = (ev.fatalities.best if ev and ev.fatalities else None) or 0
        fat_ok += best == int(g.get("fatalities") or 0)
        loc = ev.location if ev else None
        if loc and loc.latitude is not None and g.get("latitude") is not None:
            loc_ok += haversine_km(loc.latitude, loc.longitude, g["latitude"], g["longitude"]) <= LOCATION_KM
        date_ok += bool(ev and ev.date and ev.date.start == g.get("event_date"))
    n = len(rows)
    et_table = per_class(g_et, p_et, sorted(set(g_et)))
    sub_table = per_class(g_sub, p_sub, sorted(set(g_sub)))
    return {
        "n": n,
        "event_type_macro_f1": macro_f1(et_table),
        "sub_event_type_macro_f1": macro_f1(sub_table),
        "sub_event_type_weighted_f1": weighted_f1(sub_table),
        "fatalities_exact": share(fat_ok, n),
        "location_25km": share(loc_ok, n),
        "date_exact": share(date_ok, n),
        "no_event_share": share(no_event, n),
        "failed_docs": failed,
        "per_class_event_type": et_table,
        "per_class": sub_table,
        "worst": worst_classes(sub_table, g_sub, p_sub, rows),
    }


def describe(r: dict) -> list[str]:
    return [f"No event found for {r['no_event_share']} of the notes; "
            f"sub_event_type weighted F1 {r['sub_event_type_weighted_f1']}."]
