// Figure 5b, in SELU's section: the moment map g(mu, nu) = (mu~, nu~) of Klambauer et al.
// 2017 (their Fig. 2) as a vector field over the (mu, nu) plane, with trajectories iterated by
// the engine from the grid's edge and the attracting fixed point, for a unit whose weights
// have sum omega and sum of squares tau. Every point and arrow comes from the engine
// (`actlab selu-field`); the arrows are only shortened to the grid spacing.
import { toCsv } from "../format.js";
import { renderRich } from "../katex.js";
import { localNumber } from "../numbers.js";
import { Chart, Y_AXIS_SIZE, axis } from "../plot/chart.js";
import { activationColor, displayColor } from "../plot/palette.js";

// Four decimals: the fixed point's rounding noise (5e-17 for mu* = 0) reads as 0.
const number = (x) => localNumber(String(Number(x.toFixed(4))));
// Inside TeX a decimal comma needs braces, or KaTeX spaces it as punctuation.
const texNumber = (text) => text.replace(",", "{,}");
const ARROW_FRACTION = 0.85; // of the grid spacing: the longest arrow drawn

function gridAxis(values) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  return sorted;
}

// An arrow from (x0, y0) towards (x1, y1), canvas px, at most `longest` long.
function arrow(c, x0, y0, x1, y1, longest, dpr) {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy);
  if (!(length > 0.5 * dpr)) return;
  const k = Math.min(1, longest / length);
  const [ex, ey] = [x0 + dx * k, y0 + dy * k];
  const head = Math.min(5 * dpr, 0.45 * length * k);
  const angle = Math.atan2(ey - y0, ex - x0);
  c.beginPath();
  c.moveTo(x0, y0);
  c.lineTo(ex, ey);
  c.moveTo(ex, ey);
  c.lineTo(
    ex - head * Math.cos(angle - 0.45),
    ey - head * Math.sin(angle - 0.45),
  );
  c.moveTo(ex, ey);
  c.lineTo(
    ex - head * Math.cos(angle + 0.45),
    ey - head * Math.sin(angle + 0.45),
  );
  c.stroke();
}

class SeluFieldView {
  constructor(host, ctx) {
    this.ctx = ctx;
    this.box = document.createElement("div");
    this.box.className = "chart";
    this.box.setAttribute("role", "img");
    host.append(this.box);
    this.numbers = document.createElement("p");
    this.numbers.className = "figure-formula";
    host.append(this.numbers);
    const narrow = matchMedia("(max-width: 560px)").matches;
    this.chart = new Chart(this.box, { height: narrow ? 300 : 400 });
    this.current = null;
    this.compact = false;
  }

