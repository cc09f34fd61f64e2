// Colours that stay distinguishable for colour-blind readers: Okabe & Ito's eight for lines,
// viridis for the heat map; the page's theme colours come from the CSS custom properties.

export const OKABE_ITO = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  green: "#009E73",
  orange: "#E69F00",
  purple: "#CC79A7",
  skyBlue: "#56B4E9",
  yellow: "#F0E442",
  black: "#000000",
};

// On a dark background Okabe & Ito's blue is too dark to read; a lighter blue of the same hue
// takes its place (still darker than their sky blue, so the two stay apart).
const DARK_BLUE = "#3B8FD0";

let darkScheme = null;
// The scheme forced while an export draws (withScheme), else the reader's.
let forcedDark = null;
const isDark = () =>
  forcedDark ??
  (darkScheme ??= matchMedia("(prefers-color-scheme: dark)")).matches;

// Runs draw() with the colours of a light (dark = false) or dark scheme, whatever the
// reader's: a PNG for a white slide from a dark machine. The charts draw synchronously.
export function withScheme(dark, draw) {
  forcedDark = dark;
  try {
    return draw();
  } finally {
    forcedDark = null;
  }
}

export function displayColor(color) {
  if (color !== OKABE_ITO.blue) return color;
  return isDark() ? DARK_BLUE : color;
}

// The lecture's five activations keep their colour in every figure; the other activations
// of figure 1's chips have colours of their own, apart from these and from each other in
// light and dark mode (tests/web/palette.test.mjs checks their distances and contrast).
const ACTIVATION_COLORS = {
  sigmoid: OKABE_ITO.blue,
  tanh: OKABE_ITO.vermillion,
  relu: OKABE_ITO.green,
  elu: OKABE_ITO.orange,
  selu: OKABE_ITO.purple,
  identity: "#808080",
  "leaky-relu": "#00A6B8",
  gelu: "#A0522D",
  silu: "#7E57C2",
  softplus: "#A6A600",
  mish: "#E7298A",
  softsign: "#5E7C16",
};
const OTHER_COLORS = [OKABE_ITO.skyBlue, OKABE_ITO.yellow, "#999999"];

export function activationColor(id, index = 0) {
  return ACTIVATION_COLORS[id] ?? OTHER_COLORS[index % OTHER_COLORS.length];
}

export const FAMILY_COLORS = {
  standard: OKABE_ITO.vermillion,
  glorot: OKABE_ITO.blue,
  he: OKABE_ITO.green,
  lecun: OKABE_ITO.purple,
};

// The current theme (light or dark, from prefers-color-scheme via CSS), read once per scheme:
// reading computed style while the page has pending DOM changes would force a style update.
const themes = new Map();

export function theme() {
  const dark = isDark();
  if (themes.has(dark)) return themes.get(dark);
  const read = readTheme();
  if (read.fg) themes.set(dark, read); // not before the style sheet has loaded
  return read;
}

// The theme as an element sees it: `.theme-light` (web/styles.css) gives the light colours
// inside a dark page.
export function themeOf(el) {
  return readTheme(el);
}

function readTheme(el = document.documentElement) {
  const style = getComputedStyle(el);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    fg: read("--fg"),
    muted: read("--muted"),
    grid: read("--grid"),
    bg: read("--card-bg"),
    shade: read("--shade"),
    reference: read("--reference"),
    font: read("--plot-font") || "12px system-ui, sans-serif",
  };
}

// viridis (van der Walt & Smith, matplotlib), 10 stops, linearly interpolated; t in [0, 1].
const VIRIDIS = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 73, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37],
];

export function viridis(t) {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  return VIRIDIS[i].map((c, k) => Math.round(c + f * (VIRIDIS[i + 1][k] - c)));
}
