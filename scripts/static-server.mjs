// The development server: serves a checkout at http://127.0.0.1:8000 for scripts/serve.sh and
// the tests. It is not for publishing: scripts/build-site.sh writes dist/, which any static
// server can serve as it is. Bound to 127.0.0.1. It serves only what the page needs
// (the page, its modules, the built wasm module and the front-end packages), with the right
// MIME types for ES modules and wasm; nothing leaves this machine. The benchmark's page
// (bench/web/, with TensorFlow.js) is served cross-origin isolated, so that TensorFlow.js's
// threaded wasm backend can use SharedArrayBuffer; the course page is not.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));

const SERVED_PREFIXES = [
  "/index.html",
  "/web/",
  "/wasm/",
  "/build/wasm/",
  "/node_modules/uplot/dist/",
  "/node_modules/katex/dist/",
  "/bench/web/",
  "/node_modules/@tensorflow/tfjs-core/dist/",
  "/node_modules/@tensorflow/tfjs-backend-cpu/dist/",
  "/node_modules/@tensorflow/tfjs-backend-wasm/dist/",
];

const ISOLATED_PREFIX = "/bench/";
const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp",
};

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

function resolvePath(urlPath) {
  const path = urlPath === "/" ? "/index.html" : urlPath;
  if (!SERVED_PREFIXES.some((prefix) => path.startsWith(prefix))) return null;
  const file = normalize(join(root, decodeURIComponent(path)));
  return file.startsWith(root + "/") ? file : null;
}

export function startServer({ port = 8000, host = "127.0.0.1" } = {}) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://localhost");
    const file = resolvePath(pathname);
    let size = -1;
    try {
      if (file) size = statSync(file).isFile() ? statSync(file).size : -1;
    } catch {
      size = -1;
    }
    if (size < 0) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      response.end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type": MIME_TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": size,
      "cache-control": "no-cache",
      ...(pathname.startsWith(ISOLATED_PREFIX) ? ISOLATION_HEADERS : {}),
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolveListening, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolveListening(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? process.argv[2] ?? 8000);
  const server = await startServer({ port });
  console.log(
    `actlab's development server: http://127.0.0.1:${server.address().port}/ (Ctrl-C stops it; to publish, scripts/build-site.sh writes dist/)`,
  );
}
