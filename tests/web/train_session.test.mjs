// The worker's side of the training figure (web/train/session.js) with the real module: how
// many steps a request takes, where its chunks end, and that it stops at the engine's limit.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { train } from "../../web/train/session.js";
import { trainOptions } from "../../web/train/schema.js";
import { loadActlab } from "../wasm/module.mjs";

let actlab;
before(async () => {
  actlab = await loadActlab();
});

const values = {
  data: "moons",
  noise: 0.1,
  phi: "tanh",
  alpha: null,
  init: "glorot-uniform",
  depth: 4,
  width: 16,
  batch: 32,
  opt: "sgd",
  lr: 0.1,
  seed: 1,
  vs: false,
};

// A budget of 2 s a request, so that these tests do not depend on the machine's speed: the
// page's is 20 ms.
function request(actlab, steps, since) {
  const options = trainOptions(values);
  return train(actlab, {
    key: "k",
    ...options,
    steps,
    since,
    reset: !since,
    budgetMs: 2000,
  });
}

test("replies end on logged steps when the budget allows, so no unlogged step is evaluated", () => {
  let reply = request(actlab, 0);
  assert.equal(reply.runs[0].steps_done, 0);
  for (let i = 0; i < 5; i++) {
    reply = request(actlab, 95, [reply.runs[0].entries.length]);
    const run = reply.runs[0];
    assert.ok(run.steps_done > 0);
    const period = actlab.trainLimits().defaultLogEvery;
    assert.equal(run.steps_done % period, 0, `step ${run.steps_done}`);
    assert.equal(run.current_csv, "");
  }
});

test("a request asks for no more steps than it was given", () => {
  let reply = request(actlab, 0);
  reply = request(actlab, 3, [1]);
  assert.equal(reply.runs[0].steps_done, 3);
  assert.notEqual(reply.runs[0].current_csv, ""); // step 3 is not a logged one
});

test("stepping stops at the engine's step limit, and the reply says so", () => {
  const limit = 25;
  const limited = {
    ...actlab,
    trainLimits: () => ({ ...actlab.trainLimits(), maxSteps: limit }),
  };
  assert.equal(actlab.trainLimits().maxSteps, 1000000);
  let reply = request(limited, 0);
  for (let i = 0; i < 20 && !reply.atLimit; i++)
    reply = request(limited, 1000, [reply.runs[0].entries.length]);
  assert.equal(reply.atLimit, true);
  assert.equal(reply.runs[0].steps_done, limit);
  reply = request(limited, 1000, [reply.runs[0].entries.length]);
  assert.equal(reply.runs[0].steps_done, limit);
});
