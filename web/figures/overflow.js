// The engine's overflow marks (overflow_layer, grad_overflow_layer of wasm/api.d.ts) as the
// sentences figures 3 and 4 show under their plots: exploding activations and gradients are
// part of the lecture, not an error.

// runs: [{ name?, overflow_layer, grad_overflow_layer }]; name prefixes the sentence when
// several networks share the figure.
export function overflowNotes(t, runs) {
  const notes = [];
  for (const run of runs) {
    const texts = [];
    if (run.overflow_layer != null)
      texts.push(t("overflow.signal", { layer: run.overflow_layer }));
    if (run.grad_overflow_layer != null)
      texts.push(t("overflow.gradient", { layer: run.grad_overflow_layer }));
    for (const text of texts)
      notes.push(run.name ? t("overflow.of", { name: run.name, text }) : text);
  }
  return notes;
}

// A series for a chart: the layers past an overflow (NaN) become gaps.
export function finiteOrNull(values) {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

// A paragraph under a figure's plots that shows the notes, hidden when there are none.
export class OverflowMark {
  constructor(host) {
    this.element = document.createElement("p");
    this.element.className = "overflow-note";
    this.element.setAttribute("role", "status");
    this.element.hidden = true;
    host.append(this.element);
  }

  show(notes) {
    this.element.textContent = notes.join("; ");
    this.element.hidden = notes.length === 0;
  }
}
