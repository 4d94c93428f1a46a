// Counts per day, week or month as SVG bars; dragging across them picks a date range
// (snapped to whole bars) that filters everything else.

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 96;
const AXIS = 18;
const DAY = 86400000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toTime = (iso) => Date.parse(iso + "T00:00:00Z");
const toISO = (t) => new Date(t).toISOString().slice(0, 10);

export function createTimeline(container, onBrush) {
  let data = {bucket: "day", counts: []};
  let selection = {since: "", until: ""};
  let scale = null;

  function render() {
    while (container.firstChild) container.removeChild(container.firstChild);
    const width = Math.max(300, container.clientWidth || 800);
    const root = svg("svg", {width, height: HEIGHT, class: "timeline-svg", role: "img",
      "aria-label": `records per ${data.bucket}`});
    container.append(root);
    const counts = data.counts;
    if (!counts.length) {
      const t = svg("text", {x: 10, y: HEIGHT / 2, class: "empty"});
      t.textContent = "no dated records for these filters";
      root.append(t);
      scale = null;
      return;
    }
    const t0 = toTime(counts[0].start);
    const t1 = toTime(counts[counts.length - 1].end) + DAY;
    const x = (t) => 4 + ((t - t0) / (t1 - t0)) * (width - 8);
    scale = {x, t0, t1, width, invert: (px) => t0 + ((px - 4) / (width - 8)) * (t1 - t0)};
    const max = Math.max(...counts.map((c) => c.count));
    const plot = HEIGHT - AXIS - 4;
    const inRange = (c) => (!selection.since || c.end >= selection.since) && (!selection.until || c.start <= selection.until);
    for (const c of counts) {
      const left = x(toTime(c.start));
      const w = Math.max(1.5, x(toTime(c.end) + DAY) - left - 1);
      const h = Math.max(1.5, (c.count / max) * plot);
      const bar = svg("rect", {x: left, y: 4 + plot - h, width: w, height: h,
        class: inRange(c) ? "bar" : "bar out"});
      const tip = svg("title");
      tip.textContent = `${c.start === c.end ? c.start : c.start + " to " + c.end}: ${c.count}`;
      bar.append(tip);
      root.append(bar);
    }
    for (const tick of ticks(t0, t1, width)) {
      const label = svg("text", {x: x(tick.t), y: HEIGHT - 4, class: "tick"});
      label.textContent = tick.label;
      root.append(label);
      root.append(svg("line", {x1: x(tick.t), x2: x(tick.t), y1: HEIGHT - AXIS, y2: HEIGHT - AXIS + 4, class: "tick-line"}));
    }
    if (selection.since || selection.until) {
      const a = x(selection.since ? Math.max(t0, toTime(selection.since)) : t0);
      const b = x(selection.until ? Math.min(t1, toTime(selection.until) + DAY) : t1);
      if (b > a) root.append(svg("rect", {x: a, y: 0, width: b - a, height: HEIGHT - AXIS, class: "brush"}));
    }
    brushing(root);
  }

  function brushing(root) {
    let start = null;
    let band = null;
    const px = (ev) => ev.clientX - root.getBoundingClientRect().left;
    root.addEventListener("pointerdown", (ev) => {
      if (!scale) return;
      start = px(ev);
      root.setPointerCapture(ev.pointerId);
      band = svg("rect", {x: start, y: 0, width: 0, height: HEIGHT - AXIS, class: "brush drawing"});
      root.append(band);
    });
    root.addEventListener("pointermove", (ev) => {
      if (start === null) return;
      const now = px(ev);
      band.setAttribute("x", Math.min(start, now));
      band.setAttribute("width", Math.abs(now - start));
    });
    root.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const end = px(ev);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      const picked = pick(scale.invert(a), scale.invert(b), b - a < 3);
      if (picked) onBrush(picked.since, picked.until);
    });
  }

  // The bars under [ta, tb] (or the bar under a click) as since/until days.
  function pick(ta, tb, click) {
    const hit = data.counts.filter((c) => {
      const s = toTime(c.start), e = toTime(c.end) + DAY;
      return click ? s <= ta && ta < e : e > ta && s < tb;
    });
    return hit.length ? {since: hit[0].start, until: hit[hit.length - 1].end} : null;
  }

  return {
    update(newData, newSelection) {
      data = newData;
      selection = newSelection;
      render();
    },
    select(newSelection) {
      selection = newSelection;
      render();
    },
    resize: render,
  };
}

// About one label per 90 px: years, months or days, whichever fits.
function ticks(t0, t1, width) {
  const want = Math.max(2, Math.floor(width / 90));
  const spanDays = (t1 - t0) / DAY;
  const out = [];
  const d = new Date(t0);
  if (spanDays / 365 > want / 2) {
    const step = Math.max(1, Math.ceil(spanDays / 365 / want));
    for (let y = d.getUTCFullYear() + 1; Date.UTC(y, 0, 1) < t1; y += step) out.push({t: Date.UTC(y, 0, 1), label: String(y)});
  } else if (spanDays / 30 > want / 2) {
    const step = Math.max(1, Math.ceil(spanDays / 30 / want));
    for (let m = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)); m.getTime() < t1; m.setUTCMonth(m.getUTCMonth() + step)) {
      out.push({t: m.getTime(), label: m.toISOString().slice(0, 7)});
    }
  } else {
    const step = Math.max(1, Math.ceil(spanDays / want));
    for (let t = t0; t < t1; t += step * DAY) out.push({t, label: toISO(t).slice(5)});
  }
  return out;
}
