// A figure's controls, built from its rows of the state table: every control is a native,
// labelled form element (keyboard-operable as is). Sliders report while they move
// (commit: false, the URL is replaced) and when released (commit: true, a history entry).
import { element } from "./dom.js";
import { localNumber, parseLocalNumber } from "./numbers.js";
import { appendSubscripted } from "./rich_text.js";

// Writes a form element's property only when it changes: setting a range's or a number
// field's value makes Chromium recompute the field's style, 7 ms a control at load 4-6 on the
// edge figure's every click, for the value it already shows.
function assign(node, property, value) {
  if (node[property] !== value) node[property] = value;
}

// A label's node with its text, subscripts as <sub> ("σ_w²").
function subscripted(node, text) {
  appendSubscripted(node, text);
  return node;
}

// How each parameter type is shown unless the figure says otherwise.
const DEFAULT_KIND = {
  choice: "select",
  int: "range",
  float: "number",
  bool: "checkbox",
  list: "chips",
  alpha: "number",
};

function optionLabel(name, value, ctx) {
  if (name === "phi" || name === "cmp" || name === "vphi")
    return ctx.name("activations", value);
  if (name === "init" || name === "vinit")
    return ctx.name("initializers", value);
  const text = ctx.t(`choices.${name}.${value}`);
  return text === `choices.${name}.${value}` ? value : text;
}

function numberStep(spec, name) {
  if (spec.type === "int") return "1";
  return name === "eps" ? "0.01" : "any";
}

export function buildControls(form, figureId, defs, schema, ctx, onChange) {
  const controls = [];
  for (const def of defs) {
    const spec = schema[figureId][def.name];
    const kind = def.kind ?? DEFAULT_KIND[spec.type];
    const id = `${figureId}-${def.name}`;
    const label = ctx.t(`params.${def.name}`);
    const wrapper = element("div", {
      class: `control control-${kind}`,
      "data-param": def.name,
    });
    let sync;

    if (kind === "select") {
      const select = element("select", { id, name: def.name });
      for (const value of spec.choices) {
        select.append(
          element("option", { value, text: optionLabel(def.name, value, ctx) }),
        );
      }
      select.addEventListener("change", () =>
        onChange(def.name, select.value, true),
      );
      wrapper.append(subscripted(element("label", { for: id }), label), select);
      sync = (value) => assign(select, "value", String(value));
    } else if (kind === "range") {
      const input = element("input", {
        id,
        name: def.name,
        type: "range",
        min: spec.min,
        max: def.max ?? spec.max,
        step: 1,
      });
      const output = element("output", { for: id, "aria-hidden": "true" });
      input.addEventListener("input", () => {
        output.textContent = input.value;
        onChange(def.name, input.value, false);
      });
      input.addEventListener("change", () =>
        onChange(def.name, input.value, true),
      );
      wrapper.append(
        subscripted(element("label", { for: id }), label),
        input,
        output,
      );
      sync = (value) => {
        assign(input, "value", String(value));
        assign(output, "textContent", String(value));
      };
    } else if (kind === "number") {
      // Russian writes 0,5: a number field cannot show the decimal comma, so there the field
      // is text (with the decimal keyboard) and reads either separator.
      const comma = ctx.t.lang === "ru";
      const shown = (value) => (comma ? localNumber(value) : String(value));
      const input = element("input", {
        id,
        name: def.name,
        type: comma ? "text" : "number",
        step: numberStep(spec, def.name),
        min: spec.min,
        max: spec.max,
        inputmode: "decimal",
      });
      input.addEventListener("change", () =>
        onChange(def.name, parseLocalNumber(input.value), true),
      );
      wrapper.append(subscripted(element("label", { for: id }), label), input);
      sync = (value, values) => {
        if (spec.type === "alpha") {
          const info = ctx.catalog.activations.find(
            (a) => a.id === values[spec.of],
          );
          wrapper.hidden = !info?.alpha;
          if (info?.alpha) {
            input.min = info.alpha.min;
            input.max = info.alpha.max;
          }
          assign(input, "value", shown(value ?? info?.alpha?.default ?? ""));
        } else {
          assign(input, "value", shown(value));
        }
        if (def.visibleWhen) wrapper.hidden = !def.visibleWhen(values);
      };
    } else if (kind === "checkbox") {
      const input = element("input", { id, name: def.name, type: "checkbox" });
      input.addEventListener("change", () =>
        onChange(def.name, input.checked ? "1" : "0", true),
      );
      wrapper.append(input, subscripted(element("label", { for: id }), label));
      sync = (value, values) => {
        input.checked = value;
        if (def.visibleWhen) wrapper.hidden = !def.visibleWhen(values);
      };
    } else if (kind === "chips") {
      const fieldset = element("fieldset", { class: "chips" }, [
        subscripted(element("legend"), label),
      ]);
      const boxes = spec.choices.map((value) => {
        const boxId = `${id}-${value}`;
        const box = element("input", { id: boxId, type: "checkbox", value });
        box.addEventListener("change", () => {
          const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
          onChange(def.name, chosen.join(","), true);
        });
        fieldset.append(
          element("span", { class: "chip" }, [
            box,
            element("label", {
              for: boxId,
              text: optionLabel(def.name, value, ctx),
            }),
          ]),
        );
        return box;
      });
      wrapper.append(fieldset);
      sync = (value, values) => {
        for (const box of boxes) {
          box.checked = value.includes(box.value);
          box.parentElement.hidden = def.exclude
            ? box.value === values[def.exclude]
            : false;
        }
      };
    }
    form.append(wrapper);
    controls.push({ name: def.name, sync });
  }
  return {
    sync(values) {
      for (const control of controls)
        control.sync(values[control.name], values);
    },
  };
}
