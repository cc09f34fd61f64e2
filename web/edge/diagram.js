// The phase diagram drawn inside a uPlot chart (x: sigma_w2, y: sigma_b2): each cell coloured
// by the correlation depth scale xi_c at the fixed point (the engine's, as `actlab theory`'s) on
// a log scale (viridis, brightest where it diverges on the line), grey where there is no fixed
// point; the line chi1 = 1; the initializations' markers; the point the network runs at; the
// phases' names; and the colour bar with its numbers in the right-hand margin. Drawn with a
// painter (plot/painter.js, CSS px) from the chart's paint hook, so that the PNG and SVG
// exports draw it as the screen does.
import { fontSizeOf } from "../plot/painter.js";
import { viridis } from "../plot/palette.js";
import { plotBox, xPos, yPos } from "../plot/vector.js";

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

// A marker's outline around (x, y), radius r: a circle, or a polygon's corners.
function markerShape(index, x, y, r) {
  const shape = MARKER_SHAPES[index % MARKER_SHAPES.length];
  if (shape === "circle") return { circle: [x, y, r] };
  if (shape === "square")
    return {
      polygon: [
        [x - r, y - r],
        [x + r, y - r],
        [x + r, y + r],
        [x - r, y + r],
      ],
    };
  if (shape === "triangle")
    return {
      polygon: [
        [x, y - 1.2 * r],
        [x + r, y + 0.8 * r],
        [x - r, y + 0.8 * r],
      ],
    };
  return {
    polygon: [
      [x, y - 1.3 * r],
      [x + 1.3 * r, y],
      [x, y + 1.3 * r],
      [x - 1.3 * r, y],
    ],
  };
}

function halo(p, text, x, y, fg, bg, font, align) {
  p.text(x, y, text, { font, fill: fg, align, halo: { color: bg, width: 3 } });
}

