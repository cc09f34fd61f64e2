// &controls= of an embedded figure: "none" shows the figure alone, its parameters fixed by the
// URL; "act,depth" only the named controls. A name the figure does not have is dropped with
// the page's usual notice (reason "choice").
export const CONTROLS_KEY = "controls";

// {names: Set of the figure's controls to show | null for all, raw, notice?}.
export function parseControls(search, figure, controlNames) {
  const raw = new URLSearchParams(search).get(CONTROLS_KEY);
  if (raw === null) return { names: null, raw };
  if (raw === "none") return { names: new Set(), raw };
  const given = raw.split(",").filter(Boolean);
  const known = given.filter((name) => controlNames.includes(name));
  const result = { names: new Set(known), raw: known.join(",") || "none" };
  if (known.length !== given.length)
    result.notice = {
      key: `${figure}.${CONTROLS_KEY}`,
      given: raw,
      used: result.raw,
      reason: "choice",
    };
  return result;
}

// A query string (from stateToQuery) with &controls= kept.
export function withControls(query, raw) {
  if (raw === null) return query;
  return `${query}${query ? "&" : "?"}${CONTROLS_KEY}=${raw}`;
}
