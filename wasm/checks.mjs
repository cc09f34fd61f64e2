// The one place where the JS API checks argument types and words its messages: the CLI's flag
// grammar (a finite decimal number, an integer, an id) and the engine's own number formatter
// (number_text, quoted_text), so that the module and `actlab` say the same thing for the same
// bad input. Every wrap*() of api.mjs, train_api.mjs, theory_api.mjs, edge_api.mjs and
// isometry_api.mjs reads its options through checksFor(raw).
export class ActlabError extends Error {
  constructor(message) {
    super(message);
    this.name = "ActlabError";
  }
}

const INT32_MAX = 2147483647;

// A raw binding's {error} result as an ActlabError; any other result as it is.
export function unwrap(result) {
  if (
    result &&
    typeof result === "object" &&
    typeof result.error === "string"
  ) {
    throw new ActlabError(result.error);
  }
  return result;
}

export function checksFor(raw) {
  // What a message says a value was: numbers and strings as the engine writes them, every
  // other type by its kind; nothing is converted (a Symbol or an object whose toString throws
  // is described, not stringified).
  function describe(value) {
    switch (typeof value) {
      case "number":
        return `'${raw.numberText(value)}'`;
      case "string":
        return `a string ${raw.quotedText(value)}`;
      case "boolean":
        return `a boolean '${value}'`;
      case "bigint":
        return "a bigint";
      case "symbol":
        return "a symbol";
      case "function":
        return "a function";
      default:
        if (value === null) return "null";
        return Array.isArray(value) ? "an array" : "an object";
    }
  }

  // A finite number, as `actlab --FLAG X` accepts it; undefined takes the fallback.
  function number(flag, value, fallback) {
    if (value === undefined) return fallback;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new ActlabError(
        `--${flag}: expected a finite decimal number, got ${describe(value)}`,
      );
    }
    return value;
  }

  function integer(flag, value, fallback) {
    if (value === undefined) return fallback;
    if (!Number.isInteger(value) || Math.abs(value) > INT32_MAX) {
      throw new ActlabError(
        `--${flag}: expected an integer, got ${describe(value)}`,
      );
    }
    return value;
  }

  // An id: a string; undefined and null are "not given" (the core's "required" message).
  function id(flag, value) {
    if (value === undefined || value === null) return "";
    if (typeof value !== "string") {
      throw new ActlabError(
        `--${flag}: expected an id (a string), got ${describe(value)}`,
      );
    }
    return value;
  }

  // alpha: undefined means the activation's default, which the core reads as NaN.
  const alphaOf = (alpha) => number("alpha", alpha, Number.NaN);

  // The options of a call, read once each (a getter that throws is bad input too); undefined
  // and null are no options.
  function options(value, keys) {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new ActlabError(
        `options: expected an object, got ${describe(value)}`,
      );
    }
    const read = {};
    for (const key of keys) {
      try {
        read[key] = value[key];
      } catch {
        throw new ActlabError(`options.${key}: could not be read`);
      }
    }
    return read;
  }

  return { describe, number, integer, id, alphaOf, options };
}
