// The page's two classic scripts (KaTeX, uPlot) set globals; a page whose copy lacks one, or
// whose server did not send it, says so once instead of failing in every figure.
const LIBRARIES = [
  ["KaTeX", () => typeof globalThis.katex?.render === "function"],
  ["uPlot", () => typeof globalThis.uPlot === "function"],
];

export function missingLibraries() {
  return LIBRARIES.filter(([, present]) => !present()).map(([name]) => name);
}
