"""Full news articles written by the team (tests/data/news): the main event's fields, every gold
event's fields once found, and a precision proxy (scoring/news.py)."""
from __future__ import annotations

from ..scoring.news import evaluate_news
from . import Context

NAME = "news"
ORDER = 70
SOURCE = "team"
HEADLINE = ("main_event_type", "main_sub_event_type", "main_location", "main_date", "main_fatalities",
            "event_recall")
QUOTABLE = False


def run(ctx: Context) -> dict:
    data = ctx.team_data / "news"
    r = evaluate_news(data / "docs.jsonl", data / "gold.jsonl")
    return {"n": r["documents"], **{f"main_{k}": v for k, v in r["main"].items() if k not in ("n", "found")},
            "event_recall": r["events"]["recall"], "fields": r["events"]["fields"],
            "precision_proxy": r["precision_proxy"]["share"]}


def describe(r: dict) -> list[str]:
    return ["Team-written full news articles (tests/data/news, 32 articles, 70 events; see its README). "
            "A development set: it was read while the extraction rules were written, so these "
            "figures are optimistic for unseen news. The main event is the most confident typed one, "
            "scored against the headline's event; "
            f"every gold event's fields once found (recall {r['event_recall']}; share of typed output "
            f"events that report a gold event {r['precision_proxy']}):",
            "", "| field | agree | n | share |", "|---|---|---|---|",
            *(f"| {k} | {v['agree']} | {v['n']} | {v['share']} |" for k, v in r["fields"].items())]
