// A worker killed in the middle of a request is replaced, the request is sent again and
// answered, and the reader is told (web/engine.js, with a stand-in for the browser's Worker).
import assert from "node:assert/strict";
import { test } from "node:test";

const workers = [];

// A Worker that records what it is sent and answers when the test says so.
class FakeWorker {
  constructor(url, options) {
    this.url = String(url);
    this.options = options;
    this.sent = [];
    this.terminated = false;
    workers.push(this);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  answer(data) {
    this.onmessage?.({ data });
  }
  die(message) {
    this.onerror?.({ message });
  }
}
globalThis.Worker = FakeWorker;

const { Engine } = await import("../../web/engine.js");

test("a worker that dies mid-request is replaced; the request is answered by the new one", async () => {
  workers.length = 0;
  const restarts = [];
  const engine = new Engine({
    onRestart: (error) => restarts.push(error.message),
  });
  const first = workers[0];
  const catalog = engine.request("catalog", "catalog", {});
  first.answer({ id: first.sent[0].id, result: { ok: 1 }, ms: 1 });
  assert.deepEqual((await catalog).result, { ok: 1 });

  const pending = engine.request("prop", "propagation", { depth: 3 });
  assert.equal(first.sent.length, 2);
  first.die("killed"); // the worker dies while computing
  assert.equal(first.terminated, true);
  assert.equal(workers.length, 2);
  assert.deepEqual(restarts, ["killed"]);
  const second = workers[1];
  assert.deepEqual(second.sent, [first.sent[1]]); // the held request, sent again
  second.answer({ id: first.sent[1].id, result: { layers: 3 }, ms: 2 });
  const answered = await pending;
  assert.deepEqual(answered.result, { layers: 3 });
  assert.equal(answered.thread, "worker");
});

test("a module that aborts (RuntimeError) fails its request and the worker is replaced", async () => {
  workers.length = 0;
  const restarts = [];
  const engine = new Engine({
    onRestart: (error) => restarts.push(error.name),
  });
  const first = workers[0];
  first.answer({ module: null }); // the compiled module: it loaded
  const killer = engine.request("prop", "propagation", {});
  const other = engine.request("init", "initializers", {});
  first.answer({
    id: first.sent[0].id,
    error: { name: "RuntimeError", message: "Aborted(OOM)" },
  });
  await assert.rejects(killer, { name: "RuntimeError" });
  assert.deepEqual(restarts, ["RuntimeError"]);
  assert.deepEqual(workers[1].sent, [first.sent[1]]); // only the other one, sent again
  workers[1].answer({ id: first.sent[1].id, result: 7, ms: 1 });
  assert.equal((await other).result, 7);
});

test("a worker that never answered could not load: a load error, no restart", async () => {
  workers.length = 0;
  const restarts = [];
  const engine = new Engine({ onRestart: () => restarts.push(1) });
  const request = engine.request("catalog", "catalog", {});
  workers[0].die("failed to fetch");
  await assert.rejects(request, { message: "failed to fetch" });
  assert.equal(workers.length, 1);
  assert.deepEqual(restarts, []);
});

test("a worker that keeps dying is given up after a few restarts", async () => {
  workers.length = 0;
  const engine = new Engine();
  for (let k = 0; k < 10; ++k) {
    const worker = workers.at(-1);
    worker.answer({ module: null });
    worker.die("killed");
  }
  assert.ok(workers.length <= 4, String(workers.length));
  await assert.rejects(engine.request("catalog", "catalog", {}), {
    message: "killed",
  });
});
