// The development server: serves a checkout at http://127.0.0.1:8000 for scripts/serve.sh and
// the tests. It is not for publishing: scripts/build-site.sh writes dist/, which any static
// server can serve as it is. Bound to 127.0.0.1. It serves only what the page needs
// (the page, its modules, the built wasm module and the front-end packages), with the right
// MIME types for ES modules and wasm; nothing leaves this machine. The benchmark's page
// (bench/web/, with TensorFlow.js) is served cross-origin isolated, so that TensorFlow.js's
// threaded wasm backend can use SharedArrayBuffer; the course page is not.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, posix, resolve } from "node:path";
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

// The longest URL served (as most servers do, 8 KiB: longer is 414); the request line and
// headers together up to 64 KiB, beyond which node answers 431 itself and closes.
const MAX_URL_LENGTH = 8192;
const MAX_HEADER_BYTES = 65536;
const ALLOWED_METHODS = "GET, HEAD";

// The file for a URL path, or null when it is outside the allowlist. The allowlist is checked
// on the decoded, normalized path, so that an encoded "../" cannot leave it.
function resolvePath(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath === "/" ? "/index.html" : urlPath);
  } catch {
    return undefined; // a malformed percent-escape
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const path = posix.normalize(decoded);
  if (!SERVED_PREFIXES.some((prefix) => path.startsWith(prefix))) return null;
  const file = join(root, path);
  return file.startsWith(root + "/") ? file : null;
}

function fileSize(file) {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats.size : -1;
  } catch {
    return -1;
  }
}

function answer(response, status, text, headers = {}) {
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    ...headers,
  });
  response.end(text + "\n");
}

export function startServer({ port = 8000, host = "127.0.0.1" } = {}) {
  const server = createServer(
    { maxHeaderSize: MAX_HEADER_BYTES },
    (request, response) => {
      if (request.method !== "GET" && request.method !== "HEAD") {
        answer(response, 405, "method not allowed", { allow: ALLOWED_METHODS });
        return;
      }
      if (request.url.length > MAX_URL_LENGTH) {
        answer(response, 414, "URI too long");
        return;
      }
      const { pathname } = new URL(request.url, "http://localhost");
      const file = resolvePath(pathname);
      if (file === undefined) {
        answer(response, 400, "bad request");
        return;
      }
      const size = file ? fileSize(file) : -1;
      if (size < 0) {
        answer(response, 404, "not found");
        return;
      }
      response.writeHead(200, {
        "content-type": MIME_TYPES[extname(file)] ?? "application/octet-stream",
        "content-length": size,
        "cache-control": "no-cache",
        ...(pathname.startsWith(ISOLATED_PREFIX) ? ISOLATION_HEADERS : {}),
      });
      if (request.method === "HEAD") {
        response.end();
        return;
      }
      const stream = createReadStream(file);
      stream.on("error", () => response.destroy());
      stream.pipe(response);
    },
  );
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
