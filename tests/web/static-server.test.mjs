// The development server (scripts/static-server.mjs) against hostile requests: it serves only
// its allowlist after decoding, answers only GET and HEAD, and survives every request.
import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";

import { startServer } from "../../scripts/static-server.mjs";

let server;
let port;

before(async () => {
  server = await startServer({ port: 0 });
  port = server.address().port;
});
after(() => server.close());

// One raw request (the path sent as is, no client-side normalization).
function fetchRaw(path, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, path, method, agent: false },
      (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

async function assertAlive() {
  const page = await fetchRaw("/index.html");
  assert.equal(page.status, 200);
  assert.match(page.body, /<html/i);
}

test("a malformed percent-escape is a 400, and the server keeps serving", async () => {
  for (const path of ["/web/%", "/web/%zz", "/web/%E0%A4%A"]) {
    const response = await fetchRaw(path);
    assert.equal(response.status, 400, path);
  }
  await assertAlive();
});

test("an encoded ../ does not leave the allowlist", async () => {
  for (const path of [
    "/web/..%2f.git%2fconfig",
    "/web/..%2F..%2Fpackage.json",
    "/web/%2e%2e/scripts/static-server.mjs",
    "/web/..%5cpackage.json",
    "/node_modules/uplot/dist/..%2f..%2f..%2fpackage.json",
    "/web/%00",
  ]) {
    const response = await fetchRaw(path);
    assert.equal(response.status, 404, path);
    assert.doesNotMatch(
      response.body,
      /repositoryformatversion|"name"|import /,
      path,
    );
  }
  await assertAlive();
});

test("a file in the allowlist is served, with an encoded name", async () => {
  const plain = await fetchRaw("/web/app.js");
  assert.equal(plain.status, 200);
  assert.match(plain.headers["content-type"], /^text\/javascript/);
  const encoded = await fetchRaw("/web/%61pp.js");
  assert.equal(encoded.status, 200);
  assert.equal(encoded.body, plain.body);
});

test("only GET and HEAD: other methods are 405 with Allow", async () => {
  for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"]) {
    const response = await fetchRaw("/index.html", method);
    assert.equal(response.status, 405, method);
    assert.equal(response.headers.allow, "GET, HEAD", method);
  }
  const head = await fetchRaw("/index.html", "HEAD");
  assert.equal(head.status, 200);
  assert.equal(head.body, "");
  assert.ok(Number(head.headers["content-length"]) > 0);
  await assertAlive();
});

test("a long URL is refused (414, or 431 past the header limit), and the server keeps serving", async () => {
  const long = await fetchRaw("/web/" + "a".repeat(20_000));
  assert.equal(long.status, 414);
  const huge = await fetchRaw("/web/" + "a".repeat(100_000));
  assert.equal(huge.status, 431);
  await assertAlive();
});

test("the benchmark's page is cross-origin isolated, the course page is not", async () => {
  const bench = await fetchRaw("/bench/web/index.html");
  assert.equal(bench.status, 200);
  assert.equal(bench.headers["cross-origin-opener-policy"], "same-origin");
  assert.equal(bench.headers["cross-origin-embedder-policy"], "require-corp");
  const page = await fetchRaw("/index.html");
  assert.equal(page.headers["cross-origin-opener-policy"], undefined);
});
