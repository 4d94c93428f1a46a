// The page: filters in the address (#/?type=…), the overview (map, timeline, list) and the
// incident and document views, each read from the JSON API.

import {getJSON} from "./api.js";
import {clear, el, fmtNumber, nav} from "./dom.js";
import {showDocument} from "./document.js";
import {showIncident} from "./incident.js";
import {renderList} from "./list.js";
import {createMap, swatch} from "./map.js";
import {createTimeline} from "./timeline.js";

const FILTERS = ["type", "country", "actor", "since", "until", "min_quality", "q"];
const PAGE = 100;
const state = {filters: {}, kind: "events", offset: 0, bucket: "auto"};
const views = {
  overview: document.getElementById("overview-view"),
  incident: document.getElementById("incident-view"),
  document: document.getElementById("document-view"),
};
const form = document.getElementById("filters");
let map = null;
let timeline = null;
let started = false;

function status(text, isError) {
  const s = document.getElementById("status");
  s.textContent = text || "";
  s.className = isError ? "status error" : "status";
}

function show(name) {
  for (const [key, node] of Object.entries(views)) node.hidden = key !== name;
}

// -- the address ---------------------------------------------------------------------------

function parseHash() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, search] = hash.split("?");
  return {parts: path.split("/").filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search || "")};
}

function writeHash() {
  const q = new URLSearchParams();
  for (const key of FILTERS) if (state.filters[key]) q.set(key, state.filters[key]);
  if (state.kind !== "events") q.set("kind", state.kind);
  if (state.offset) q.set("offset", String(state.offset));
  const text = q.toString();
  const target = "#/" + (text ? "?" + text : "");
  nav.overview = target;
  if (location.hash !== target) history.replaceState(null, "", target);
}

// -- the overview --------------------------------------------------------------------------

function readForm() {
  const data = new FormData(form);
  const f = {};
  for (const key of FILTERS) {
    const v = String(data.get(key) || "").trim();
    if (v && !(key === "min_quality" && Number(v) === 0)) f[key] = v;
  }
  return f;
}

function fillForm() {
  for (const key of FILTERS) {
    const input = form.elements[key];
    if (input) input.value = state.filters[key] || (key === "min_quality" ? "0" : "");
  }
  document.getElementById("f-quality-out").textContent = state.filters.min_quality || "any";
}

async function refresh({keepTimeline = false} = {}) {
  writeHash();
  status("Loading…");
  const filters = state.filters;
  const withoutDates = {...filters};
  delete withoutDates.since;
  delete withoutDates.until;
  try {
    const listPath = state.kind === "events" ? "/api/events" : "/api/incidents";
    const [page, stats] = await Promise.all([
      getJSON(listPath, {...filters, limit: PAGE, offset: state.offset}),
      getJSON("/api/stats", filters),
      map.update(filters, state.kind),
      keepTimeline ? null : getJSON("/api/timeline", {...withoutDates, kind: state.kind, bucket: state.bucket})
        .then((t) => timeline.update(t, {since: filters.since, until: filters.until})),
    ]);
    if (keepTimeline) timeline.select({since: filters.since, until: filters.until});
    renderList(state.kind, page, filters);
    document.getElementById("summary").textContent =
      `${fmtNumber(stats.events)} events · ${fmtNumber(stats.incidents)} incidents · ${fmtNumber(stats.documents)} documents` +
      (stats.date_range[0] ? ` · ${stats.date_range[0]} to ${stats.date_range[1]}` : "");
    status("");
  } catch (err) {
    status(err.message, true);
  }
}

