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
    label: "A bottleneck: 512 inputs into 32 units",
    claim:
      "layer 1's fan-in (512) is not its fan-out (32), so Glorot's variance 2/(512 + 32) is almost twice LeCun's 1/512: with ReLU, Glorot's line stays about 1.4 times above LeCun's at every layer, and only He's holds the signal.",
  },
};
