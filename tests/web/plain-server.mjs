// A plain static file server for the distribution tests, as a university or LMS file server
// is: it serves a folder as it is, knows a few MIME types and sends everything else (.wasm
// among them) as application/octet-stream. Requests are recorded.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "application/javascript",
  ".css": "text/css",
  ".xml": "application/xml",
};

// {server, origin, requests: [pathname], close()}; `folder` is served at the origin's root.
// types: more MIME types by extension (the load benchmark serves .wasm both ways).
export async function serveFolder(folder, { types = {} } = {}) {
  const requests = [];
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, "http://localhost");
    requests.push(pathname);
    let file = normalize(join(folder, decodeURIComponent(pathname)));
    if (!file.startsWith(folder)) file = null;
    else if (pathname.endsWith("/")) file = join(file, "index.html");
    let size = -1;
    try {
      if (file && statSync(file).isFile()) size = statSync(file).size;
    } catch {
      size = -1;
    }
    if (size < 0) {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found\n");
      return;
    }
    response.writeHead(200, {
      "content-type":
        types[extname(file)] ??
        MIME_TYPES[extname(file)] ??
        "application/octet-stream",
      "content-length": size,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    server,
    requests,
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
