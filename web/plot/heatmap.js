// A layer-by-value heat map drawn inside a uPlot chart: column l is layer l's histogram, each
// cell coloured by its count on a log scale (viridis: one value darkest, the fullest bin
// brightest), so that thin tails stay visible beside a spike such as ReLU's zeros. Empty bins
// are left blank.
import { viridis } from "./palette.js";

// hist: Float64Array L x M (row-major, layer l's counts at [l*M, (l+1)*M)); edges: M + 1.
export function drawHeatmap(u, hist, edges, depth) {
  const bins = edges.length - 1;
  const { ctx, bbox } = u;
  let peak = 0;
  for (let i = 0; i < depth * bins; i++) peak = Math.max(peak, hist[i]);
  const logPeak = Math.log(peak);
  ctx.save();
  ctx.beginPath();
  ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
  ctx.clip();
  for (let l = 0; l < depth; l++) {
    const x0 = Math.round(u.valToPos(l + 0.5, "x", true));
    const x1 = Math.round(u.valToPos(l + 1.5, "x", true));
    for (let m = 0; m < bins; m++) {
      const count = hist[l * bins + m];
      if (count <= 0) continue;
      const y0 = Math.round(u.valToPos(edges[m + 1], "y", true));
      const y1 = Math.round(u.valToPos(edges[m], "y", true));
      const [r, g, b] = viridis(logPeak > 0 ? Math.log(count) / logPeak : 1);
      ctx.fillStyle = `rgb(${r},${g},${b})`;
      ctx.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
    }
  }
  ctx.restore();
}

// The colour bar's stops, for the legend (CSS gradient) and the PNG export.
export function colorbarStops(count = 6) {
  return Array.from({ length: count }, (_, i) => {
    const [r, g, b] = viridis(i / (count - 1));
    return `rgb(${r},${g},${b})`;
  });
}
