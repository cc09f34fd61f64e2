// One-click views for the lecture: each is a URL (a link, so it can be shared and opened in a
// new tab) with a sentence saying what the student should see there. The sentences are in
// web/i18n/presets.<lang>.js; tests/web/presets.test.mjs checks each claim on the figure.
import { element } from "./dom.js";

export const PRESETS = [
  { id: "sigmoid30", figure: "grad", query: "grad.depth=30" },
  { id: "reluGlorotHe", figure: "init", query: "init.phi=relu" },
  { id: "tanhStandardGlorot", figure: "init", query: "init.phi=tanh" },
  { id: "seluLecunHe", figure: "selu", query: "selu.init=he-normal" },
  {
    id: "bottleneck",
    figure: "init",
    query: "init.phi=relu&init.bn=15&init.bnw=16",
  },
  {
    id: "isoTanh",
    figure: "iso",
    query: "iso.sw2=1.086&iso.sb2=0.0001&iso.sx=0.21",
  },
  { id: "isoRelu", figure: "iso", query: "iso.phi=relu&iso.sw2=2" },
];

// The page's address for a preset, in the page's language when the address names one.
export function presetHref(preset, lang = null) {
  const langPart = lang ? `lang=${lang}&` : "";
  return `?${langPart}view=${preset.figure}&${preset.query}`;
}

// The presets of one figure as a list of links with their sentences (null when it has none).
export function presetList(figure, t, lang = null) {
  const presets = PRESETS.filter((p) => p.figure === figure);
  if (!presets.length) return null;
  return element("div", { class: "presets" }, [
    element("p", { class: "presets-title", text: t("presets.title") }),
    element(
      "ul",
      {},
      presets.map((p) =>
        element("li", { "data-preset": p.id }, [
          element("a", {
            href: presetHref(p, lang),
            text: t(`presets.${p.id}.label`),
          }),
          element("span", { text: ` — ${t(`presets.${p.id}.claim`)}` }),
        ]),
      ),
    ),
  ]);
}
