// Drawing in CSS pixels onto either a canvas (at any pixel ratio: the page's on screen, 2x or
// 3x for a PNG) or an SVG document, with one set of calls: a figure's decorations (bands,
// marks, the heat map) are written once against this interface, so that the screen, the PNG
// and the SVG show the same drawing. Text may hold subscripts, "σ_w²" (web/rich_text.js).
import {
  SUBSCRIPT_DROP,
  SUBSCRIPT_SIZE,
  fillSubscripted,
  measureSubscripted,
  subscriptParts,
} from "../rich_text.js";

export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

// The offset of canvas' textBaseline from the alphabetic baseline, in em, for SVG text (whose
// dominant-baseline not every viewer honours).
const BASELINE_DY = { top: 0.8, middle: 0.35, bottom: -0.2, alphabetic: 0 };

// The size in px of a CSS font ("14px system-ui" is 14): decorations' labels take the axes'.
export function fontSizeOf(font) {
  return Number(/(\d+(?:\.\d+)?)px/.exec(font ?? "")?.[1] ?? 12);
}

function cssFont({ size = 14, weight = 400, family = FONT_FAMILY } = {}) {
  return `${weight === 400 ? "" : `${weight} `}${size}px ${family}`;
}

// points: [[x, y] | null, ...]; null breaks the line. Calls move(x, y) and line(x, y).
function trace(points, move, line) {
  let open = false;
  for (const p of points) {
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      open = false;
      continue;
    }
    if (open) line(p[0], p[1]);
    else move(p[0], p[1]);
    open = true;
  }
}

// Two keys of painter.reuse equal: element by element, arrays by their contents.
const isList = (v) => ArrayBuffer.isView(v) || Array.isArray(v);

function sameKey(a, b) {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (x === y) return true;
    if (!isList(x) || !isList(y) || x.length !== y.length) return false;
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return false;
    return true;
  });
}

// What painter.reuse last drew on each canvas: its key and a copy of its pixels.
const kept = new WeakMap();

export class CanvasPainter {
  // ctx: a 2D context with the identity transform; scale: device pixels per CSS pixel.
  constructor(ctx, scale) {
    this.ctx = ctx;
    this.scale = scale;
  }

  style({ stroke, fill, width = 1, dash = null, alpha = 1, cap, join }) {
    const { ctx, scale } = this;
    ctx.globalAlpha = alpha;
    if (stroke) ctx.strokeStyle = stroke;
    if (fill) ctx.fillStyle = fill;
    ctx.lineWidth = width * scale;
    ctx.setLineDash((dash ?? []).map((d) => d * scale));
    if (cap) ctx.lineCap = cap;
    if (join) ctx.lineJoin = join;
  }

  rect(x, y, w, h, style) {
    const { ctx, scale: s } = this;
    // A plain fill (the heat map's thousand cells) needs no saved state.
    if (!style.stroke && (style.alpha ?? 1) === 1) {
      ctx.fillStyle = style.fill;
      ctx.fillRect(x * s, y * s, w * s, h * s);
      return;
    }
    ctx.save();
    this.style(style);
    if (style.fill) ctx.fillRect(x * s, y * s, w * s, h * s);
    if (style.stroke) ctx.strokeRect(x * s, y * s, w * s, h * s);
    ctx.restore();
  }

  // Many rectangles [x, y, w, h] in one style, the style set once (a heat map's cells).
  rects(list, style) {
    const { ctx, scale: s } = this;
    ctx.save();
    this.style(style);
    for (const [x, y, w, h] of list) ctx.fillRect(x * s, y * s, w * s, h * s);
    ctx.restore();
  }

  line(points, style) {
    const { ctx, scale: s } = this;
    ctx.save();
    this.style(style);
    ctx.beginPath();
    trace(
      points,
      (x, y) => ctx.moveTo(x * s, y * s),
      (x, y) => ctx.lineTo(x * s, y * s),
    );
    ctx.stroke();
    ctx.restore();
  }

  circle(x, y, r, style) {
    const { ctx, scale: s } = this;
    ctx.save();
    this.style(style);
    ctx.beginPath();
    ctx.arc(x * s, y * s, r * s, 0, 2 * Math.PI);
    if (style.fill) ctx.fill();
    if (style.stroke) ctx.stroke();
    ctx.restore();
  }

  // A closed polygon through points [[x, y], ...].
  polygon(points, style) {
    const { ctx, scale: s } = this;
    ctx.save();
    this.style(style);
    ctx.beginPath();
    points.forEach(([x, y], i) =>
      i ? ctx.lineTo(x * s, y * s) : ctx.moveTo(x * s, y * s),
    );
    ctx.closePath();
    if (style.fill) ctx.fill();
    if (style.stroke) ctx.stroke();
    ctx.restore();
  }

