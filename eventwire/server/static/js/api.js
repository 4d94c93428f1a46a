// The page's only way to the data: the JSON API of this server.

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== "") q.set(key, String(value));
  }
  const text = q.toString();
  return text ? "?" + text : "";
}

export class ApiError extends Error {}

export async function getJSON(path, params) {
  const response = await fetch(path + query(params), {headers: {Accept: "application/json"}});
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const detail = body && body.detail;
    const message = typeof detail === "string" ? detail
      : Array.isArray(detail) ? detail.map((d) => `${(d.loc || []).slice(-1)[0]}: ${d.msg}`).join("; ")
      : `${response.status} ${response.statusText}`;
    throw new ApiError(message);
  }
  return body;
}

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#e377c2",
  "Strategic developments": "#1f77b4",
};
export const OTHER_COLOUR = "#7f7f7f";

export function typeColour(type) {
  return TYPE_COLOURS[type] || OTHER_COLOUR;
}
