// A language table with a section's strings added (web/i18n/<topic>.<lang>.js): objects are
// merged key by key, a section's key never replacing one of the table's.
export function join(table, section) {
  const out = { ...table };
  for (const [key, value] of Object.entries(section)) {
    const mine = out[key];
    if (mine && typeof mine === "object" && !Array.isArray(mine))
      out[key] = join(mine, value);
    else if (!(key in out)) out[key] = value;
  }
  return out;
}

// A language's whole table from its parts (web/i18n/table.<lang>.js): the main table, then each
// topic's strings.
export const joinTable = (parts) => parts.reduce(join);
