// Plain text with subscripts, written "_x" (one letter, digit or ∇) or "_{...}": "σ_w²",
// "ξ_c", "ξ_∇". Unicode has no subscript w, b, c or ∇, so labels that need one are drawn
// with it: as <sub> in HTML, and smaller and lowered on a canvas and in SVG (plot/painter.js),
// so that the page, the PNG and the SVG read the same. Any other "_" stays as it is.
const SUBSCRIPT = /_(\{[^{}]*\}|[\p{L}\p{N}∇])/gu;
export const SUBSCRIPT_SIZE = 0.72; // of the text's size
export const SUBSCRIPT_DROP = 0.28; // of the text's size, below the baseline

// [{text, sub}] in order; consecutive plain parts are one.
export function subscriptParts(text) {
  const parts = [];
  let at = 0;
  for (const m of String(text).matchAll(SUBSCRIPT)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), sub: false });
    const body = m[1].startsWith("{") ? m[1].slice(1, -1) : m[1];
    parts.push({ text: body, sub: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), sub: false });
  return parts;
}

// The text as it reads, subscripts inline ("σw²"): for measuring and for aria labels.
export function plainSubscripts(text) {
  return subscriptParts(text)
    .map((p) => p.text)
    .join("");
}

// Appends the text to a DOM node, subscripts as <sub>.
export function appendSubscripted(parent, text) {
  for (const part of subscriptParts(text)) {
    if (!part.sub) {
      parent.append(part.text);
      continue;
    }
    const sub = document.createElement("sub");
    sub.textContent = part.text;
    parent.append(sub);
  }
}

// Draws the text on a 2D context at (x, y) in its current transform, subscripts smaller and
// lowered; font(size) gives the CSS font of a size in px, align is the context's textAlign;
// stroke: the outline (ctx.strokeText, a halo) instead of the fill.
export function fillSubscripted(
  ctx,
  text,
  x,
  y,
  size,
  font,
  align = "left",
  stroke = false,
) {
  const draw = (t, tx, ty) =>
    stroke ? ctx.strokeText(t, tx, ty) : ctx.fillText(t, tx, ty);
  const parts = subscriptParts(text);
  if (parts.length === 1 && !parts[0].sub) {
    ctx.font = font(size);
    ctx.textAlign = align;
    draw(text, x, y);
    return;
  }
  const widths = parts.map((p) => {
    ctx.font = font(p.sub ? size * SUBSCRIPT_SIZE : size);
    return ctx.measureText(p.text).width;
  });
  const total = widths.reduce((a, b) => a + b, 0);
  let left =
    align === "center" ? x - total / 2 : align === "right" ? x - total : x;
  ctx.textAlign = "left";
  parts.forEach((p, i) => {
    ctx.font = font(p.sub ? size * SUBSCRIPT_SIZE : size);
    draw(p.text, left, p.sub ? y + size * SUBSCRIPT_DROP : y);
    left += widths[i];
  });
}

// The text's width on a 2D context (font(size) as above).
export function measureSubscripted(ctx, text, size, font) {
  let width = 0;
  for (const p of subscriptParts(text)) {
    ctx.font = font(p.sub ? size * SUBSCRIPT_SIZE : size);
    width += ctx.measureText(p.text).width;
  }
  return width;
}
