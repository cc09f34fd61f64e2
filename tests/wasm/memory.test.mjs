// Memory stays flat over 10,000 Embind calls of every kind, errors included: no emval handle
// is left behind and the heap does not grow after the first round has sized it.
import assert from "node:assert/strict";
import { before, test } from "node:test";

import { loadModule } from "./module.mjs";

let raw;
let actlab;
before(async () => {
  ({ raw, actlab } = await loadModule());
});

const CALLS = 10000;
const net = { act: "tanh", init: "he-normal", depth: 2, width: 8, batch: 4 };

// One call of each kind in turn; a leaked result of curve (80 kB) would be 130 MB in all.
function call(i) {
  switch (i % 8) {
    case 0:
      return actlab.curve({ act: "relu", points: 10000 });
    case 1:
      return actlab.describeActivation({ act: "elu", alpha: 0.5 });
    case 2:
      return actlab.saturationRegions({ act: "sigmoid", eps: 0.1 });
    case 3:
      return actlab.bound({ act: "tanh", depth: 20 });
    case 4:
      return actlab.propagate({ ...net, seed: i });
    case 5:
      return actlab.listActivations();
    default:
      try {
        actlab.propagate({ ...net, depth: i % 2 ? 0 : 201 });
      } catch (error) {
        return error;
      }
  }
}

test(`${CALLS} calls leave no emval handle and do not grow the heap`, () => {
  for (let i = 0; i < 800; ++i) call(i);
  const handles = raw.count_emval_handles();
  const heap = raw.HEAPU8.buffer.byteLength;
  for (let i = 0; i < CALLS; ++i) call(i);
  assert.equal(raw.count_emval_handles(), handles);
  assert.equal(raw.HEAPU8.buffer.byteLength, heap);
});
