"""The real-news development set (eval/real_news/gold.jsonl, coded by the team by ACLED's rules;
eval/real_news/CODING.md): all GeoWebNews pages and the seed, scored with issue 10's measures
(scoring/real_news.py): main event found, its fields, other events recalled, precision, silence
on pages with nothing to code."""
from __future__ import annotations

from eventwire.model import to_dict

from ..data import read_jsonl, to_inputs
from ..scoring.real_news import read_gold, score
from . import Context

NAME = "real-news"
ORDER = 35
SOURCE = "shared"
SHARED_FOLDER = "geo-gwn"  # the page texts; the seed's come from its own folder
HEADLINE = ("main_found", "others_recalled", "precision", "silent_pages", "crime_found")
QUOTABLE = False


def run(ctx: Context) -> dict:
    gold = read_gold()
    rows = read_jsonl(ctx.folder / "docs.jsonl") + read_jsonl(ctx.shared / "eval" / "seed" / "docs.jsonl")
    rows = [r for r in rows if r["id"] in gold][:ctx.limit]
    docs = [to_dict(d) for d in ctx.predict(to_inputs(rows))]
    result = score(docs, {r["id"]: gold[r["id"]] for r in rows})
    result.pop("missing", None)
    return {"n": len(rows), **result}


def describe(r: dict) -> list[str]:
    return [f"{r.get('events_per_page')} events out per page; main event's sub-type "
            f"{r.get('main_sub_event_type')}, date {r.get('main_date')}, dead {r.get('main_fatalities')}; "
            f"the main event is the document's main one in {r.get('main_top')}. The set is thin on "
            "events (7 pages with a main event; 13 whose only incident is ordinary crime, scored as "
            "crime_found; 173 with nothing of their own days): see CODING.md."]
