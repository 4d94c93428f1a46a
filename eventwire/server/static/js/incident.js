// One incident: every source side by side with its own toll, date and place, the
// disagreements between them and the corroboration grade.

import {getJSON} from "./api.js";
import {clear, el, nav, fmtNumber, fmtScore, idPath, internal, outsideLink} from "./dom.js";
import {gradeClass} from "./list.js";
import {swatch} from "./map.js";

export async function showIncident(container, id) {
  clear(container).append(el("p", {}, "Loading…"));
  const inc = await getJSON(`/api/incidents/${encodeURIComponent(id)}`);
  const fat = inc.fatalities || {};
  const loc = inc.location || {};
  const dates = inc.date_start === inc.date_end ? inc.date_start : `${inc.date_start || "?"} to ${inc.date_end || "?"}`;
  const byDoc = new Map((inc.documents || []).map((d) => [d.id, {doc: d, sources: []}]));
  for (const s of inc.sources || []) {
    if (!byDoc.has(s.document_id)) byDoc.set(s.document_id, {doc: {id: s.document_id}, sources: []});
    byDoc.get(s.document_id).sources.push(s);
  }
  clear(container).append(
    el("p", {}, el("a", {href: nav.overview, className: "back"}, "‹ Back to the map"), " · ",
      el("a", {href: `/api/incidents/${encodeURIComponent(id)}`, className: "json-twin"}, "this incident as JSON")),
    el("h1", {}, swatch(inc.event_type), inc.sub_event_type || inc.event_type || inc.plover_type || "Incident"),
    el("dl", {className: "facts"},
      fact("Where", [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") || "—"),
      fact("When", dates || "—"),
      fact("Deaths", `${fmtNumber(fat.best)} (low ${fmtNumber(fat.low)}, high ${fmtNumber(fat.high)})`),
      fact("Actors", (inc.actors || []).join("; ") || "—"),
      fact("Corroboration", el("span", {className: `grade grade-${gradeClass(inc.corroboration)}`}, inc.corroboration || "—"))),
    el("h2", {}, "Where the sources disagree"),
    (inc.disagreements || []).length
      ? el("ul", {className: "disagreements"}, inc.disagreements.map((d) => el("li", {}, d)))
      : el("p", {}, "The sources agree on toll, date, place and actors."),
    el("h2", {}, `Sources (${byDoc.size})`),
    el("div", {className: "sources"}, [...byDoc.values()].map(sourceColumn)));
}

function fact(name, value) {
  return [el("dt", {}, name), el("dd", {}, value)];
}

function sourceColumn({doc, sources}) {
  return el("article", {className: "source-col"},
    el("h3", {}, el("a", {href: internal(idPath("document", doc.id))}, doc.title || doc.id)),
    el("p", {className: "meta"}, [doc.source, doc.published].filter(Boolean).join(" · "),
      " · quality ", fmtScore(doc.quality_score)),
    doc.url ? el("p", {className: "meta"}, outsideLink(doc.url)) : null,
    sources.map((s) => el("div", {className: "source-event"},
      el("dl", {className: "facts small"},
        fact("Toll", fmtNumber(s.fatalities)),
        fact("Date", s.date || "—"),
        fact("Place", s.place || "—")),
      el("blockquote", {}, (s.evidence || {}).sentence || ""),
      el("a", {href: internal(idPath("document", s.document_id) + "?event=" + encodeURIComponent(s.event_id))},
        "See it in the article"))));
}
