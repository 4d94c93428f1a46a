// One document: the cleaned article with the chosen event's evidence highlighted field by
// field, the page-quality flags on their spans, and what the cleaner removed. Offsets from
// the server count Unicode code points, so the text is cut by code points, not UTF-16 units.

import {getJSON} from "./api.js";
import {clear, el, nav, fmtNumber, fmtScore, idPath, internal, outsideLink} from "./dom.js";
import {swatch} from "./map.js";

// The fields of an event that point into the text, in the order the legend shows them.
export const FIELDS = [
  {key: "actor1", label: "Actor 1", span: (e) => e.actor1, value: (v) => v.name || v.text},
  {key: "actor2", label: "Actor 2", span: (e) => e.actor2, value: (v) => v.name || v.text},
  {key: "place", label: "Place", span: (e) => e.location,
    value: (v) => [v.name, v.admin1, v.country].filter(Boolean).join(", ")},
  {key: "date", label: "Date", span: (e) => e.date && {start: e.date.span_start, end: e.date.span_end, ...e.date},
    value: (v) => v.start === v.end || !v.end ? v.start : `${v.start} to ${v.end}`},
  {key: "toll", label: "Toll", span: (e) => e.fatalities,
    value: (v) => `${fmtNumber(v.best)}${v.civilians ? `, ${v.civilians} civilians` : ""}`},
  {key: "attribution", label: "Attribution", span: (e) => e.attribution, value: (v) => v.source || v.text},
];

export async function showDocument(container, id, selectedEvent) {
  clear(container).append(el("p", {}, "Loading…"));
  const doc = await getJSON(`/api/documents/${encodeURIComponent(id)}`);
  const chars = Array.from(doc.text || "");
  const events = doc.events || [];
  let selected = events.find((e) => e.id === selectedEvent) || events[0] || null;
  const article = el("div", {className: "article", id: "article"});
  const side = el("aside", {className: "doc-side"});

  function select(event, scroll) {
    selected = event;
    renderText(article, chars, events, selected, doc.quality, select);
    renderSide(side, doc, events, selected, select);
    const mark = article.querySelector(".hl-evidence");
    if (scroll && mark) mark.scrollIntoView({block: "center"});
  }

  const q = doc.quality || {};
  clear(container).append(
    el("p", {}, el("a", {href: nav.overview, className: "back"}, "‹ Back to the map"), " · ",
      el("a", {href: `/api/documents/${encodeURIComponent(id)}`, className: "json-twin"}, "this document as JSON")),
    el("h1", {className: "doc-title"}, doc.title || doc.id),
    el("p", {className: "meta"}, [doc.source, doc.published, doc.language].filter(Boolean).join(" · "),
      " · page quality ", fmtScore(q.score), doc.url ? [" · ", outsideLink(doc.url)] : null),
    el("div", {className: "doc-layout"}, article, side));
  select(selected, Boolean(selectedEvent));
}

function intervals(events, selected, quality) {
  const out = [];
  for (const event of events) {
    const ev = event.evidence || {};
    if (event === selected) out.push({start: ev.start, end: ev.end, cls: "hl-evidence"});
    else out.push({start: ev.start, end: ev.end, cls: "hl-other", event});
  }
  if (selected) {
    for (const f of FIELDS) {
      const v = f.span(selected);
      if (v) out.push({start: v.start, end: v.end, cls: `hl-field hl-${f.key}`, title: f.label});
    }
  }
  for (const flag of (quality && quality.flags) || []) {
    for (const span of flag.spans || []) {
      out.push({start: span[0], end: span[1], cls: "hl-flag", title: `quality flag: ${flag.kind} — ${flag.detail || ""}`});
    }
  }
  return out.filter((i) => Number.isInteger(i.start) && Number.isInteger(i.end) && i.end > i.start);
}

function renderText(article, chars, events, selected, quality, select) {
  clear(article);
  const spans = intervals(events, selected, quality)
    .map((i) => ({...i, start: Math.max(0, i.start), end: Math.min(chars.length, i.end)}));
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const text = chars.slice(a, b).join("");
    const on = spans.filter((s) => s.start <= a && s.end >= b);
    if (!on.length) { article.append(document.createTextNode(text)); continue; }
    const titles = on.map((s) => s.title).filter(Boolean);
    const other = on.find((s) => s.event);
    const span = el("span", {className: on.map((s) => s.cls).join(" "), title: titles.join("\n") || undefined}, text);
    if (other && !on.some((s) => s.cls === "hl-evidence")) {
      span.addEventListener("click", () => select(other.event, false));
      span.title = "another event of this article: click to show its evidence";
    }
    article.append(span);
  }
}

function renderSide(side, doc, events, selected, select) {
  clear(side);
  side.append(el("h2", {}, `Events (${events.length})`),
    el("ul", {className: "legend-fields"}, FIELDS.map((f) => el("li", {}, el("span", {className: `key hl-${f.key}`}, f.label)))));
  for (const event of events) {
    const isOn = event === selected;
    const card = el("div", {className: isOn ? "ev-card on" : "ev-card", dataset: {id: event.id}},
      el("div", {className: "card-type"}, swatch(event.event_type),
        [event.sub_event_type || event.event_type, event.plover_type].filter(Boolean).join(" · ")),
      isOn ? el("dl", {className: "facts small"}, FIELDS.map((f) => {
        const v = f.span(event);
        return [el("dt", {}, el("span", {className: `key hl-${f.key}`}, f.label)), el("dd", {}, v ? f.value(v) || "—" : "—")];
      }), [el("dt", {}, "Confidence"), el("dd", {}, fmtScore(event.confidence))],
        event.hedged ? [el("dt", {}, "Hedged"), el("dd", {}, "yes: the article is unsure")] : null) : null,
      isOn ? null : el("div", {className: "evidence"}, (event.evidence || {}).sentence || ""));
    card.addEventListener("click", () => select(event, true));
    side.append(card);
  }
  const flags = (doc.quality && doc.quality.flags) || [];
  side.append(el("h2", {}, `Quality flags (${flags.length})`),
    flags.length ? el("ul", {className: "flags"}, flags.map((f) => el("li", {},
      el("strong", {}, f.kind), ": ", f.detail || "", (f.spans || []).length ? " (underlined in the text)" : "")))
      : el("p", {}, "None."));
  const removed = doc.removed || [];
  side.append(el("h2", {}, `Removed by the cleaner (${removed.length})`),
    removed.length ? el("ul", {className: "removed"}, removed.map((r) => el("li", {},
      el("span", {className: "reason"}, r.reason || "removed"), " ", el("q", {}, r.text || ""))))
      : el("p", {}, "Nothing."));
  const related = events.length ? el("p", {}, el("a", {href: internal(idPath("event", selected ? selected.id : events[0].id))},
    "Incidents that include the chosen event")) : null;
  if (related) side.append(related);
}
