// Every formula the page can show (both languages' strings, the figure modules' TeX literals,
// the engine's activation and initializer formulas) typesets under KaTeX's strict mode: no
// "Unicode text character used in math mode" or other LaTeX-incompatible input, which KaTeX
// would otherwise print as a warning at build time and in the browser (issue 14).
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { test } from "node:test";

import { STRINGS } from "../../web/i18n/index.js";
import { pageFormulas } from "../../scripts/site/katex-fonts.mjs";
import { loadActlab } from "../wasm/module.mjs";

const require = createRequire(import.meta.url);
const katex = require("katex");

test("every formula of the page typesets with strict: error", async () => {
  const actlab = await loadActlab();
  const formulas = pageFormulas({
    stringTables: STRINGS,
    figureDir: fileURLToPath(new URL("../../web/figures", import.meta.url)),
    catalog: {
      activations: actlab.listActivations(),
      initializers: actlab.listInitializers(),
    },
  });
  // The Russian strings hold formulas with Cyrillic words, so this is not an empty check.
  assert.ok(
    formulas.some(({ tex }) => /[а-яё]/i.test(tex)),
    "a formula with Cyrillic text",
  );
  const failures = [];
  for (const { tex, display } of formulas) {
    try {
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: true,
        strict: "error",
      });
    } catch (error) {
      failures.push(`${tex}: ${error.message}`);
    }
  }
  assert.deepEqual(failures, []);
});