// The diagram onto painter p (CSS px). map: {grid, linePoints, markers: [{label, color,
// sigma_w2, sigma_b2}], point: [w2, b2], w2Range, b2Range, labels: {ordered, chaotic, xi},
// number(x), theme}
export function drawDiagram(u, p, map) {
  const { grid, theme } = map;
  const box = plotBox(u);
  const nw = grid.sigma_w2.length;
  const nb = grid.sigma_b2.length;
  const [w2lo, w2hi] = map.w2Range;
  const [b2lo, b2hi] = map.b2Range;
  const cw = (w2hi - w2lo) / nw;
  const cb = (b2hi - b2lo) / nb;
  const x = (v) => xPos(u, v);
  const y = (v) => yPos(u, v);
  const font = { size: fontSizeOf(theme.font) };
  // Beneath the cells lie the axes' grid lines (theme.grid); a painter that can keeps them.
  const cells = (draw) =>
    p.reuse
      ? p.reuse(
          [nw, nb, grid.chi1, grid.xi_c, theme.reference, theme.grid],
          box.left,
          box.top,
          box.width,
          box.height,
          draw,
        )
      : draw();
  p.clip(box.left, box.top, box.width, box.height, () =>
    p.group({ cells: `${nw}x${nb}` }, () =>
      cells(() => {
        for (let j = 0; j < nb; j++) {
          const y0 = y(b2lo + j * cb);
          const y1 = y(b2lo + (j + 1) * cb);
          for (let i = 0; i < nw; i++) {
            const k = j * nw + i;
            const fill = Number.isNaN(grid.chi1[k])
              ? theme.reference
              : rgb(xiFraction(grid.xi_c[k]));
            const x0 = x(w2lo + i * cw);
            const x1 = x(w2lo + (i + 1) * cw);
            // Half a pixel over each edge: no seams between neighbours.
            p.rect(x0, y1, x1 - x0 + 0.5, y0 - y1 + 0.5, { fill });
          }
        }
      }),
    ),
  );
  // The line chi1 = 1; where it is a single point (relu: (2, 0) only), a dot.
  const pts = map.linePoints;
  const spread = pts.length
    ? Math.max(...pts.map((q) => q[0])) - Math.min(...pts.map((q) => q[0]))
    : 0;
  if (pts.length && spread > 1e-9) {
    const path = pts.map(([w2, b2]) => [x(w2), y(b2)]);
    p.clip(box.left, box.top, box.width, box.height, () =>
      p.group({ line: "chi1" }, () => {
        p.line(path, { stroke: "#000000", width: 4.5 });
        p.line(path, { stroke: "#ffffff", width: 2.5 });
      }),
    );
  } else if (pts.length) {
    p.circle(x(pts[0][0]), y(pts[0][1]), 6, {
      fill: "#ffffff",
      stroke: "#000000",
      width: 2,
    });
  }
  // The phases' names where their region is (a cell of that phase near a corner).
  const phaseAt = (wantOrdered, fx, fy) => {
    const i = Math.min(nw - 1, Math.floor(fx * nw));
    const j = Math.min(nb - 1, Math.floor(fy * nb));
    const chi = grid.chi1[j * nw + i];
    return wantOrdered ? chi < 1 : chi > 1;
  };
  if (phaseAt(true, 0.06, 0.9))
    halo(
      p,
      map.labels.ordered,
      x(w2lo + 0.03 * (w2hi - w2lo)),
      y(b2lo + 0.9 * (b2hi - b2lo)),
      "#ffffff",
      "#000000",
      font,
      "left",
    );
  if (phaseAt(false, 0.95, 0.12))
    halo(
      p,
      map.labels.chaotic,
      x(w2hi - 0.03 * (w2hi - w2lo)),
      y(b2lo + 0.12 * (b2hi - b2lo)),
      "#000000",
      "#ffffff",
      font,
      "right",
    );
  // The initializations; markers at one place share one label.
  const groups = new Map();
  map.markers.forEach((m, index) => {
    const key = `${m.sigma_w2.toPrecision(12)}|${m.sigma_b2}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push({ ...m, index });
  });
  const narrow = box.width < 420;
  let g = 0;
  for (const group of [...groups.values()].sort(
    (a, b) => a[0].sigma_w2 - b[0].sigma_w2,
  )) {
    const lift = g++ % 2 ? 36 : 22; // neighbours' labels alternate in height
    const px = x(group[0].sigma_w2);
    const py = y(group[0].sigma_b2);
    if (px < box.left - 1 || px > box.left + box.width + 1) continue;
    p.group({ marker: group.map((m) => m.init).join(" ") }, () => {
      group.forEach((m, k) => {
        const style = { fill: m.color, stroke: "#ffffff", width: 1.5 };
        const shape = markerShape(
          m.index,
          px + (k - (group.length - 1) / 2) * 11,
          py - 8,
          5,
        );
        if (shape.circle) p.circle(...shape.circle, style);
        else p.polygon(shape.polygon, style);
      });
      // On a narrow plot (a phone) the legend names the markers instead.
      if (!narrow)
        halo(
          p,
          `${group.map((m) => m.label).join(" = ")} ${map.number(group[0].sigma_w2)}`,
          px,
          py - lift,
          "#ffffff",
          "#000000",
          font,
          "center",
        );
    });
  }
  // The point the network runs at: a ring with a cross.
  if (map.point) {
    const px = x(map.point[0]);
    const py = y(map.point[1]);
    const arms = [
      [[px - 12, py], [px - 4, py], null, [px + 4, py], [px + 12, py], null],
      [[px, py - 12], [px, py - 4], null, [px, py + 4], [px, py + 12]],
    ].flat();
    p.group({ point: "network" }, () => {
      for (const [color, width] of [
        ["#000000", 4],
        ["#ffffff", 2],
      ]) {
        p.circle(px, py, 7, { stroke: color, width });
        p.line(arms, { stroke: color, width });
      }
    });
  }
  // The colour bar: the depth scale from 1 to 100 on a log scale, in the right-hand margin.
  const barX = box.left + box.width + 10;
  const barW = 12;
  const steps = 64;
  p.group({ colorbar: "xi_c" }, () => {
    for (let s = 0; s < steps; s++) {
      const y1 = box.top + box.height * (1 - (s + 1) / steps);
      p.rect(barX, y1, barW, box.height / steps + 0.5, {
        fill: rgb((s + 0.5) / steps),
      });
    }
  });
  for (const v of [1, 3, 10, 30, 100]) {
    const yy = box.top + box.height * (1 - xiFraction(v));
    p.line(
      [
        [barX + barW, yy],
        [barX + barW + 3, yy],
      ],
      { stroke: theme.fg, width: 1 },
    );
    const label = v === XI_RANGE[1] ? `≥${map.number(v)}` : map.number(v);
    p.text(barX + barW + 5, yy, label, { font, fill: theme.fg });
  }
  // ξ_c with its subscript, in the diagram's font.
  p.text(barX + barW / 2, box.top - 9, map.labels.xi, {
    font,
    fill: theme.fg,
    align: "center",
  });
}