  draw(result, values, ctx) {
    this.ctx = ctx;
    this.current = { result, values };
    const { t, theme } = ctx;
    const { grid, trajectories, fixed_point: fixed } = result;
    const mus = gridAxis(grid.mu);
    const nus = gridAxis(grid.nu);
    const xRange = [mus[0], mus[mus.length - 1]];
    const pad = 0.5 * (nus[1] - nus[0]);
    const yRange = [nus[0] - pad, nus[nus.length - 1] + pad];
    const pathColor = displayColor(activationColor("selu"));
    const dpr = devicePixelRatio || 1;
    const paint = (u) => {
      const c = u.ctx;
      const { left, top, width, height } = u.bbox;
      const px = (mu) => u.valToPos(mu, "x", true);
      const py = (nu) => u.valToPos(nu, "y", true);
      c.save();
      c.beginPath();
      c.rect(left, top, width, height);
      c.clip();
      const spacing = Math.min(
        Math.abs(px(mus[1]) - px(mus[0])),
        Math.abs(py(nus[1]) - py(nus[0])),
      );
      c.strokeStyle = theme.muted;
      c.lineWidth = 1.2 * dpr;
      for (let i = 0; i < grid.mu.length; i++)
        arrow(
          c,
          px(grid.mu[i]),
          py(grid.nu[i]),
          px(grid.mu_next[i]),
          py(grid.nu_next[i]),
          ARROW_FRACTION * spacing,
          dpr,
        );
      c.strokeStyle = pathColor;
      c.fillStyle = pathColor;
      c.lineWidth = 2 * dpr;
      for (const path of trajectories) {
        c.beginPath();
        path.mu.forEach((mu, k) =>
          k
            ? c.lineTo(px(mu), py(path.nu[k]))
            : c.moveTo(px(mu), py(path.nu[k])),
        );
        c.stroke();
        path.mu.forEach((mu, k) => {
          c.beginPath();
          c.arc(px(mu), py(path.nu[k]), (k ? 2 : 3.5) * dpr, 0, 2 * Math.PI);
          c.fill();
        });
      }
      // Klambauer et al.'s target (0, 1), a dot, and the map's fixed point, a ring around it.
      c.strokeStyle = theme.fg;
      c.lineWidth = 2 * dpr;
      const [tx, ty] = [px(0), py(1)];
      c.fillStyle = theme.fg;
      c.beginPath();
      c.arc(tx, ty, 3.5 * dpr, 0, 2 * Math.PI);
      c.fill();
      if (fixed) {
        c.beginPath();
        c.arc(px(fixed.mu), py(fixed.nu), 8 * dpr, 0, 2 * Math.PI);
        c.stroke();
      }
      c.restore();
    };
    const options = {
      legend: { show: false },
      cursor: { show: false },
      padding: [12, 18, null, null],
      scales: {
        x: { time: false, range: xRange },
        y: { range: yRange },
      },
      axes: [
        axis(this.compact ? null : t("figures.selumap.muAxis"), theme),
        axis(t("figures.selumap.nuAxis"), theme, { size: Y_AXIS_SIZE }),
      ],
      series: [{}, { scale: "y", show: false }],
      hooks: { draw: [paint] },
    };
    this.chart.draw(
      options,
      [xRange, yRange],
      `${t.lang}|${theme.fg}|${this.compact}`,
    );
    this.box.setAttribute(
      "aria-label",
      t("figures.selumap.caption", {
        omega: localNumber(values.omega),
        tau: localNumber(values.tau),
      }),
    );
    renderRich(
      this.numbers,
      fixed
        ? t("figures.selumap.fixed", {
            mu: texNumber(number(fixed.mu)),
            nu: texNumber(number(fixed.nu)),
            a: texNumber(number(fixed.jacobian[0][0])),
            b: texNumber(number(fixed.jacobian[0][1])),
            c: texNumber(number(fixed.jacobian[1][0])),
            d: texNumber(number(fixed.jacobian[1][1])),
            norm: texNumber(number(fixed.spectral_norm)),
          })
        : t("figures.selumap.noFixed"),
    );
  }

  legend() {
    if (!this.current) return [];
    const { t, theme } = this.ctx;
    const items = [
      { label: t("figures.selumap.legendArrows"), color: theme.muted },
      {
        label: t("figures.selumap.legendPaths", {
          steps: this.ctx.catalog.isometry.fieldSteps,
        }),
        color: activationColor("selu"),
      },
      {
        label: t("figures.selumap.legendTarget"),
        color: theme.fg,
        marker: "dot",
      },
    ];
    if (this.current.result.fixed_point)
      items.push({
        label: t("figures.selumap.legendFixed"),
        color: theme.fg,
        marker: "circle",
      });
    return items;
  }

  title(values) {
    return this.ctx.t("figures.selumap.embedTitle", {
      omega: localNumber(values.omega),
      tau: localNumber(values.tau),
    });
  }

  canvases() {
    return [this.chart.canvas()].filter(Boolean);
  }

  // `actlab selu-field --format csv`, byte for byte.
  csv(result) {
    const columns = [[], [], [], [], [], [], [], []];
    const row = (...cells) => cells.forEach((v, i) => columns[i].push(v));
    const { grid } = result;
    for (let i = 0; i < grid.mu.length; i++)
      row(
        "grid",
        i,
        "",
        grid.mu[i],
        grid.nu[i],
        grid.mu_next[i],
        grid.nu_next[i],
        "",
      );
    result.trajectories.forEach((path, k) =>
      path.mu.forEach((mu, s) =>
        row("trajectory", k, s, mu, path.nu[s], "", "", ""),
      ),
    );
    const f = result.fixed_point;
    if (f) row("fixed_point", 0, "", f.mu, f.nu, "", "", f.spectral_norm);
    return toCsv(
      [
        "record",
        "index",
        "step",
        "mu",
        "nu",
        "mu_next",
        "nu_next",
        "spectral_norm",
      ],
      columns,
    );
  }

  fit(height) {
    const compact = height < 480;
    this.numbers.style.display = compact ? "none" : "";
    this.chart.setHeight(Math.max(120, height - this.numbers.offsetHeight));
    const changed = compact !== this.compact;
    this.compact = compact;
    return changed;
  }

  destroy() {
    this.chart.destroy();
  }
}

export default {
  id: "selumap",
  section: "selu",
  op: "seluField",
  exactCsv: true,
  controls: [{ name: "omega" }, { name: "tau" }],
  args: ({ omega, tau }) => ({ omega, tau }),
  create: (host, ctx) => new SeluFieldView(host, ctx),
};
