// A drawn uPlot chart painted again from its own state (scales, axes' splits and labels,
// series data) onto a painter (painter.js): a PNG at any pixel ratio, or an SVG with one path
// per series, rather than a copy of the screen's pixels. uPlot reads the device pixel ratio
// once, when it loads; this draws in CSS px and lets the painter scale. It follows uPlot's own
// drawAxesGrid and series drawing (1.6), then the figure's decorations (`paint` hooks).

// Device pixels per CSS px of uPlot's canvases.
export function chartRatio() {
  return globalThis.uPlot?.pxRatio || globalThis.devicePixelRatio || 1;
}

// The plotting area in CSS px of the chart's canvas.
export function plotBox(u) {
  const r = chartRatio();
  return {
    left: u.bbox.left / r,
    top: u.bbox.top / r,
    width: u.bbox.width / r,
    height: u.bbox.height / r,
  };
}

// A value's position on the chart's canvas, CSS px.
export function xPos(u, v, key = "x") {
  return u.valToPos(v, key) + plotBox(u).left;
}

export function yPos(u, v, key = "y") {
  return u.valToPos(v, key) + plotBox(u).top;
}

const fontOf = (font) => ({ size: font[2] });

// A segment per kept offset, from pos0 over len along the other direction (uPlot's
// drawOrthoLines in CSS px).
function orthoLines(p, offs, kept, ori, pos0, len, style) {
  const points = [];
  offs.forEach((off, k) => {
    if (kept[k] === null || kept[k] === undefined) return;
    points.push(
      ori === 0 ? [off, pos0] : [pos0, off],
      ori === 0 ? [off, pos0 + len] : [pos0 + len, off],
      null,
    );
  });
  if (points.length) p.line(points, style);
}

// Axis i's label at uPlot's place for it. A figure whose label has a subscript ("σ_w²",
// which uPlot would print as it is) gives uPlot a blank label, for the room, and paints this
// from a drawAxes hook (painter.js draws the subscript), on screen and in the export alike.
export function paintAxisLabel(u, i, p, label) {
  const axis = u.axes[i];
  if (!axis.show || !axis._show) return;
  const box = plotBox(u);
  const { side } = axis;
  const ori = side % 2;
  const dir = side === 0 || side === 3 ? -1 : 1;
  const fill = axis.stroke(u, i);
  const pos = axis._lpos + axis.labelGap * dir;
  const font = fontOf(axis.labelFont);
  if (ori === 1)
    p.text(pos, box.top + box.height / 2, label, {
      font,
      fill,
      align: "center",
      baseline: "bottom",
      rotate: side === 3 ? -90 : 90,
    });
  else
    p.text(box.left + box.width / 2, pos, label, {
      font,
      fill,
      align: "center",
      baseline: side === 2 ? "top" : "bottom",
    });
}

function paintAxis(u, axis, i, p, box) {
  if (!axis.show || !axis._show) return;
  const { side } = axis;
  const ori = side % 2;
  const dir = side === 0 || side === 3 ? -1 : 1;
  const fill = axis.stroke(u, i);
  const [incr, space] = axis._found;
  if (axis.label !== null && axis.label !== undefined) {
    const label =
      typeof axis.label === "function"
        ? axis.label(u, i, incr, space)
        : axis.label;
    paintAxisLabel(u, i, p, label);
  }
  if (space === 0) return;
  const splits = axis._splits;
  const at = (v) =>
    u.valToPos(v, axis.scale) + (ori === 0 ? box.left : box.top);
  const offs = splits.map(at);
  const tickSize = axis.ticks.show ? axis.ticks.size : 0;
  const gap = axis.alignTo === 2 ? axis._size - tickSize - axis.gap : axis.gap;
  const final = axis._pos + (tickSize + gap) * dir;
  const align = ori === 0 ? "center" : side === 3 ? "right" : "left";
  const baseline = ori === 1 ? "middle" : side === 2 ? "top" : "bottom";
  const font = fontOf(axis.font);
  axis._values.forEach((value, k) => {
    if (value === null || value === undefined || value === "") return;
    const [x, y] = ori === 0 ? [offs[k], final] : [final, offs[k]];
    p.text(x, y, String(value), { font, fill, align, baseline });
  });
  if (axis.ticks.show)
    orthoLines(
      p,
      offs,
      axis.ticks.filter(u, splits, i, space, incr),
      ori,
      axis._pos,
      tickSize * dir,
      { stroke: axis.ticks.stroke(u, i), width: axis.ticks.width },
    );
  if (axis.grid.show)
    orthoLines(
      p,
      offs,
      axis.grid.filter(u, splits, i, space, incr),
      ori,
      ori === 0 ? box.top : box.left,
      ori === 0 ? box.height : box.width,
      { stroke: axis.grid.stroke(u, i), width: axis.grid.width },
    );
}

// One series: its line (null values break it) and, where uPlot shows them, its points.
function paintSeries(u, s, i, p, box) {
  const xs = u.data[0];
  const ys = u.data[i] ?? [];
  const points = Array.from(xs, (x, k) =>
    ys[k] === null || ys[k] === undefined
      ? null
      : [
          u.valToPos(x, u.series[0].scale ?? "x") + box.left,
          u.valToPos(ys[k], s.scale) + box.top,
        ],
  );
  const stroke = s.stroke(u, i);
  const alpha = s.alpha ?? 1;
  p.clip(box.left, box.top, box.width, box.height, () => {
    if (s.width > 0)
      p.line(points, {
        stroke,
        width: s.width,
        dash: s.dash,
        alpha,
        join: "round",
      });
    const pts = s.points;
    if (pts && pts.show(u, i, 0, xs.length - 1, null)) {
      const style = {
        stroke: pts.stroke(u, i),
        width: pts.width,
        fill: pts.fill(u, i) ?? (pts.width > 0 ? "#fff" : stroke),
        alpha,
      };
      for (const point of points)
        if (point) p.circle(point[0], point[1], pts.size / 2, style);
    }
  });
}

// The chart's full drawing in CSS px from (0, 0) to (u.width, u.height).
export function paintChart(u, p, paint = {}) {
  const box = plotBox(u);
  u.axes.forEach((axis, i) => paintAxis(u, axis, i, p, box));
  for (const f of paint.drawAxes ?? []) f(u, p);
  u.series.forEach((s, i) => {
    if (i === 0 || s.show === false) return;
    p.group({ series: s.label ?? "" }, () => paintSeries(u, s, i, p, box));
    for (const f of paint.drawSeries ?? []) f(u, i, p);
  });
  for (const f of paint.draw ?? []) f(u, p);
}
