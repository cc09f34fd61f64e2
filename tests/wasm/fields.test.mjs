// One field table per record (native/include/actlab/layer_fields.hpp, activation_record.hpp):
// the module's fields() names exactly what the CLI's JSON and text table, and the module's own
// objects, carry, in the table's order. engine.test.mjs compares the statistics over it.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";

import { cli, loadActlab } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

const NETWORK = ["--act", "tanh", "--init", "glorot-normal", "--depth", "3"];
const SHAPE = ["--width", "8", "--batch", "4"];

describe("fields", () => {
  test("activation: every record of the module and of `actlab list` has exactly its keys", () => {
    const { activation } = actlab.fields();
    assert.deepEqual(activation.slice(0, 2), ["id", "name"]);
    for (const entry of actlab.listActivations()) {
      assert.deepEqual(Object.keys(entry), activation, entry.id);
    }
    // The CLI's JSON object sorts its keys.
    for (const entry of JSON.parse(cli(["list", "--format", "json"]))) {
      assert.deepEqual(Object.keys(entry), [...activation].sort(), entry.id);
    }
  });

  test("columns: the header of `propagate --format text`", () => {
    const { columns, statistics } = actlab.fields();
    const text = cli(["propagate", ...NETWORK, ...SHAPE, "--format", "text"]);
    const [header, ...rows] = text.trimEnd().split("\n");
    assert.deepEqual(header.split(/ +/), columns);
    assert.equal(rows.length, 3);
    for (const row of rows)
      assert.equal(row.split(/ +/).length, columns.length);
    assert.equal(columns[0], "layer");
    assert.ok(columns.slice(1).every((c) => statistics.includes(c)));
  });

  test("histograms: the edges of `propagate`'s JSON and the module's result", () => {
    const { histograms } = actlab.fields();
    const native = JSON.parse(cli(["propagate", ...NETWORK, ...SHAPE]));
    const wasm = actlab.propagate({
      act: "tanh",
      init: "glorot-normal",
      depth: 3,
      width: 8,
      batch: 4,
    });
    for (const { edges } of histograms) {
      assert.ok(Array.isArray(native[edges]), edges);
      assert.ok(wasm[edges] instanceof Float64Array, edges);
      assert.equal(wasm[edges].length, native[edges].length, edges);
    }
  });

  test("profile: propagationTheory's per-layer series", () => {
    const { profile } = actlab.fields();
    const t = actlab.propagationTheory({
      act: "tanh",
      init: "glorot-normal",
      depth: 3,
      width: 8,
      batch: 4,
    });
    assert.deepEqual(Object.keys(t.layers), profile);
    for (const key of profile) assert.equal(t.layers[key].length, 3, key);
  });
});
