// The phase diagram drawn inside a uPlot chart (x: sigma_w2, y: sigma_b2): each cell coloured
// by the correlation depth scale xi_c at the fixed point (the engine's, as `actlab theory`'s) on
// a log scale (viridis, brightest where it diverges on the line), grey where there is no fixed
// point; the line chi1 = 1; the initializations' markers; the point the network runs at; the
// phases' names; and the colour bar with its numbers in the right-hand margin (so that it is
// part of the PNG).
import { viridis } from "../plot/palette.js";
import { fillSubscripted } from "../rich_text.js";

export const XI_RANGE = [1, 100]; // the colour bar's ends; beyond 100 the top colour
export const COLORBAR_SIZE = 64;
const MARKER_SHAPES = ["circle", "square", "triangle", "diamond"];

// 0..1 along the colour bar for xi (NaN with chi1 finite: it diverges, the top).
export function xiFraction(xi) {
  if (Number.isNaN(xi)) return 1;
  const [lo, hi] = XI_RANGE;
  const f = Math.log(xi / lo) / Math.log(hi / lo);
  return Math.min(1, Math.max(0, f));
}

function rgb(f) {
  const [r, g, b] = viridis(f);
  return `rgb(${r},${g},${b})`;
}

// The line's points inside the window with sigma_b2 >= 0, in drawing order (by q).
export function visibleLine(line, w2Range, b2Range) {
  const points = [];
  for (let i = 0; i < line.sigma_w2.length; i++) {
    const w2 = line.sigma_w2[i];
    const b2 = line.sigma_b2[i];
    if (!(b2 >= 0) || !Number.isFinite(w2)) continue;
    if (b2 > b2Range[1] * 1.05 || w2 > w2Range[1] * 1.05) continue;
    points.push([w2, b2]);
  }
  return points;
}

function marker(ctx, shape, x, y, r) {
  ctx.beginPath();
  if (shape === "circle") ctx.arc(x, y, r, 0, 2 * Math.PI);
  else if (shape === "square") ctx.rect(x - r, y - r, 2 * r, 2 * r);
  else if (shape === "triangle") {
    ctx.moveTo(x, y - 1.2 * r);
    ctx.lineTo(x + r, y + 0.8 * r);
    ctx.lineTo(x - r, y + 0.8 * r);
    ctx.closePath();
  } else {
    ctx.moveTo(x, y - 1.3 * r);
    ctx.lineTo(x + 1.3 * r, y);
    ctx.lineTo(x, y + 1.3 * r);
    ctx.lineTo(x - 1.3 * r, y);
    ctx.closePath();
  }
}

function markerShape(index) {
  return MARKER_SHAPES[index % MARKER_SHAPES.length];
}

function halo(ctx, text, x, y, fg, bg, dpr) {
  ctx.lineWidth = 3 * dpr;
  ctx.strokeStyle = bg;
  ctx.strokeText(text, x, y);
  ctx.fillStyle = fg;
  ctx.fillText(text, x, y);
}

