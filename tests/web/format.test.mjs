// The page's number formatting: %.17g exactly as the actlab CLI prints it, and CSV.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { formatG17, formatShort, toCsv } from "../../web/format.js";
import { powerOfTen } from "../../web/numbers.js";
import { cli } from "./cli.mjs";

test("formatG17 reproduces every number `actlab curve` prints", () => {
  for (const args of [
    ["--act", "sigmoid", "--from", "-700", "--to", "700", "--points", "14001"],
    ["--act", "selu", "--from", "-1e4", "--to", "1e4", "--points", "2001"],
    ["--act", "gelu", "--from", "-0.001", "--to", "0.001", "--points", "1001"],
  ]) {
    const cells = cli(["curve", ...args])
      .trim()
      .split("\n")
      .slice(1)
      .flatMap((row) => row.split(","));
    for (const cell of cells) assert.equal(formatG17(Number(cell)), cell);
  }
});

test("formatG17 handles the special values as C does", () => {
  assert.equal(formatG17(0), "0");
  assert.equal(formatG17(-0), "-0");
  assert.equal(formatG17(Number.NaN), "nan");
  assert.equal(formatG17(Infinity), "inf");
  assert.equal(formatG17(1e21), "1e+21");
  assert.equal(formatG17(1e16), "10000000000000000");
  assert.equal(formatG17(1e17), "1e+17");
  assert.equal(formatG17(0.0001), "0.0001");
  assert.equal(formatG17(0.00001), "1.0000000000000001e-05");
  assert.equal(formatG17(0.1), "0.10000000000000001");
  assert.equal(formatG17(0.25), "0.25");
});

test("toCsv writes a header and rows, quoting only where needed", () => {
  const csv = toCsv(
    ["k", "name"],
    [new Float64Array([0, 1.5]), ["a,b", 'say "x"']],
  );
  assert.equal(csv, 'k,name\n0,"a,b"\n1.5,"say ""x"""\n');
});

test("formatShort keeps labels short", () => {
  assert.equal(formatShort(0.25), "0.25");
  assert.equal(formatShort(1.7580993408473766, 5), "1.7581");
  assert.equal(formatShort(3.1e-9), "3.1e-9");
  assert.equal(formatShort(0), "0");
});

describe("powers of ten as a person writes them", () => {
  test("superscript digits and minus, never a caret", () => {
    assert.equal(powerOfTen(-2), "10⁻²");
    assert.equal(powerOfTen(0), "10⁰");
    assert.equal(powerOfTen(15), "10¹⁵");
    assert.equal(powerOfTen(-308), "10⁻³⁰⁸");
  });
});
