// A layer x step heat map on its own canvas: column k is logged step k, row l layer l (layer 1
// at the bottom, the output layer on top), each cell coloured by viridis on a log10 scale of
// the value (weight-gradient RMS) or a linear one (saturated fraction). Zeros and values that
// are not finite stay blank. More steps than pixels: each pixel column shows the last step
// that falls in it.
import { viridis } from "../plot/palette.js";

const LEFT = 34;
// viridis at 256 levels, looked up per cell (no array per call).
const LUT = Array.from({ length: 256 }, (_, i) => viridis(i / 255));
const BOTTOM = 18;
const TOP = 16;

// The decades [lo, hi] that hold every positive value of the runs' entries' `field`.
export function decadeRange(runs, field) {
  let lo = Infinity,
    hi = -Infinity;
  for (const entries of runs) {
    for (const e of entries) {
      for (const v of e.layers[field]) {
        if (v > 0 && Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
  }
  if (!(hi >= lo)) return { lo: -8, hi: 0 };
  const a = Math.floor(Math.log10(lo)),
    b = Math.ceil(Math.log10(hi));
  return { lo: a, hi: b > a ? b : a + 1 };
}

export class HeatMap {
  constructor(host, label, height) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "train-heat";
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", label);
    this.label = label;
    this.height = height;
    host.append(this.canvas);
  }

  // entries: the logged steps; field: a layers key; scale: {log: true, lo, hi} (decades) or
  // {log: false} for [0, 1]; colors: {fg, bg}; names: {output, step}; cssWidth: the box's
  // width as last observed (not read here: that would force a layout after the page's writes);
  // ratio: device pixels per CSS px (an export's scale, else the screen's).
  draw(entries, field, scale, colors, names, cssWidth, ratio) {
    const dpr = ratio ?? (devicePixelRatio || 1);
    const width = Math.max(200, cssWidth);
    const cssHeight = this.height;
    if (this.canvas.width !== Math.round(width * dpr))
      this.canvas.width = Math.round(width * dpr);
    if (this.canvas.height !== Math.round(cssHeight * dpr))
      this.canvas.height = Math.round(cssHeight * dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${cssHeight}px`;
    const ctx = this.canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = colors.bg;
    ctx.fillRect(0, 0, width, cssHeight);
    ctx.fillStyle = colors.fg;
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "top";
    ctx.fillText(this.label, LEFT, 1);
    const plotW = width - LEFT - 4,
      plotH = cssHeight - TOP - BOTTOM;
    if (!entries.length || plotW <= 0 || plotH <= 0) return;
    const layers = entries[0].layers[field].length;
    const columns = Math.min(entries.length, Math.floor(plotW * dpr));
    const image = ctx.createImageData(columns, layers);
    for (let c = 0; c < columns; c++) {
      const e =
        entries[
          Math.min(
            entries.length - 1,
            Math.floor(((c + 1) * entries.length) / columns) - 1,
          )
        ];
      const values = e.layers[field];
      for (let l = 0; l < layers; l++) {
        const v = values[l];
        let t;
        if (scale.log) {
          if (!(v > 0 && Number.isFinite(v))) continue;
          t = (Math.log10(v) - scale.lo) / (scale.hi - scale.lo);
        } else {
          if (!Number.isFinite(v)) continue;
          t = v;
        }
        const [r, g, b] = LUT[Math.round(Math.min(1, Math.max(0, t)) * 255)];
        const at = 4 * ((layers - 1 - l) * columns + c);
        image.data[at] = r;
        image.data[at + 1] = g;
        image.data[at + 2] = b;
        image.data[at + 3] = 255;
      }
    }
    const bitmap = (this.bitmap ??= document.createElement("canvas"));
    if (bitmap.width !== columns) bitmap.width = columns;
    if (bitmap.height !== layers) bitmap.height = layers;
    bitmap.getContext("2d").putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bitmap, LEFT, TOP, plotW, plotH);
    ctx.strokeStyle = colors.grid;
    ctx.strokeRect(LEFT - 0.5, TOP - 0.5, plotW + 1, plotH + 1);
    // Axes: the output layer and layer 1 on the left, the first and last steps below.
    ctx.fillStyle = colors.fg;
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    const rowH = plotH / layers;
    ctx.fillText(names.output, LEFT - 4, TOP + rowH / 2);
    ctx.fillText("1", LEFT - 4, TOP + plotH - rowH / 2);
    ctx.textBaseline = "top";
    ctx.textAlign = "left";
    ctx.fillText(`${names.step} ${entries[0].step}`, LEFT, TOP + plotH + 3);
    ctx.textAlign = "right";
    ctx.fillText(String(entries.at(-1).step), LEFT + plotW, TOP + plotH + 3);
    ctx.textAlign = "left";
  }
}
