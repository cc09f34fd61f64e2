// Writes the distributables into dist/ (scripts/build-site.sh builds the wasm first):
//   dist/site/           the page as a static folder: index.html and assets/ (the JS bundled and
//                        minified by esbuild, content-hashed; one stylesheet with KaTeX's, uPlot's
//                        and the page's CSS and the KaTeX fonts in use; actlab.wasm);
//   dist/actlab.html     the whole lecture in one file (wasm, worker, CSS, fonts, scripts inlined);
//   dist/actlab-scorm12.zip  a SCORM 1.2 package of that file (scripts/site/scorm.mjs).
// The builds differ from the checkout's page in three modules only: where the worker comes from
// (web/engine-worker.js), where the wasm comes from (web/engine-wasm.js), and the engine's
// catalog, computed here from the module (web/engine-catalog.js).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

import * as esbuild from "esbuild";

import { STRINGS } from "../web/i18n/index.js";
import { TABLE_MODULES } from "../web/i18n/languages.js";
import { LANGUAGES, defaultLanguage } from "../web/state.js";
import { wrapModule } from "../wasm/api.mjs";
import { OPS } from "../web/ops.js";
import { pageFormulas, trimKatexCss, usedFaces } from "./site/katex-fonts.mjs";
import { writeScormPackage } from "./site/scorm.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const dist = join(root, "dist");
const site = join(dist, "site");
const assets = join(site, "assets");
const wasmBuild = join(root, "build/wasm");
const katexDir = dirname(require.resolve("katex/dist/katex.min.css"));
const uplotDir = dirname(require.resolve("uplot/dist/uPlot.min.css"));

const hash = (bytes) =>
  createHash("sha256").update(bytes).digest("hex").slice(0, 10);

// esbuild loads these modules from `sources` instead of the checkout's files.
function replaceModules(sources) {
  return {
    name: "actlab-build-modules",
    setup(build) {
      build.onLoad(
        { filter: /[\\/]web[\\/]engine-(wasm|worker|catalog)\.js$/ },
        (args) => {
          const contents = sources[basename(args.path)];
          return contents === undefined
            ? undefined
            : { contents, loader: "js", resolveDir: dirname(args.path) };
        },
      );
    },
  };
}

const common = {
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2020", "chrome89", "firefox114", "safari15"],
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
};

async function bundleJs(entry, options) {
  const result = await esbuild.build({
    ...common,
    entryPoints: [join(root, entry)],
    write: false,
    ...options,
  });
  return options.metafile ? result : result.outputFiles;
}

// Each language's chunk of the site's bundle (its strings, web/i18n/languages.js), by the
// bundle's metafile: "assets/chunk-….js" by language.
function languageChunks(metafile) {
  const chunks = {};
  for (const [output, { inputs }] of Object.entries(metafile.outputs))
    for (const [lang, module] of Object.entries(TABLE_MODULES))
      if (
        Object.keys(inputs).some((input) =>
          input.endsWith(`web/i18n/${module}`),
        )
      )
        chunks[lang] = `assets/${basename(output)}`;
  if (Object.keys(chunks).length !== LANGUAGES.length)
    throw new Error("a language's strings are not a chunk of their own");
  return chunks;
}

// The page's head asks for the reader's strings at once (the app would ask for them only once
// it has arrived and run): the language web/state.js's parseState reads, ?lang= or the
// browser's, whose chunk is preloaded.
const preloadLanguage = (chunks) =>
  `(function(){var c=${JSON.stringify(chunks)},p=new URLSearchParams(location.search).get("lang"),l=c.hasOwnProperty(p)?p:(${defaultLanguage})(navigator.languages),k=document.createElement("link");k.rel="modulepreload";k.href=c[l];document.head.appendChild(k)})();`;

// KaTeX's CSS (the faces in use), uPlot's and the page's, as one stylesheet.
function stylesheet(catalog) {
  const katexCss = readFileSync(join(katexDir, "katex.min.css"), "utf8");
  const formulas = pageFormulas({
    stringTables: STRINGS,
    figureDir: join(root, "web/figures"),
    catalog,
  });
  return [
    trimKatexCss(katexCss, usedFaces(katexCss, formulas)),
    readFileSync(join(uplotDir, "uPlot.min.css"), "utf8"),
    ...pageStylesheets().map((path) => readFileSync(join(root, path), "utf8")),
  ].join("\n");
}

// The page's own stylesheets (web/…), in index.html's order: index.html names them once.
function pageStylesheets() {
  const html = readFileSync(join(root, "index.html"), "utf8");
  return [...html.matchAll(/<link rel="stylesheet" href="(web\/[^"]+)"/g)].map(
    (match) => match[1],
  );
}

// The KaTeX faces of the lecture's opening prose and of figure 1's formulas: fetched with the
// stylesheet, so that the first layout has them (a face found only by that layout arrives
// after it, and the page is laid out again).
const PRELOADED_FACES = ["KaTeX_Main-Regular", "KaTeX_Math-Italic"];

