// Compiles the .wasm file at `url`. Streaming compilation (compiling while the bytes arrive)
// needs the server to send application/wasm; many university and LMS file servers send
// application/octet-stream, and then the bytes are compiled once they have all arrived.
export async function compileWasm(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") ?? "";
  if (
    typeof WebAssembly.compileStreaming === "function" &&
    /^application\/wasm\s*(;|$)/i.test(type)
  ) {
    try {
      return await WebAssembly.compileStreaming(response.clone());
    } catch (error) {
      if (!(error instanceof TypeError)) throw error;
    }
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
