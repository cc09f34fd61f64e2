// English: the one-click views of web/presets.js, each with what the student should see.
export default {
  title: "Try:",
  sigmoid30: {
    label: "Sigmoid at 30 layers",
    claim:
      "29 layers below the top (k = 29) sigmoid's measured gradient is below 1e-15 of what arrives at the top: the lowest layers get almost no gradient.",
  },
  reluGlorotHe: {
    label: "ReLU: Glorot against He",
    claim:
      "Glorot's output std falls below 1e-4 by layer 30, while He's stays between 0.5 and 1.2 at every layer.",
  },
  tanhStandardGlorot: {
    label: "tanh: standard against Glorot",
    claim:
      "the standard rule's output std shrinks by a roughly constant factor per layer, to below 1e-6 at layer 30; Glorot's decays slowly and is still above 0.1 at layer 30.",
  },
  seluLecunHe: {
    label: "SELU: LeCun against He",
    claim:
      "with He normal weights the variance passes 1000 and the mean passes 10 on the way down; the reference, SELU with LeCun normal, keeps its variance between 0.9 and 1.25 and its mean within ±0.1.",
  },
  bottleneck: {
    label: "A bottleneck: layer 15 of 16 units among layers of 96",
    claim:
      "below layer 15 every fan-in equals its fan-out and Glorot's line is LeCun's; layer 15 (fan-in 96, fan-out 16) gives Glorot 2/(96 + 16), 1.71 times LeCun's 1/96, and layer 16 (fan-in 16, fan-out 96) the same 2/112, 0.29 times LeCun's 1/16: with ReLU, Glorot's line steps to 1.31 times LeCun's at layer 15 and stays at 0.70 times it from layer 16 on.",
  },
};