// map: {grid, line, markers: [{label, color, sigma_w2, sigma_b2}], point: [w2, b2],
// labels: {ordered, chaotic, none}, number(x), theme}
export function drawDiagram(u, map) {
  const { grid, theme } = map;
  const { ctx, bbox } = u;
  const dpr = devicePixelRatio || 1;
  const nw = grid.sigma_w2.length;
  const nb = grid.sigma_b2.length;
  const [w2lo, w2hi] = map.w2Range;
  const [b2lo, b2hi] = map.b2Range;
  const cw = (w2hi - w2lo) / nw;
  const cb = (b2hi - b2lo) / nb;
  const x = (v) => u.valToPos(v, "x", true);
  const y = (v) => u.valToPos(v, "y", true);
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (let j = 0; j < nb; j++) {
    const y0 = y(b2lo + j * cb);
    const y1 = y(b2lo + (j + 1) * cb);
    for (let i = 0; i < nw; i++) {
      const k = j * nw + i;
      const chi = grid.chi1[k];
      ctx.fillStyle = Number.isNaN(chi)
        ? theme.shade || "#999"
        : rgb(xiFraction(grid.xi_c[k]));
      const x0 = x(w2lo + i * cw);
      const x1 = x(w2lo + (i + 1) * cw);
      ctx.fillRect(x0, y1, x1 - x0 + 0.5, y0 - y1 + 0.5);
    }
  }
  // The line chi1 = 1; where it is a single point (relu: (2, 0) only), a dot.
  const pts = map.linePoints;
  ctx.strokeStyle = "#ffffff";
  ctx.fillStyle = "#ffffff";
  ctx.lineWidth = 2.5 * dpr;
  const spread = pts.length
    ? Math.max(...pts.map((p) => p[0])) - Math.min(...pts.map((p) => p[0]))
    : 0;
  ctx.restore();
  ctx.save();
  if (pts.length && spread > 1e-9) {
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    ctx.strokeStyle = "#000000";
    ctx.lineWidth = 4.5 * dpr;
    const path = () => {
      ctx.beginPath();
      pts.forEach(([w2, b2], i) =>
        i ? ctx.lineTo(x(w2), y(b2)) : ctx.moveTo(x(w2), y(b2)),
      );
      ctx.stroke();
    };
    path();
    ctx.strokeStyle = "#ffffff";
    ctx.lineWidth = 2.5 * dpr;
    path();
  } else if (pts.length) {
    ctx.beginPath();
    ctx.arc(x(pts[0][0]), y(pts[0][1]), 6 * dpr, 0, 2 * Math.PI);
    ctx.fillStyle = "#ffffff";
    ctx.strokeStyle = "#000000";
    ctx.lineWidth = 2 * dpr;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
  ctx.save();
  ctx.font = theme.font.replace(/\d+px/, (m) => `${parseInt(m) * dpr}px`);
  ctx.textBaseline = "middle";
  // The phases' names where their region is (a cell of that phase near a corner).
  const place = (wantOrdered, fx, fy) => {
    const i = Math.min(nw - 1, Math.floor(fx * nw));
    const j = Math.min(nb - 1, Math.floor(fy * nb));
    const chi = grid.chi1[j * nw + i];
    return wantOrdered ? chi < 1 : chi > 1;
  };
  ctx.textAlign = "left";
  if (place(true, 0.06, 0.9))
    halo(
      ctx,
      map.labels.ordered,
      x(w2lo + 0.03 * (w2hi - w2lo)),
      y(b2lo + 0.9 * (b2hi - b2lo)),
      "#ffffff",
      "#000000",
      dpr,
    );
  ctx.textAlign = "right";
  if (place(false, 0.95, 0.12))
    halo(
      ctx,
      map.labels.chaotic,
      x(w2hi - 0.03 * (w2hi - w2lo)),
      y(b2lo + 0.12 * (b2hi - b2lo)),
      "#000000",
      "#ffffff",
      dpr,
    );
  // The initializations; markers at one place share one label.
  const groups = new Map();
  map.markers.forEach((m, index) => {
    const key = `${m.sigma_w2.toPrecision(12)}|${m.sigma_b2}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ ...m, index });
  });
  ctx.textAlign = "center";
  const narrow = bbox.width < 420 * dpr;
  let g = 0;
  for (const group of [...groups.values()].sort(
    (a, b) => a[0].sigma_w2 - b[0].sigma_w2,
  )) {
    const lift = (g++ % 2 ? 36 : 22) * dpr; // neighbours' labels alternate in height
    const px = x(group[0].sigma_w2);
    const py = y(group[0].sigma_b2);
    if (px < bbox.left - 1 || px > bbox.left + bbox.width + 1) continue;
    group.forEach((m, k) => {
      marker(
        ctx,
        markerShape(m.index),
        px + (k - (group.length - 1) / 2) * 11 * dpr,
        py - 8 * dpr,
        5 * dpr,
      );
      ctx.fillStyle = m.color;
      ctx.strokeStyle = "#ffffff";
      ctx.lineWidth = 1.5 * dpr;
      ctx.fill();
      ctx.stroke();
    });
    // On a narrow plot (a phone) the legend names the markers instead.
    if (!narrow)
      halo(
        ctx,
        `${group.map((m) => m.label).join(" = ")} ${map.number(group[0].sigma_w2)}`,
        px,
        py - lift,
        "#ffffff",
        "#000000",
        dpr,
      );
  }
  // The point the network runs at: a ring with a cross.
  if (map.point) {
    const [pw, pb] = map.point;
    const px = x(pw);
    const py = y(pb);
    for (const [color, width] of [
      ["#000000", 4],
      ["#ffffff", 2],
    ]) {
      ctx.strokeStyle = color;
      ctx.lineWidth = width * dpr;
      ctx.beginPath();
      ctx.arc(px, py, 7 * dpr, 0, 2 * Math.PI);
      ctx.moveTo(px - 12 * dpr, py);
      ctx.lineTo(px - 4 * dpr, py);
      ctx.moveTo(px + 4 * dpr, py);
      ctx.lineTo(px + 12 * dpr, py);
      ctx.moveTo(px, py - 12 * dpr);
      ctx.lineTo(px, py - 4 * dpr);
      ctx.moveTo(px, py + 4 * dpr);
      ctx.lineTo(px, py + 12 * dpr);
      ctx.stroke();
    }
  }
  // The colour bar: the depth scale from 1 to 100 on a log scale, in the right-hand margin.
  const barX = bbox.left + bbox.width + 10 * dpr;
  const barW = 12 * dpr;
  const steps = 64;
  for (let s = 0; s < steps; s++) {
    ctx.fillStyle = rgb((s + 0.5) / steps);
    const y1 = bbox.top + bbox.height * (1 - (s + 1) / steps);
    ctx.fillRect(barX, y1, barW, bbox.height / steps + 0.5);
  }
  ctx.fillStyle = theme.fg;
  ctx.strokeStyle = theme.fg;
  ctx.lineWidth = 1 * dpr;
  ctx.textAlign = "left";
  for (const v of [1, 3, 10, 30, 100]) {
    const yy = bbox.top + bbox.height * (1 - xiFraction(v));
    ctx.beginPath();
    ctx.moveTo(barX + barW, yy);
    ctx.lineTo(barX + barW + 3 * dpr, yy);
    ctx.stroke();
    const label = v === XI_RANGE[1] ? `≥${map.number(v)}` : map.number(v);
    ctx.fillText(label, barX + barW + 5 * dpr, yy);
  }
  // ξ_c with its subscript (rich_text.js), in the diagram's font.
  const size = parseInt(/(\d+)px/.exec(theme.font)?.[1] ?? "12", 10) * dpr;
  const font = (px) => theme.font.replace(/\d+px/, `${px}px`);
  fillSubscripted(
    ctx,
    map.labels.xi,
    barX + barW / 2,
    bbox.top - 9 * dpr,
    size,
    font,
    "center",
  );
  ctx.restore();
}
