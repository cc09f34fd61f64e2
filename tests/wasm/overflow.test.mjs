// The module reports an exploding signal as the CLI does: overflow_layer, finite statistics
// before it, NaN after it, and no gradient through it.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { cli, loadActlab } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

const exploding = {
  act: "relu",
  init: "normal",
  initStd: 1,
  depth: 60,
  width: 64,
  batch: 64,
};

test("an exploding relu network: overflow_layer as the CLI's, finite before, NaN after", () => {
  const p = actlab.propagate(exploding);
  const doc = JSON.parse(
    cli([
      "propagate",
      ...["--act", "relu", "--init", "normal", "--init-std", "1"],
      ...["--depth", "60", "--width", "64", "--batch", "64"],
    ]),
  );
  assert.equal(p.overflow_layer, doc.overflow_layer);
  assert.equal(p.overflow_layer, 51);
  assert.equal(p.grad_overflow_layer, null);
  for (let l = 1; l <= 60; ++l) {
    const actStd = p.layers.act_std[l - 1];
    if (l < 51) {
      assert.ok(Number.isFinite(actStd) && actStd > 0, `layer ${l}`);
      const cliStd = doc.layers[l - 1].act_std;
      assert.ok(
        Math.abs(actStd - cliStd) <= 1e-4 * Math.abs(cliStd),
        `layer ${l}`,
      );
    } else {
      assert.ok(Number.isNaN(actStd), `layer ${l}`);
      assert.equal(doc.layers[l - 1].act_std, null);
    }
    assert.ok(Number.isNaN(p.layers.grad_pre_std[l - 1]), `layer ${l}`);
  }
});

test("a finite network has no overflow", () => {
  const p = actlab.propagate({ ...exploding, depth: 40 });
  assert.equal(p.overflow_layer, null);
  assert.equal(p.grad_overflow_layer, null);
  assert.ok(p.layers.grad_pre_std.every(Number.isFinite));
});

test("an exploding gradient under a bounded signal: grad_overflow_layer as the CLI's", () => {
  const options = {
    act: "tanh",
    init: "orthogonal",
    gain: 6,
    depth: 200,
    width: 64,
    batch: 16,
  };
  const p = actlab.propagate(options);
  const doc = JSON.parse(
    cli([
      "propagate",
      ...["--act", "tanh", "--init", "orthogonal", "--gain", "6"],
      ...["--depth", "200", "--width", "64", "--batch", "16"],
    ]),
  );
  assert.equal(p.overflow_layer, null);
  assert.equal(p.grad_overflow_layer, doc.grad_overflow_layer);
  assert.ok(p.grad_overflow_layer > 1);
  const from = p.grad_overflow_layer;
  p.layers.grad_pre_std.forEach((x, i) =>
    assert.equal(Number.isFinite(x), i + 1 > from, `layer ${i + 1}`),
  );
});
