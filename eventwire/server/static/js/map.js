// The offline map: Natural Earth countries from the vendored world-atlas file (no tile
// server), and the records grouped into grid cells by the server, coloured by type.

import {getJSON, typeColour} from "./api.js";
import {el, fmtNumber, idPath, internal} from "./dom.js";

const WORLD = "/static/vendor/world-atlas/countries-110m.json";

export function createMap(container) {
  const map = L.map(container, {minZoom: 1, maxZoom: 14, worldCopyJump: true, zoomSnap: 1})
    .setView([20, 15], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth");
  const points = L.layerGroup().addTo(map);
  let current = {filters: {}, kind: "events"};
  let request = 0;

  fetch(WORLD).then((r) => r.json()).then((topology) => {
    const land = topojson.feature(topology, topology.objects.countries);
    L.geoJSON(land, {
      interactive: false,
      style: {color: "#9aa5ad", weight: 0.7, fillColor: "#eef0e8", fillOpacity: 1},
    }).addTo(map).bringToBack();
  });

  async function draw() {
    const ticket = ++request;
    const b = map.getBounds().pad(0.25);
    const bbox = [Math.max(-90, b.getSouth()), b.getWest(), Math.min(90, b.getNorth()), b.getEast()]
      .map((x) => x.toFixed(4)).join(",");
    const data = await getJSON("/api/clusters", {...current.filters, kind: current.kind, zoom: map.getZoom(), bbox});
    if (ticket !== request) return;  // a newer view was asked for meanwhile
    points.clearLayers();
    for (const cell of data.cells) points.addLayer(marker(cell));
  }

  function marker(cell) {
    const [type] = Object.entries(cell.types).sort((a, b) => b[1] - a[1])[0];
    const single = cell.count === 1;
    const circle = L.circleMarker([cell.lat, cell.lon], {
      radius: single ? 7 : Math.min(28, 9 + 3.5 * Math.log2(cell.count)),
      color: "#ffffff", weight: 1.5, fillColor: typeColour(type), fillOpacity: 0.85,
      className: single ? "ew-point ew-single" : "ew-point ew-cluster",
    });
    if (!single) {
      circle.bindTooltip(el("span", {}, fmtNumber(cell.count)),
        {permanent: true, direction: "center", className: "ew-count", interactive: false});
    }
    circle.on("click", () => onClick(cell, circle));
    return circle;
  }

  async function onClick(cell, circle) {
    const [south, west, north, east] = cell.bounds;
    const spread = Math.max(north - south, east - west);
    if (cell.count > 1 && spread > 1e-4 && map.getZoom() < map.getMaxZoom()) {
      map.fitBounds([[south, west], [north, east]], {padding: [40, 40], maxZoom: map.getZoom() + 3});
      return;
    }
    const pad = 1e-5;
    const bbox = [south - pad, west - pad, north + pad, east + pad].join(",");
    const path = current.kind === "events" ? "/api/events" : "/api/incidents";
    const page = await getJSON(path, {...current.filters, bbox, limit: 20});
    const box = el("div", {className: "popup"},
      page.total > page.items.length ? el("p", {}, `${fmtNumber(page.total)} here; the first ${page.items.length}:`) : null,
      page.items.map((row) => current.kind === "events" ? eventCard(row) : incidentCard(row)));
    // On the map, not the marker: the redraw after the popup pans the map replaces the markers.
    L.popup({maxWidth: 360, maxHeight: 320}).setLatLng(circle.getLatLng()).setContent(box).openOn(map);
  }

  return {
    map,
    update(filters, kind) {
      current = {filters, kind};
      return draw().catch(() => {});
    },
    redraw: () => draw().catch(() => {}),
    start() {
      map.on("moveend", () => draw().catch(() => {}));
    },
  };
}

function eventCard(row) {
  const actors = [row.actor1, row.actor2].filter(Boolean).join(" → ");
  return el("div", {className: "card"},
    el("div", {className: "card-type"}, swatch(row.event_type), row.sub_event_type || row.event_type || row.plover_type || ""),
    el("div", {}, [row.date, row.location_name].filter(Boolean).join(" · ")),
    actors ? el("div", {}, actors) : null,
    row.fatalities !== null ? el("div", {}, `deaths: ${fmtNumber(row.fatalities)}`) : null,
    el("div", {className: "evidence"}, row.evidence || ""),
    el("a", {className: "open-document", href: internal(idPath("document", row.document_id) + "?event=" +
      encodeURIComponent(row.id))}, "Open document and evidence"));
}

function incidentCard(row) {
  return el("div", {className: "card"},
    el("div", {className: "card-type"}, swatch(row.event_type), row.sub_event_type || row.event_type || row.plover_type || ""),
    el("div", {}, [row.date_start, row.location_name].filter(Boolean).join(" · ")),
    el("div", {}, `deaths: ${fmtNumber(row.fatalities)} · ${row.n_sources} source(s) · ${row.corroboration || ""}`),
    el("a", {className: "open-incident", href: internal(idPath("incident", row.id))}, "Open incident"));
}

export function swatch(type) {
  const s = el("span", {className: "swatch"});
  s.style.backgroundColor = typeColour(type);
  return s;
}