async function fillChoices() {
  const stats = await getJSON("/api/stats");
  const type = document.getElementById("f-type");
  for (const t of stats.by_type) {
    if (t.name.startsWith("Other")) continue;  // not a filter value: PLOVER-only events
    type.append(el("option", {value: t.name}, `${t.name} (${fmtNumber(t.count)})`));
  }
  const country = document.getElementById("f-country");
  for (const c of stats.by_country) country.append(el("option", {value: c.name}, `${c.name} (${fmtNumber(c.count)})`));
  const actors = document.getElementById("actor-list");
  for (const a of stats.top_actors) actors.append(el("option", {value: a.name}));
  const legend = clear(document.getElementById("legend"));
  legend.append(el("h2", {}, "Types"));
  for (const t of stats.by_type) {
    const item = el("button", {type: "button", className: "legend-item", title: "show only this type"},
      swatch(t.name), `${t.name} (${fmtNumber(t.count)})`);
    if (!t.name.startsWith("Other")) item.addEventListener("click", () => setFilters({...state.filters, type: t.name}));
    else item.disabled = true;
    legend.append(item);
  }
}

function setFilters(filters, opts) {
  state.filters = filters;
  state.offset = 0;
  fillForm();
  return refresh(opts);
}

function wireOverview() {
  let typing = null;
  form.addEventListener("change", () => setFilters(readForm()));
  form.addEventListener("input", (ev) => {
    if (ev.target.id === "f-quality") document.getElementById("f-quality-out").textContent = ev.target.value === "0" ? "any" : ev.target.value;
    if (ev.target.type === "search" || ev.target.id === "f-actor") {
      clearTimeout(typing);
      typing = setTimeout(() => setFilters(readForm()), 400);
    }
  });
  form.addEventListener("submit", (ev) => ev.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => setFilters({}), 0));
  document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); refresh({keepTimeline: true}); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; refresh({keepTimeline: true}); });
  document.getElementById("bucket").addEventListener("change", (ev) => { state.bucket = ev.target.value; refresh(); });
  document.getElementById("clear-brush").addEventListener("click", () => {
    const f = {...state.filters};
    delete f.since;
    delete f.until;
    setFilters(f, {keepTimeline: true});
  });
  for (const button of document.querySelectorAll(".layer-switch button")) {
    button.addEventListener("click", () => {
      state.kind = button.dataset.kind;
      state.offset = 0;
      for (const b of document.querySelectorAll(".layer-switch button")) b.classList.toggle("on", b === button);
      refresh();
    });
  }
  timeline = createTimeline(document.getElementById("timeline"),
    (since, until) => setFilters({...state.filters, since, until}, {keepTimeline: true}));
  window.addEventListener("resize", () => timeline.resize());
}

// -- the router ----------------------------------------------------------------------------

async function route() {
  const {parts, params} = parseHash();
  try {
    if (parts[0] === "incident" && parts[1]) {
      show("incident");
      await showIncident(views.incident, parts[1]);
    } else if (parts[0] === "document" && parts[1]) {
      show("document");
      await showDocument(views.document, parts[1], params.get("event"));
    } else if (parts[0] === "event" && parts[1]) {
      const event = await getJSON(`/api/events/${encodeURIComponent(parts[1])}`);
      location.hash = (event.incident_ids || []).length
        ? `#/incident/${encodeURIComponent(event.incident_ids[0])}`
        : `#/document/${encodeURIComponent(event.document_id)}?event=${encodeURIComponent(event.id)}`;
      return;
    } else {
      show("overview");
      state.filters = {};
      for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
      state.kind = params.get("kind") === "incidents" ? "incidents" : "events";
      state.offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
      for (const b of document.querySelectorAll(".layer-switch button")) b.classList.toggle("on", b.dataset.kind === state.kind);
      fillForm();
      if (!started) {
        started = true;
        map.start();
      }
      map.map.invalidateSize();
      await refresh();
    }
    status("");
  } catch (err) {
    status(err.message, true);
    const view = Object.values(views).find((v) => !v.hidden);
    if (view && view !== views.overview) clear(view).append(el("p", {}, el("a", {href: nav.overview}, "‹ Back to the map")),
      el("p", {className: "error"}, err.message));
  }
}

map = createMap(document.getElementById("map"));
wireOverview();
fillChoices().catch((err) => status(err.message, true));
window.addEventListener("hashchange", route);
route();
