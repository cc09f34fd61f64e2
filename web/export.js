// Downloads of a figure: a PNG composed at the device pixel ratio from the figure's canvases
// with its title and legend drawn in, and a CSV of the exact numbers it shows. For the PNG the
// figure is drawn again off screen, in the light colours unless the reader asks for the
// page's, with 14 px axis labels, so that a dark machine still gives a slide-ready image.
import { displayColor, themeOf, withScheme } from "./plot/palette.js";

export const EXPORT_FONT =
  '14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// figure: a module of web/figures; result, values: what the card shows; ctx: the app's
// context; width: CSS px. Returns composeFigure's parts, drawn in the chosen scheme.
export function drawForExport({ figure, result, values, ctx, width, light }) {
  const host = document.createElement("div");
  host.className = `export-host${light ? " theme-light" : ""}`;
  host.style.width = `${width}px`;
  document.body.append(host);
  try {
    return withScheme(light ? false : null, () => {
      const colors = themeOf(host);
      const drawCtx = { ...ctx, theme: { ...colors, font: EXPORT_FONT } };
      const view = figure.create(host, drawCtx);
      view.draw(result, values, drawCtx);
      const parts = {
        title: view.title(values),
        canvases: view.canvases(),
        legend: view.legend().map((item) => ({
          ...item,
          color: item.color && displayColor(item.color),
          label: item.label.replace(/\$/g, ""),
        })),
        colors: { bg: colors.bg, fg: colors.fg },
      };
      const canvas = composeFigure(parts);
      view.destroy?.();
      return canvas;
    });
  } finally {
    host.remove();
  }
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

// Words wrapped to `width` device pixels with the context's current font.
function wrap(ctx, text, width) {
  const lines = [];
  let line = "";
  for (const word of text.split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(candidate).width > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

// title: string; canvases: the figure's drawn canvases (device pixels), stacked in order;
// legend: [{label, color, dash}]; colors: {bg, fg}. Returns the composed canvas.
export function composeFigure({
  title,
  canvases,
  legend,
  colors,
  dpr = devicePixelRatio || 1,
}) {
  const width = Math.max(...canvases.map((c) => c.width));
  const pad = Math.round(8 * dpr);
  const titleFont = `600 ${Math.round(16 * dpr)}px system-ui, sans-serif`;
  const legendFont = `${Math.round(14 * dpr)}px system-ui, sans-serif`;
  const lineHeight = Math.round(21 * dpr);
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = titleFont;
  const titleLines = wrap(measure, title, width - 2 * pad);
  measure.font = legendFont;
  const legendRows = layoutLegend(measure, legend, width - 2 * pad, dpr);
  const plotsHeight = canvases.reduce((sum, c) => sum + c.height, 0);
  const height =
    pad +
    titleLines.length * lineHeight +
    pad +
    plotsHeight +
    legendRows.length * lineHeight +
    pad;

  const out = document.createElement("canvas");
  out.width = width;
  out.height = height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = colors.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = colors.fg;
  ctx.textBaseline = "middle";
  ctx.font = titleFont;
  let y = pad;
  for (const line of titleLines) {
    ctx.fillText(line, pad, y + lineHeight / 2);
    y += lineHeight;
  }
  y += pad;
  for (const canvas of canvases) {
    ctx.drawImage(canvas, 0, y);
    y += canvas.height;
  }
  ctx.font = legendFont;
  for (const row of legendRows) {
    for (const item of row)
      drawLegendItem(ctx, item, y + lineHeight / 2, dpr, colors);
    y += lineHeight;
  }
  return out;
}

const SWATCH = 22;

function layoutLegend(ctx, legend, width, dpr) {
  const rows = [];
  let row = [];
  let x = 8 * dpr;
  for (const item of legend) {
    const itemWidth =
      (SWATCH + 6) * dpr + ctx.measureText(item.label).width + 14 * dpr;
    if (row.length && x + itemWidth > width) {
      rows.push(row);
      row = [];
      x = 8 * dpr;
    }
    row.push({ ...item, x });
    x += itemWidth;
  }
  if (row.length) rows.push(row);
  return rows;
}

function drawLegendItem(ctx, item, y, dpr, colors) {
  ctx.save();
  if (item.gradient) {
    const gradient = ctx.createLinearGradient(
      item.x,
      0,
      item.x + SWATCH * dpr,
      0,
    );
    item.gradient.forEach((color, i) =>
      gradient.addColorStop(i / (item.gradient.length - 1), color),
    );
    ctx.fillStyle = gradient;
    ctx.fillRect(item.x, y - 6 * dpr, SWATCH * dpr, 12 * dpr);
  } else if (item.fill) {
    ctx.fillStyle = item.fill;
    ctx.fillRect(item.x, y - 6 * dpr, SWATCH * dpr, 12 * dpr);
  } else if (item.marker) {
    ctx.strokeStyle = item.color;
    ctx.fillStyle = item.marker === "dot" ? item.color : colors.bg;
    ctx.lineWidth = 2 * dpr;
    ctx.beginPath();
    ctx.arc(item.x + (SWATCH / 2) * dpr, y, 5 * dpr, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  } else {
    ctx.strokeStyle = item.color;
    ctx.lineWidth = 2 * dpr;
    ctx.setLineDash((item.dash ?? []).map((d) => d * dpr));
    ctx.beginPath();
    ctx.moveTo(item.x, y);
    ctx.lineTo(item.x + SWATCH * dpr, y);
    ctx.stroke();
  }
  ctx.restore();
  ctx.fillStyle = colors.fg;
  ctx.fillText(item.label, item.x + (SWATCH + 6) * dpr, y);
}

export function downloadPng(filename, canvas) {
  canvas.toBlob((blob) => download(filename, blob), "image/png");
}
