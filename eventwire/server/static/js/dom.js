// Building the page from data. Article text is hostile input: every string reaches the page
// as a text node or a checked property, never parsed as markup.

const SAFE_SCHEMES = new Set(["http:", "https:"]);

// el("a", {className: "x", href: url, onclick: fn}, "text", childNode, ...)
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "href") node.href = value;  // callers pass internal links or safeUrl()
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key in node && key !== "style") node[key] = value;
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// An outside address as a link target, or null: javascript:, data: and the like never are.
export function safeUrl(value) {
  if (typeof value !== "string" || !value) return null;
  try {
    const url = new URL(value);
    return SAFE_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// An outside link that opens apart from this page and tells the other site nothing.
export function outsideLink(url, text) {
  const href = safeUrl(url);
  if (!href) return el("span", {className: "unsafe-url", title: "not an http(s) address"}, text || url || "");
  return el("a", {href, target: "_blank", rel: "noopener noreferrer nofollow"}, text || href);
}

// Where "back to the map" goes: the overview with the filters last used.
export const nav = {overview: "#/"};

export function internal(path) {
  return "#" + path;
}

export function fmtNumber(n) {
  return n === null || n === undefined ? "—" : Number(n).toLocaleString("en");
}

export function fmtScore(n) {
  return typeof n === "number" ? n.toFixed(2) : "—";
}

export function idPath(kind, id) {
  return `/${kind}/${encodeURIComponent(id)}`;
}