  // align: left | center | right; baseline: top | middle | bottom | alphabetic; rotate: degrees;
  // halo: {color, width}, an outline behind the letters (a label over a coloured map).
  text(
    x,
    y,
    text,
    { font, fill, align = "left", baseline = "middle", rotate = 0, halo },
  ) {
    const { ctx, scale: s } = this;
    ctx.save();
    ctx.fillStyle = fill;
    ctx.textBaseline = baseline;
    ctx.translate(x * s, y * s);
    if (rotate) ctx.rotate((rotate * Math.PI) / 180);
    const size = (font?.size ?? 14) * s;
    const fontOf = (px) => cssFont({ ...font, size: px });
    if (halo) {
      ctx.strokeStyle = halo.color;
      ctx.lineWidth = halo.width * s;
      ctx.lineJoin = "round";
      fillSubscripted(ctx, text, 0, 0, size, fontOf, align, true);
    }
    fillSubscripted(ctx, text, 0, 0, size, fontOf, align);
    ctx.restore();
  }

  // A rectangle filled with evenly spaced colour stops, left to right or bottom to top.
  gradient(x, y, w, h, stops, vertical = false) {
    const { ctx, scale: s } = this;
    const g = vertical
      ? ctx.createLinearGradient(0, (y + h) * s, 0, y * s)
      : ctx.createLinearGradient(x * s, 0, (x + w) * s, 0);
    stops.forEach((c, i) => g.addColorStop(i / (stops.length - 1), c));
    ctx.save();
    ctx.fillStyle = g;
    ctx.fillRect(x * s, y * s, w * s, h * s);
    ctx.restore();
  }

  // Draws `draw()` clipped to a rectangle.
  clip(x, y, w, h, draw) {
    const { ctx, scale: s } = this;
    ctx.save();
    ctx.beginPath();
    ctx.rect(x * s, y * s, w * s, h * s);
    ctx.clip();
    draw();
    ctx.restore();
  }

  group(attributes, draw) {
    draw();
  }

  // draw() paints into the rectangle x, y, w, h (CSS px); where it was drawn on this canvas
  // last with an equal key (sameKey), its pixels are put back instead: the same bits, for a
  // fraction of the cost (the edge diagram's 1440 cells, repainted as its point moves). The
  // copy holds what lay beneath too, so the key must name all that changes there.
  reuse(key, x, y, w, h, draw) {
    const { ctx, scale: s } = this;
    const t = ctx.getTransform();
    if (!t.isIdentity) return draw();
    const x0 = Math.floor(x * s);
    const y0 = Math.floor(y * s);
    const width = Math.ceil((x + w) * s) - x0;
    const height = Math.ceil((y + h) * s) - y0;
    const { canvas } = ctx;
    const full = [canvas.width, canvas.height, x0, y0, width, height, ...key];
    const last = kept.get(canvas);
    if (last && sameKey(last.key, full)) {
      ctx.save();
      ctx.globalCompositeOperation = "copy";
      ctx.beginPath();
      ctx.rect(x0, y0, width, height);
      ctx.clip();
      ctx.drawImage(last.pixels, x0, y0);
      ctx.restore();
      return;
    }
    draw();
    const pixels = document.createElement("canvas");
    pixels.width = width;
    pixels.height = height;
    pixels
      .getContext("2d")
      .drawImage(canvas, x0, y0, width, height, 0, 0, width, height);
    kept.set(canvas, { key: full, pixels });
  }

  // A canvas of the figure's own (a raster panel) into x, y, w, h.
  image(canvas, x, y, w, h) {
    const s = this.scale;
    this.ctx.drawImage(canvas, x * s, y * s, w * s, h * s);
  }

  // Draws `draw()` with the origin moved to (x, y).
  translate(x, y, draw) {
    const { ctx, scale: s } = this;
    ctx.save();
    ctx.translate(x * s, y * s);
    draw();
    ctx.restore();
  }

  measure(text, font) {
    this.ctx.save();
    const width = measureSubscripted(this.ctx, text, font?.size ?? 14, (px) =>
      cssFont({ ...font, size: px }),
    );
    this.ctx.restore();
    return width;
  }
}

const n = (v) => String(Math.round(v * 100) / 100);