async function bundleCss(css, loader) {
  const result = await esbuild.build({
    ...common,
    stdin: { contents: css, loader: "css", resolveDir: katexDir },
    loader: { ".woff2": loader },
    outdir: assets,
    entryNames: "style-[hash]",
    assetNames: "[name]-[hash]",
    write: false,
  });
  return result.outputFiles;
}

// V8's per-file compile hint (Chromium 136 on; a comment elsewhere): every function of the file
// is compiled while the script streams in, off the main thread, instead of on the main thread
// at its first call. For the scripts that run before the first figure is drawn, whose
// functions are nearly all called on load (KaTeX's, uPlot's, the app's): lazy compilation was
// a fifth of the main thread's work before the first figure. It must open the file.
const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

// KaTeX and uPlot are classic scripts that set globals (web/katex.js, web/plot/chart.js).
function vendorScript() {
  return (
    COMPILE_HINT +
    [
      readFileSync(join(katexDir, "katex.min.js"), "utf8"),
      readFileSync(join(uplotDir, "uPlot.iife.min.js"), "utf8"),
    ].join("\n;\n")
  );
}

// index.html's own markup with the checkout's stylesheets and scripts replaced by `head`.
function pageHtml(head) {
  const html = readFileSync(join(root, "index.html"), "utf8")
    .replace(/\s*<link rel="(stylesheet|modulepreload)"[^>]*>/g, "")
    .replace(/\s*<script\b[^>]*>\s*<\/script>/g, "");
  // A function, so that "$&" in the inlined scripts is not a replacement pattern.
  return html.replace(/\s*<\/head>/, () => `\n${head}\n  </head>`);
}

// Text safe inside <script> or <style>: no closing tag, no comment opener.
function inlineSafe(text) {
  return text
    .replace(/<\/(script|style)/gi, "<\\/$1")
    .replace(/<!--/g, "<\\!--");
}

// The catalog the page reads from the engine (web/ops.js), computed by the module as the
// page's worker computes it.
async function loadCatalog() {
  const createModule = require(join(wasmBuild, "actlab-node.cjs"));
  const raw = await createModule({
    wasmBinary: readFileSync(join(wasmBuild, "actlab-node.wasm")),
  });
  return OPS.catalog(wrapModule(raw));
}

// web/engine-catalog.js with the catalog in it, as JSON (which V8 parses faster than the same
// object as code); a catalog that JSON would change (a NaN, an Infinity) stops the build.
function catalogModule(catalog) {
  const json = JSON.stringify(catalog);
  if (!isDeepStrictEqual(JSON.parse(json), catalog))
    throw new Error("the engine's catalog does not survive JSON");
  return `export const BUILT_CATALOG = JSON.parse(${JSON.stringify(json)});`;
}

// The worker that the page's head starts (earlyWorker) is named so: the head fetches the wasm
// while the worker's script loads, and sends it the bytes ({wasm: ArrayBuffer}, or {wasm: null}
// if that fetch failed). A worker started otherwise fetches the wasm itself.
const WASM_FROM_PAGE = "actlab:wasm-from-page";

const WASM_FROM_URL = (
  file,
) => `import { compileWasm } from "./wasm-compile.js";
export function compileEngine() {
  const url = new URL("./${file}", import.meta.url);
  if (self.name !== ${JSON.stringify(WASM_FROM_PAGE)}) return compileWasm(url);
  // Taken before web/worker.js's requests handler sees it (this listener is added first).
  return new Promise((resolve) => {
    self.addEventListener("message", function take(event) {
      if (!event.data || !("wasm" in event.data)) return;
      event.stopImmediatePropagation();
      self.removeEventListener("message", take);
      resolve(event.data.wasm ? WebAssembly.compile(event.data.wasm) : compileWasm(url));
    });
  });
}`;

// The head's fetch of the wasm for its worker (WASM_FROM_PAGE), whose bytes are transferred.
const wasmForWorker = (file) =>
  `fetch("assets/${file}").then(function(r){if(!r.ok)throw r.status;return r.arrayBuffer()}).then(function(b){w.postMessage({wasm:b},[b])},function(){w.postMessage({wasm:null})});`;

const WASM_INLINE = (bytes) => `const WASM = "${bytes.toString("base64")}";
export function compileEngine() {
  const binary = atob(WASM);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return WebAssembly.compile(bytes);
}`;

// The worker starts from an inline script in the page's head, before the stylesheet and the
// scripts load, so that the wasm compiles while they do; it keeps the worker's first events for
// web/engine.js, which takes the worker through startWorker(). A page whose inline scripts a
// server forbids (CSP) starts it from startWorker() instead. more: code run with the worker w
// (the site's fetch of the wasm for it).
const earlyWorker = (create, more = "") =>
  `(function(){var w=${create},e=[];w.onmessage=w.onerror=function(x){e.push(x)};${more}window.actlabEarlyWorker={worker:w,events:e}})();`;

