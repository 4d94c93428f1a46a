// The table under the map: one page of events or incidents in the server's stable order.

import {query} from "./api.js";
import {clear, el, fmtNumber, fmtScore, idPath, internal} from "./dom.js";
import {swatch} from "./map.js";

const EVENT_COLUMNS = ["Date", "Type", "Actors", "Place", "Deaths", "Source", "Quality"];
const INCIDENT_COLUMNS = ["Dates", "Type", "Place", "Deaths (low–high)", "Sources", "Corroboration"];

export function renderList(kind, page, filters) {
  const head = clear(document.getElementById("list-head"));
  const body = clear(document.getElementById("list-body"));
  document.getElementById("list-title").textContent = kind === "events" ? "Events" : "Incidents";
  head.append(el("tr", {}, (kind === "events" ? EVENT_COLUMNS : INCIDENT_COLUMNS).map((c) => el("th", {}, c))));
  for (const row of page.items) body.append(kind === "events" ? eventRow(row) : incidentRow(row));
  if (!page.items.length) body.append(el("tr", {}, el("td", {colSpan: 7, className: "empty"}, "Nothing matches these filters.")));
  const first = page.total ? page.offset + 1 : 0;
  const last = page.offset + page.items.length;
  document.getElementById("pager-text").textContent = `${fmtNumber(first)}–${fmtNumber(last)} of ${fmtNumber(page.total)}`;
  document.getElementById("prev").disabled = page.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
  const csv = document.getElementById("dl-csv");
  const geo = document.getElementById("dl-geojson");
  csv.href = `/api/${kind}.csv${query(filters)}`;
  geo.href = `/api/${kind}.geojson${query(filters)}`;
}

function eventRow(row) {
  const link = internal(idPath("document", row.document_id) + "?event=" + encodeURIComponent(row.id));
  return el("tr", {className: "row", dataset: {id: row.id}},
    el("td", {}, row.date || "—"),
    el("td", {}, swatch(row.event_type), el("a", {href: link, className: "row-link"},
      row.sub_event_type || row.event_type || row.plover_type || "—")),
    el("td", {}, [row.actor1, row.actor2].filter(Boolean).join(" → ") || "—"),
    el("td", {}, [row.location_name, row.location_country].filter(Boolean).join(", ") || "—"),
    el("td", {className: "num"}, fmtNumber(row.fatalities)),
    el("td", {className: "source"}, row.document_source || row.document_title || "—"),
    el("td", {className: "num"}, fmtScore(row.quality_score)));
}

function incidentRow(row) {
  const dates = row.date_start === row.date_end || !row.date_end ? row.date_start : `${row.date_start} to ${row.date_end}`;
  const range = row.fatalities_low !== null && row.fatalities_high !== null && row.fatalities_low !== row.fatalities_high
    ? ` (${fmtNumber(row.fatalities_low)}–${fmtNumber(row.fatalities_high)})` : "";
  return el("tr", {className: "row", dataset: {id: row.id}},
    el("td", {}, dates || "—"),
    el("td", {}, swatch(row.event_type), el("a", {href: internal(idPath("incident", row.id)), className: "row-link"},
      row.sub_event_type || row.event_type || row.plover_type || "—")),
    el("td", {}, [row.location_name, row.location_country].filter(Boolean).join(", ") || "—"),
    el("td", {className: "num"}, fmtNumber(row.fatalities) + range),
    el("td", {className: "num"}, fmtNumber(row.n_sources)),
    el("td", {}, el("span", {className: `grade grade-${gradeClass(row.corroboration)}`}, row.corroboration || "—")));
}

export function gradeClass(grade) {
  return String(grade || "none").toLowerCase().replace(/[^a-z]+/g, "-");
}
