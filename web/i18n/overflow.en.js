// English strings of the overflow marks of figures 3 and 4 (web/figures/overflow.js).
export default {
  signal:
    "the signal overflows float32 from layer {layer}: exploding activations",
  gradient:
    "the gradient overflows float32 from layer {layer} down: exploding gradients",
  of: "{name}: {text}",
};
