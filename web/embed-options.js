// &controls= of an embedded figure: "none" shows the figure alone, its parameters fixed by the
// URL; "phi,depth" (or "act,depth", as the CLI names it) only the named controls. A name the
// figure does not have is dropped with the page's usual notice (reason "choice").
export const CONTROLS_KEY = "controls";

// The CLI's flag names that differ from the page's parameter names (actlab --act).
const ALIASES = { act: "phi" };

// {names: Set of the figure's controls to show | null for all, raw, notice?}.
export function parseControls(search, figure, controlNames) {
  const raw = new URLSearchParams(search).get(CONTROLS_KEY);
  if (raw === null) return { names: null, raw };
  if (raw === "none") return { names: new Set(), raw };
  const given = raw.split(",").filter(Boolean);
  const known = [
    ...new Set(
      given
        .map((name) => ALIASES[name] ?? name)
        .filter((name) => controlNames.includes(name)),
    ),
  ];
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
