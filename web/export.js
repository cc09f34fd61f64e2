// Downloads of a figure: a PNG at a chosen scale (1x, 2x, 3x: pixels per CSS pixel, whatever
// the screen's), an SVG, and a CSV of the exact numbers it shows. For the images the figure is
// drawn again off screen, in the light colours unless the reader asks for the page's, with
// 14 px labels, and every chart is painted from its own scales and data (plot/vector.js): at
// 3x the lines and text are drawn at 3x, not enlarged; the SVG has one path per series. The
// figure's title (with its parameters) heads the image and its legend closes it.
import { CanvasPainter, FONT_FAMILY, SvgPainter } from "./plot/painter.js";
import { displayColor, themeOf, withScheme } from "./plot/palette.js";
import { chartOf } from "./plot/chart.js";

export const EXPORT_FONT = `14px ${FONT_FAMILY}`;
export const EXPORT_SCALES = [1, 2, 3];
export const DEFAULT_EXPORT_SCALE = 2;

const PAD = 8;
const LINE_HEIGHT = 21;
const TITLE_FONT = { size: 16, weight: 600 };
const LEGEND_FONT = { size: 14 };
const SWATCH = 22;

// A panel of the figure: a uPlot chart (painted again) or a canvas of its own (copied).
function panelOf(canvas) {
  const chart = chartOf(canvas);
  if (chart) return { chart, ...chart.size() };
  const rect = canvas.getBoundingClientRect();
  return { canvas, width: rect.width, height: rect.height };
}

// Whether a figure's drawing is all charts, and so has an SVG (figure 6's boundaries and
// heat maps are pixel images).
export function hasVector(view) {
  return view.canvases().every((c) => chartOf(c) !== null);
}

// figure: a module of web/figures; result, values: what the card shows (or, for a figure that
// changes on its own, live.exportResult(): what its view `live` shows now); ctx: the app's
// context; width: CSS px; light: light colours (else the page's); scale: the pixel ratio of
// the figure's own canvases (figure 6's pixel images). draw(parts) gets the view's
// title, panels, legend and colours while the off-screen figure exists, and its value is
// returned.
function withExportView(
  { figure, result, live, values, ctx, width, light, scale },
  draw,
) {
  const host = document.createElement("div");
  host.className = `export-host${light ? " theme-light" : ""}`;
  host.style.width = `${width}px`;
  document.body.append(host);
  try {
    return withScheme(light ? false : null, () => {
      const colors = themeOf(host);
      const drawCtx = {
        ...ctx,
        theme: { ...colors, font: EXPORT_FONT },
        pixelRatio: scale,
        exporting: true,
      };
      const view = figure.create(host, drawCtx);
      try {
        view.draw(live?.exportResult?.() ?? result, values, drawCtx);
        return draw({
          title: view.title(values),
          panels: view.canvases().map(panelOf),
          legend: view.legend().map((item) => ({
            ...item,
            color: item.color && displayColor(item.color),
            label: item.label.replace(/\$/g, ""),
          })),
          colors: { bg: colors.bg, fg: colors.fg },
        });
      } finally {
        view.destroy?.();
      }
    });
  } finally {
    host.remove();
  }
}

// Words wrapped to `width` CSS px.
function wrap(painter, text, width, font) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && painter.measure(candidate, font) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function layoutLegend(painter, legend, width) {
  const rows = [];
  let row = [];
  let x = PAD;
  for (const item of legend) {
    const itemWidth =
      SWATCH + 6 + painter.measure(item.label, LEGEND_FONT) + 14;
    if (row.length && x + itemWidth > width) {
      rows.push(row);
      row = [];
      x = PAD;
    }
    row.push({ ...item, x });
    x += itemWidth;
  }
  if (row.length) rows.push(row);
  return rows;
}

function drawLegendItem(p, item, y, colors) {
  const { x } = item;
  if (item.gradient) p.gradient(x, y - 6, SWATCH, 12, item.gradient);
  else if (item.fill) p.rect(x, y - 6, SWATCH, 12, { fill: item.fill });
  else if (item.marker)
    p.circle(x + SWATCH / 2, y, 5, {
      stroke: item.color,
      fill: item.marker === "dot" ? item.color : colors.bg,
      width: 2,
    });
  else
    p.line(
      [
        [x, y],
        [x + SWATCH, y],
      ],
      { stroke: item.color, width: 2, dash: item.dash },
    );
  p.text(x + SWATCH + 6, y, item.label, {
    font: LEGEND_FONT,
    fill: colors.fg,
  });
}

// The figure's layout in CSS px: {width, height, paint(painter)}. parts: withExportView's.
export function layoutFigure({ title, panels, legend, colors }, measurer) {
  const width = Math.ceil(Math.max(...panels.map((c) => c.width)));
  const titleLines = wrap(measurer, title, width - 2 * PAD, TITLE_FONT);
  const legendRows = layoutLegend(measurer, legend, width - 2 * PAD);
  const plotsHeight = panels.reduce((sum, c) => sum + c.height, 0);
  const height = Math.ceil(
    PAD +
      titleLines.length * LINE_HEIGHT +
      PAD +
      plotsHeight +
      legendRows.length * LINE_HEIGHT +
      PAD,
  );
  const paint = (p) => {
    p.rect(0, 0, width, height, { fill: colors.bg });
    let y = PAD;
    for (const line of titleLines) {
      p.text(PAD, y + LINE_HEIGHT / 2, line, {
        font: TITLE_FONT,
        fill: colors.fg,
      });
      y += LINE_HEIGHT;
    }
    y += PAD;
    for (const panel of panels) {
      p.translate(0, y, () =>
        panel.chart
          ? panel.chart.paint(p)
          : p.image(panel.canvas, 0, 0, panel.width, panel.height),
      );
      y += panel.height;
    }
    for (const row of legendRows) {
      for (const item of row)
        drawLegendItem(p, item, y + LINE_HEIGHT / 2, colors);
      y += LINE_HEIGHT;
    }
  };
  return { width, height, paint };
}

// The figure as a canvas of scale x its CSS size. options: withExportView's, and scale.
export function renderPng({ scale = DEFAULT_EXPORT_SCALE, ...options }) {
  return withExportView({ ...options, scale }, (parts) => {
    const out = document.createElement("canvas");
    const measurer = new CanvasPainter(out.getContext("2d"), 1);
    const layout = layoutFigure(parts, measurer);
    out.width = Math.round(layout.width * scale);
    out.height = Math.round(layout.height * scale);
    layout.paint(new CanvasPainter(out.getContext("2d"), scale));
    return out;
  });
}

// The figure as an SVG document (text), or null when it has pixel images.
export function renderSvg(options) {
  return withExportView(options, (parts) => {
    if (parts.panels.some((panel) => !panel.chart)) return null;
    const painter = new SvgPainter(
      document.createElement("canvas").getContext("2d"),
    );
    const layout = layoutFigure(parts, painter);
    layout.paint(painter);
    return painter.document(layout.width, layout.height, parts.title);
  });
}

let lastUrl = null;

function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns; release it only at the next download.
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = url;
}

export function downloadCsv(filename, text) {
  download(filename, new Blob([text], { type: "text/csv;charset=utf-8" }));
}

export function downloadSvg(filename, text) {
  download(filename, new Blob([text], { type: "image/svg+xml" }));
}

export function downloadPng(filename, canvas) {
  canvas.toBlob((blob) => download(filename, blob), "image/png");
}
