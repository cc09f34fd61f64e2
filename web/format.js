// Text forms of numbers: C's %.17g (what the actlab CLI prints, so the page's CSV equals the
// CLI's byte for byte) and short labels for axes and readouts.

// printf("%.17g", x): 17 significant digits round-trip every double; exponent form when the
// decimal exponent is below -4 or at least 17, trailing zeros dropped, exponent >= 2 digits.
export function formatG17(x) {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  const [mantissa, exponentText] = x.toExponential(16).split("e");
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 17) {
    const digits = stripZeros(mantissa);
    const sign = exponent < 0 ? "-" : "+";
    return `${digits}e${sign}${String(Math.abs(exponent)).padStart(2, "0")}`;
  }
  return stripZeros(x.toFixed(16 - exponent));
}

function stripZeros(text) {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

// CSV with a header row; columns: arrays (or typed arrays) of equal length. Numbers in %.17g,
// strings quoted only where they must be.
export function toCsv(header, columns) {
  const rows = [header.map(csvCell).join(",")];
  const length = columns.length ? columns[0].length : 0;
  for (let i = 0; i < length; i++)
    rows.push(columns.map((c) => csvCell(c[i])).join(","));
  return rows.join("\n") + "\n";
}

function csvCell(value) {
  if (typeof value === "number") return formatG17(value);
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A short, readable label: 0.25, 1.758, 3.1e-9; `digits` significant digits.
export function formatShort(x, digits = 4) {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e5)
    return String(Number(x.toPrecision(digits)));
  const [m, e] = x.toExponential(digits - 1).split("e");
  return `${stripZeros(m)}e${e.replace("+", "")}`;
}
