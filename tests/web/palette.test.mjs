// Figure 1 with every chip on (issue 14): each of the engine's activations has its own line
// colour, apart from every other in light and in dark mode, and legible on both cards.
import assert from "node:assert/strict";
import { test } from "node:test";

import { activationColor } from "../../web/plot/palette.js";
import { cli } from "./cli.mjs";

const CARDS = { light: "#ffffff", dark: "#1d2024" }; // --card-bg of web/styles.css
const DARK_BLUE = "#3B8FD0"; // displayColor's blue on a dark card

const channel = (c) => {
  const x = c / 255;
  return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
};
const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const luminance = (hex) => {
  const [r, g, b] = rgb(hex).map(channel);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
// CIE 1976 L*a*b* (D65), and the distance between two colours in it.
function lab(hex) {
  const [r, g, b] = rgb(hex).map(channel);
  const f = (t) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a, b) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

const ids = JSON.parse(cli(["list", "--format", "json"])).map((a) => a.id);

test("every activation of the chips has a colour of its own", () => {
  assert.ok(ids.length >= 12, ids.join());
  const colors = ids.map((id) => activationColor(id));
  assert.equal(new Set(colors).size, ids.length, colors.join());
});

for (const [mode, card] of Object.entries(CARDS)) {
  test(`${mode} mode: colours at least 25 ΔE apart and at contrast 2 on the card`, () => {
    const shown = ids.map((id) => {
      const c = activationColor(id);
      return mode === "dark" && id === "sigmoid" ? DARK_BLUE : c;
    });
    for (let i = 0; i < shown.length; i++) {
      assert.ok(
        contrast(shown[i], card) >= 2,
        `${ids[i]} ${shown[i]} on ${card}: ${contrast(shown[i], card)}`,
      );
      for (let j = i + 1; j < shown.length; j++)
        assert.ok(
          deltaE(shown[i], shown[j]) >= 25,
          `${ids[i]} vs ${ids[j]}: ΔE ${deltaE(shown[i], shown[j])}`,
        );
    }
  });
}
