// The decision boundary: the network's class probabilities on a grid over the data's box (from
// the engine), each cell the classes' colours mixed by probability, pale, and the data points
// on top in their class's colour.
import { OKABE_ITO } from "../plot/palette.js";

export const CLASS_COLORS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
];

function rgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export class Boundary {
  constructor(host, label) {
    this.canvas = document.createElement("canvas");
    this.canvas.className = "train-boundary";
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute("aria-label", label);
    host.append(this.canvas);
  }

  // grid: Float32Array [n n classes], top row first; data: {x, y, classes}; box: {x0..y1};
  // ratio: device pixels per CSS px (an export's scale, else the screen's).
  draw({ grid, n, data, box, size, colors, ratio = devicePixelRatio || 1 }) {
    const dpr = ratio;
    const px = Math.round(size * dpr);
    if (this.canvas.width !== px) this.canvas.width = this.canvas.height = px;
    this.canvas.style.width = this.canvas.style.height = `${size}px`;
    const ctx = this.canvas.getContext("2d");
    const K = data.classes;
    const palette = CLASS_COLORS.slice(0, K).map(rgb);
    const bg = [255, 255, 255];
    const image = new ImageData(n, n);
    for (let c = 0; c < n * n; c++) {
      for (let k = 0; k < 3; k++) {
        let mix = 0;
        for (let j = 0; j < K; j++) mix += grid[c * K + j] * palette[j][k];
        image.data[4 * c + k] = Math.round(0.45 * mix + 0.55 * bg[k]);
      }
      image.data[4 * c + 3] = 255;
    }
    const bitmap = (this.bitmap ??= document.createElement("canvas"));
    if (bitmap.width !== n) bitmap.width = bitmap.height = n;
    bitmap.getContext("2d").putImageData(image, 0, 0);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(bitmap, 0, 0, px, px);
    const sx = px / (box.x1 - box.x0),
      sy = px / (box.y1 - box.y0);
    const r = 3 * dpr;
    ctx.lineWidth = 1 * dpr;
    ctx.strokeStyle = colors.fg;
    // One path per class: a fill and a stroke each, not one per point.
    for (let k = 0; k < K; k++) {
      ctx.beginPath();
      for (let i = 0; i < data.y.length; i++) {
        if (data.y[i] !== k) continue;
        const X = (data.x[2 * i] - box.x0) * sx,
          Y = (box.y1 - data.x[2 * i + 1]) * sy;
        ctx.moveTo(X + r, Y);
        ctx.arc(X, Y, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = CLASS_COLORS[k];
      ctx.fill();
      ctx.stroke();
    }
  }
}
