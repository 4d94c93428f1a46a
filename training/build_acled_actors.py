"""Build eventwire/data/acled_actors.json: how ACLED names actors, for the acled-csv export.

    python training/build_acled_actors.py [--shared ../shared] [--out eventwire/data/acled_actors.json]

Source (never ../shared/eval): ../shared/train/acled/gold.jsonl, ACLED data as shipped in
ACLED's R package acledR (GPL-3). Armed Conflict Location & Event Data Project (ACLED);
acleddata.com. Three tables, names and dates only (no notes, no texts):

- countries: ISO alpha-3 -> the country as ACLED writes it ("Democratic Republic of Congo");
- state_countries: the same where ACLED writes it otherwise after "Military Forces of" ("the
  Democratic Republic of Congo");
- periods: ISO alpha-3 -> the periods ACLED writes after a state's forces ("Military Forces of
  Russia (2000-)"), each with the first day it applies. A period that follows another in the
  data starts on the first day the data uses it; the first starts on 1 January of its year.
  Two periods used side by side (rival governments), or a later one used before an earlier,
  keep the more frequent one.
- names: eventwire's canonical actor name (data/actors.yaml) -> ACLED's name for it, matched on
  the name or an alias; "{country}" stands for the event's country where ACLED writes one in
  parentheses ("Islamic State ({country})"). Matches checked by hand are refused in _WRONG.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "training"))

from build_acled_places import country_table  # noqa: E402
from eventwire.geo.lookup import normalize  # noqa: E402

# The plain forms only: "Military Forces of Yemen (2016-) Supreme Political Council" is a rival
# government's forces, not the state's period.
_STATE = re.compile(r"^(?:Military|Police) Forces of (?P<country>.+?) \((?P<period>\d{4}-(?:\d{4})?)\)$"
                    r"|^Government of (?P<gov>.+?) \((?P<gperiod>\d{4}-(?:\d{4})?)\)$")
# Alias matches that name another group (read against the ACLED notes by hand).
_WRONG = {"Baloch Liberation Army", "Gulf Cartel", "SPLA-IO", "Committee to Protect Journalists",
          "Southern Transitional Council", "CPC (Central African Republic)", "Donetsk People's Republic",
          "Luhansk People's Republic", "Naxalites"}


def _actors(row: dict) -> list[str]:
    return [part for key in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
            for part in (row.get(key) or "").split("; ") if part]


def countries(rows: list[dict], iso: dict[str, str]) -> dict[str, str]:
    names: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        code = iso.get(normalize(r.get("country") or ""))
        if code:
            names[code][r["country"]] += 1
    return {code: c.most_common(1)[0][0] for code, c in sorted(names.items())}


def _state_matches(rows: list[dict], iso: dict[str, str]):
    """(ISO alpha-3, the country as the actor name writes it, period, event date) of each state actor."""
    for r in rows:
        for actor in _actors(r):
            m = _STATE.match(actor)
            if m:
                written = m.group("country") or m.group("gov")
                code = iso.get(normalize(re.sub(r"^the ", "", written)))
                if code:
                    yield code, written, m.group("period") or m.group("gperiod"), r["event_date"]


def state_countries(rows: list[dict], iso: dict[str, str], names: dict[str, str]) -> dict[str, str]:
    written: dict[str, Counter] = defaultdict(Counter)
    for code, name, _, _ in _state_matches(rows, iso):
        written[code][name] += 1
    return {code: c.most_common(1)[0][0] for code, c in sorted(written.items())
            if c.most_common(1)[0][0] != names.get(code)}


def periods(rows: list[dict], iso: dict[str, str]) -> dict[str, list[list[str]]]:
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for code, _, period, day in _state_matches(rows, iso):
        seen[code][period].append(day)
    out = {}
    for code, labels in sorted(seen.items()):
        kept: list[str] = []
        for label in sorted(labels, key=lambda lb: -len(labels[lb])):  # most used first
            days = labels[label]
            if all((k[:4] < label[:4] and max(labels[k]) < min(days))
                   or (k[:4] > label[:4] and max(days) < min(labels[k])) for k in kept):
                kept.append(label)
        kept.sort(key=lambda lb: (lb[:4], min(labels[lb])))
        out[code] = [[label, f"{label[:4]}-01-01" if i == 0 else min(labels[label])]
                     for i, label in enumerate(kept)]
    return out


def _core(name: str) -> tuple[str, str | None]:
    """("islamicstate", "Syria") for "Islamic State (Syria)"; "PKK: " prefixes are dropped."""
    m = re.match(r"^(?:[A-Z0-9\-]+:\s*)?(.*?)(?:\s*\(([^)]*)\))?$", name)
    return re.sub(r"[^a-z0-9]", "", m.group(1).lower()), m.group(2)


def names(rows: list[dict], actors_yaml: dict, country_names: set[str]) -> dict[str, str]:
    used = Counter(a for r in rows for a in _actors(r))
    by_core: dict[str, list[str]] = defaultdict(list)
    for actor in used:
        by_core[_core(actor)[0]].append(actor)
    out = {}
    for entry in actors_yaml.get("organizations") or []:
        name = entry["name"]
        if name in _WRONG or normalize(name) in country_names:
            continue
        keys = {_core(n)[0] for n in [name, *entry.get("aliases", [])]}
        matches = sorted({a for k in keys for a in by_core.get(k, [])}, key=lambda a: (-used[a], a))
        if not matches:
            continue
        best = matches[0]
        core_name, paren = re.sub(r"\s*\([^)]*\)$", "", best), _core(best)[1]
        if paren and any(normalize(_core(a)[1] or "") in country_names for a in matches):
            best = f"{core_name} ({{country}})"  # ACLED writes the event's country after it
        out[name] = best
    return dict(sorted(out.items()))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--out", default=str(ROOT / "eventwire" / "data" / "acled_actors.json"))
    a = ap.parse_args()
    rows = [json.loads(line) for line in open(Path(a.shared) / "train" / "acled" / "gold.jsonl", encoding="utf-8")]
    iso = country_table()
    actors_yaml = yaml.safe_load((ROOT / "eventwire" / "data" / "actors.yaml").read_text(encoding="utf-8"))
    data = {
        "source": "Armed Conflict Location & Event Data Project (ACLED); acleddata.com",
        "licence": "GPL-3.0 (ACLED data as shipped in the acledR R package)",
        "derived_from": "shared/train/acled/gold.jsonl (training rows only): country and actor names, event dates",
        "built_by": "training/build_acled_actors.py",
        "countries": countries(rows, iso),
        "state_countries": state_countries(rows, iso, countries(rows, iso)),
        "periods": periods(rows, iso),
        "names": names(rows, actors_yaml, set(iso)),
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"{len(data['countries'])} countries, {len(data['periods'])} with state periods, "
          f"{len(data['names'])} actor names -> {a.out}")


if __name__ == "__main__":
    main()