const takeWorker = (create) => `export function startWorker() {
  const early = globalThis.actlabEarlyWorker;
  if (!early) return ${create};
  delete globalThis.actlabEarlyWorker;
  const { worker, events } = early;
  worker.onmessage = worker.onerror = null;
  // The caller sets its handlers in the same task; the kept events follow, in order.
  queueMicrotask(() => {
    for (const event of events)
      (event.type === "error" ? worker.onerror : worker.onmessage)?.(event);
  });
  return worker;
}`;

const WORKER_FROM_URL = (file) =>
  takeWorker(
    `new Worker(new URL("./${file}", import.meta.url), { type: "module" })`,
  );

// A classic worker: Chromium refuses a module worker from a blob URL in a file:// page. Its
// source is the page's <script type="text/plain" id="actlab-worker">.
const BLOB_WORKER = `new Worker(URL.createObjectURL(new Blob([document.getElementById("actlab-worker").textContent], { type: "text/javascript" })))`;

async function buildSite(wasm, css, vendor, catalog) {
  mkdirSync(assets, { recursive: true });
  const wasmFile = `actlab-${hash(wasm)}.wasm`;
  writeFileSync(join(assets, wasmFile), wasm);
  const [worker] = await bundleJs("web/worker.js", {
    plugins: [replaceModules({ "engine-wasm.js": WASM_FROM_URL(wasmFile) })],
  });
  const workerFile = `worker-${hash(worker.contents)}.js`;
  writeFileSync(join(assets, workerFile), worker.contents);
  const vendorFile = `vendor-${hash(vendor)}.js`;
  writeFileSync(join(assets, vendorFile), vendor);

  let styleFile;
  const preloads = [];
  for (const file of await bundleCss(css, "file")) {
    writeFileSync(file.path, file.contents);
    const name = basename(file.path);
    if (name.endsWith(".css")) styleFile = name;
    if (PRELOADED_FACES.some((face) => name.startsWith(`${face}-`)))
      preloads.push(
        `    <link rel="preload" href="assets/${name}" as="font" type="font/woff2" crossorigin />`,
      );
  }
  const app = await bundleJs("web/app.js", {
    splitting: true,
    metafile: true,
    outdir: assets,
    entryNames: "app-[hash]",
    chunkNames: "chunk-[hash]",
    plugins: [
      replaceModules({
        "engine-worker.js": WORKER_FROM_URL(workerFile),
        "engine-catalog.js": catalogModule(catalog),
      }),
    ],
  });
  const appEntry = app.outputFiles.find((f) => /app-[^/]*\.js$/.test(f.path));
  for (const file of app.outputFiles)
    writeFileSync(
      file.path,
      file === appEntry ? COMPILE_HINT + file.text : file.contents,
    );
  const appFile = basename(appEntry.path);
  writeFileSync(
    join(site, "index.html"),
    pageHtml(
      [
        `    <script>${earlyWorker(`new Worker("assets/${workerFile}",{type:"module",name:${JSON.stringify(WASM_FROM_PAGE)}})`, wasmForWorker(wasmFile))}</script>`,
        `    <script>${preloadLanguage(languageChunks(app.metafile))}</script>`,
        `    <link rel="stylesheet" href="assets/${styleFile}" />`,
        ...preloads,
        `    <script defer src="assets/${vendorFile}"></script>`,
        `    <script type="module" src="assets/${appFile}"></script>`,
      ].join("\n"),
    ),
  );
}

async function buildSingleFile(wasm, css, vendor, catalog) {
  const [worker] = await bundleJs("web/worker.js", {
    format: "iife",
    // The classic worker has no import.meta; nothing in it locates a file (web/instance.js).
    define: { "import.meta.url": "undefined" },
    plugins: [replaceModules({ "engine-wasm.js": WASM_INLINE(wasm) })],
  });
  const [app] = await bundleJs("web/app.js", {
    plugins: [
      replaceModules({
        "engine-worker.js": takeWorker(BLOB_WORKER),
        "engine-catalog.js": catalogModule(catalog),
      }),
    ],
  });
  const [style] = (await bundleCss(css, "dataurl")).filter((f) =>
    f.path.endsWith(".css"),
  );
  const html = pageHtml(
    [
      `    <script type="text/plain" id="actlab-worker">${inlineSafe(worker.text)}</script>`,
      `    <script>${earlyWorker(BLOB_WORKER)}</script>`,
      `    <style>${inlineSafe(style.text)}</style>`,
      `    <script>${inlineSafe(vendor)}</script>`,
      `    <script type="module">${inlineSafe(app.text)}</script>`,
    ].join("\n"),
  );
  writeFileSync(join(dist, "actlab.html"), html);
  return html;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const wasm = readFileSync(join(wasmBuild, "actlab.wasm"));
const catalog = await loadCatalog();
const css = stylesheet(catalog);
const vendor = vendorScript();
await buildSite(wasm, css, vendor, catalog);
const single = await buildSingleFile(wasm, css, vendor, catalog);
writeScormPackage(join(dist, "actlab-scorm12.zip"), single);
