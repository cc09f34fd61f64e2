// One source of truth for limits: the module's limits() is the CLI's `actlab limits`, the
// checks refuse just past them, and the page's limits are the engine's or inside them.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { PAGE_CAPS, pageLimits } from "../../web/state.js";
import { cli, cliFailure, loadActlab } from "./module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

test("the module's limits are the CLI's, key for key", () => {
  assert.deepEqual(actlab.limits(), JSON.parse(cli(["limits"])));
});

test("each integer limit is accepted at its ends and refused just past them, naming them", () => {
  const { flags } = actlab.limits();
  const tiny = { act: "tanh", init: "he-normal", depth: 1, width: 1, batch: 1 };
  for (const [flag, option] of [
    ["depth", "depth"],
    ["width", "width"],
    ["batch", "batch"],
    ["input-dim", "inputDim"],
    ["bins", "bins"],
  ]) {
    const { min, max } = flags[flag];
    assert.ok(flags[flag].integer, flag);
    for (const ok of [min, max]) actlab.propagate({ ...tiny, [option]: ok });
    for (const bad of [min - 1, max + 1]) {
      assert.throws(() => actlab.propagate({ ...tiny, [option]: bad }), {
        message: `--${flag}: must be an integer from ${min} to ${max}, got ${bad}`,
      });
    }
  }
  const points = flags.points;
  assert.throws(() => actlab.curve({ act: "tanh", points: points.max + 1 }), {
    message: `--points: must be an integer from ${points.min} to ${points.max}, got ${points.max + 1}`,
  });
  const z = flags.to.max;
  assert.equal(
    actlab.curve({ act: "tanh", from: -z, to: z, points: 2 }).z[1],
    z,
  );
  const native = cliFailure([
    "curve",
    "--act",
    "tanh",
    "--to",
    String(z * 1.5),
  ]);
  assert.equal(native.status, 2);
  assert.ok(native.stderr.includes(`${-z} to ${z}`), native.stderr);
});

test("the defaults are the ones the engine uses", () => {
  const { flags } = actlab.limits();
  const curve = actlab.curve({ act: "tanh" });
  assert.equal(curve.z[0], flags.from.default);
  assert.equal(curve.z[curve.z.length - 1], flags.to.default);
  assert.equal(curve.z.length, flags.points.default);
  const p = actlab.propagate({
    act: "tanh",
    init: "he-normal",
    depth: 2,
    width: 4,
    batch: 2,
  });
  assert.equal(p.seed, flags.seed.default);
  assert.equal(p.act_hist_edges.length, flags.bins.default + 1);
});

test("the page's limits are the engine's, or inside them where the page stops lower", () => {
  const engine = actlab.limits();
  const page = pageLimits(engine);
  const inside = (flag, [lo, hi]) => {
    const f = engine.flags[flag];
    assert.ok(f.min_exclusive ? lo > f.min : lo >= f.min, `${flag} ${lo}`);
    assert.ok(f.max_exclusive ? hi < f.max : hi <= f.max, `${flag} ${hi}`);
  };
  inside("depth", page.depth);
  inside("width", page.width);
  inside("batch", page.batch);
  inside("seed", page.seed);
  inside("bins", page.bins);
  inside("points", page.curvePoints);
  inside("input-std", page.inputStd);
  inside("init-std", page.initStd);
  inside("saturation-eps", page.eps);
  assert.deepEqual(page.depth, [
    engine.flags.depth.min,
    engine.flags.depth.max,
  ]);
  assert.deepEqual(page.seed, [engine.flags.seed.min, engine.flags.seed.max]);
  assert.equal(page.absZ, engine.flags.to.max);
  assert.equal(
    page.width[1],
    Math.min(PAGE_CAPS.width, engine.flags.width.max),
  );
});