function escapeXml(text) {
  return String(text).replace(
    /[<>&"]/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c],
  );
}

function svgStyle({
  stroke,
  fill,
  width = 1,
  dash = null,
  alpha = 1,
  cap,
  join,
}) {
  const parts = [
    `fill="${fill ? escapeXml(fill) : "none"}"`,
    ...(stroke
      ? [`stroke="${escapeXml(stroke)}"`, `stroke-width="${n(width)}"`]
      : []),
  ];
  if (stroke && dash?.length)
    parts.push(`stroke-dasharray="${dash.map(n).join(" ")}"`);
  if (alpha !== 1) parts.push(`opacity="${n(alpha)}"`);
  if (cap) parts.push(`stroke-linecap="${cap}"`);
  if (join) parts.push(`stroke-linejoin="${join}"`);
  return parts.join(" ");
}

export class SvgPainter {
  // measureCtx: a 2D context to measure text with (the SVG's fonts are the canvas').
  constructor(measureCtx) {
    this.measureCtx = measureCtx;
    this.parts = [];
    this.clips = 0;
    this.scale = 1;
  }

  add(element) {
    this.parts.push(element);
  }

  // A group of elements with data-* attributes (e.g. data-series), for readers and tests.
  group(attributes, draw) {
    const attrs = Object.entries(attributes)
      .map(([k, v]) => ` data-${k}="${escapeXml(v)}"`)
      .join("");
    this.add(`<g${attrs}>`);
    draw();
    this.add("</g>");
  }

  rect(x, y, w, h, style) {
    this.add(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" ${svgStyle(style)}/>`,
    );
  }

  rects(list, style) {
    for (const r of list) this.rect(...r, style);
  }

  line(points, style) {
    let d = "";
    trace(
      points,
      (x, y) => (d += `M${n(x)} ${n(y)}`),
      (x, y) => (d += `L${n(x)} ${n(y)}`),
    );
    if (d) this.add(`<path d="${d}" ${svgStyle(style)}/>`);
  }

  circle(x, y, r, style) {
    this.add(
      `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" ${svgStyle(style)}/>`,
    );
  }

  polygon(points, style) {
    const d = points.map(([x, y]) => `${n(x)},${n(y)}`).join(" ");
    this.add(`<polygon points="${d}" ${svgStyle(style)}/>`);
  }

  text(
    x,
    y,
    text,
    { font, fill, align = "left", baseline = "middle", rotate = 0, halo },
  ) {
    const anchor = { left: "start", center: "middle", right: "end" }[align];
    const size = font?.size ?? 14;
    const weight = font?.weight ?? 400;
    const transform = `translate(${n(x)} ${n(y)})${rotate ? ` rotate(${n(rotate)})` : ""}`;
    // A subscript: a smaller tspan moved down, and the text after it moved back up.
    let lowered = false;
    const body = subscriptParts(text)
      .map((p) => {
        const drop = p.sub === lowered ? 0 : (p.sub ? 1 : -1) * SUBSCRIPT_DROP;
        lowered = p.sub;
        const dy = drop ? ` dy="${n(drop * size)}"` : "";
        const small = p.sub ? ` font-size="${n(size * SUBSCRIPT_SIZE)}"` : "";
        return dy || small
          ? `<tspan${dy}${small}>${escapeXml(p.text)}</tspan>`
          : escapeXml(p.text);
      })
      .join("");
    const outline = halo
      ? ` stroke="${escapeXml(halo.color)}" stroke-width="${n(halo.width)}" stroke-linejoin="round" paint-order="stroke"`
      : "";
    this.add(
      `<text transform="${transform}" dy="${BASELINE_DY[baseline]}em" text-anchor="${anchor}" font-size="${n(size)}"${weight === 400 ? "" : ` font-weight="${weight}"`} fill="${escapeXml(fill)}"${outline}>${body}</text>`,
    );
  }

  gradient(x, y, w, h, stops, vertical = false) {
    const id = `g${this.parts.length}`;
    const [x1, y1, x2, y2] = vertical ? [0, 1, 0, 0] : [0, 0, 1, 0];
    const stopTags = stops
      .map(
        (c, i) =>
          `<stop offset="${n(i / (stops.length - 1))}" stop-color="${escapeXml(c)}"/>`,
      )
      .join("");
    this.add(
      `<defs><linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stopTags}</linearGradient></defs>`,
    );
    this.rect(x, y, w, h, { fill: `url(#${id})` });
  }

  clip(x, y, w, h, draw) {
    const id = `clip${this.clips++}`;
    this.add(
      `<defs><clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/></clipPath></defs><g clip-path="url(#${id})">`,
    );
    draw();
    this.add("</g>");
  }

  translate(x, y, draw) {
    this.add(`<g transform="translate(${n(x)} ${n(y)})">`);
    draw();
    this.add("</g>");
  }

  measure(text, font) {
    return measureSubscripted(this.measureCtx, text, font?.size ?? 14, (px) =>
      cssFont({ ...font, size: px }),
    );
  }

  // The document: width x height CSS px (the viewBox too), a title element for readers.
  document(width, height, title) {
    return [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${escapeXml(FONT_FAMILY)}">`,
      `<title>${escapeXml(title)}</title>`,
      ...this.parts,
      "</svg>",
      "",
    ].join("\n");
  }
}
