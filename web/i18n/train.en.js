// English strings of the training lab (section 6), joined into the language table by
// web/i18n/index.js.
export default {
  sections: {
    train: {
      nav: "Training",
      title: "6. Training: what vanishing gradients do to learning",
      before: [
        "The lecture writes $J(w) = \\mathrm{NN}(w)$: the network is a function of its weights, and training moves them by gradient descent. Every figure so far showed the cause at initialization; this one shows the consequence. A network with $L$ hidden layers learns to separate two moons (or circles, XOR, a spiral, three blobs) while the figure shows, step by step, the loss, the decision boundary and every layer's weight gradient $\\mathrm{RMS}(\\partial J / \\partial W_l)$.",
        "Press **Play**. The defaults — 4 tanh layers with Glorot weights and plain SGD — learn within seconds. Then try a **10-layer sigmoid network with the standard initialization**: its lowest layers get gradients $10^{-6}$ of the top's and less (the dark rows at the bottom of the heat map), their weights do not move, and the loss stays at $\\ln 2 \\approx 0.693$, the loss of a coin toss. At the same depth, ReLU with He weights (or tanh with Glorot) learns.",
      ],
      after: [
        "**Adam hides vanishing gradients, it does not cure them.** Adam divides each weight's step by the running RMS of its own gradient, $\\Delta w = -\\eta\\, \\hat m / (\\sqrt{\\hat s} + \\epsilon)$, so a gradient of $10^{-7}$ moves its weight by about $\\eta$, just as a gradient of $1$ would. The preset trains a 30-layer ReLU network with Xavier weights that SGD cannot move. Adam's first steps move every weight by about $\\eta$ whatever its gradient says, the weights grow, and within 100 steps the first layer's gradient has risen from $10^{-7}$ to $10^{-2}$, the scale of a He network's: the heat map's dark rows light up, and the network learns. Adam got there because its steps ignore the gradients' scale, not because the gradients carried the signal — SGD, which follows them, never moves. The cure is an initialization (or normalization) that keeps the signal alive from the first step.",
        "Each logged step is a pass over all the points with the current weights. The heat map's colour is $\\log_{10}$ of the layer's weight-gradient RMS (layer 1 at the bottom, the output layer on top); the second heat map is the fraction of saturated units, $|\\varphi'(z)| < 0.1 \\sup|\\varphi'|$, as in section 3. The CSV download holds the numbers of the command-line tool's actlab train --format csv for the same configuration and number of steps.",
      ],
    },
  },
  params: {
    data: "Data",
    noise: "Noise",
    opt: "Optimizer",
    lr: "Learning rate",
    speed: "Steps per frame",
    vs: "Compare with a second network",
    vphi: "Second: activation",
    vinit: "Second: initializer",
    vopt: "Second: optimizer",
    vlr: "Second: learning rate",
  },
  choices: {
    data: {
      moons: "two moons",
      circles: "circles",
      xor: "XOR",
      spiral: "spiral",
      blobs: "three blobs",
    },
    opt: { sgd: "SGD", momentum: "SGD + momentum 0.9", adam: "Adam" },
    vopt: { sgd: "SGD", momentum: "SGD + momentum 0.9", adam: "Adam" },
  },
  figures: {
    train: {
      title: "Training a deep network",
      play: "Play",
      pause: "Pause",
      step: "Step",
      reset: "Reset",
      preset: "Published case",
      presetNone: "choose…",
      presets: {
        "glorot-bengio-2010": {
          name: "Glorot & Bengio 2010: a deep sigmoid network saturates",
          expect:
            "5 sigmoid layers (the paper's Figure 2 has 4; a 5-layer network never recovered in their training), standard initialization, SGD with learning rate 2. Watch the saturation map: the top hidden layer (layer 5) turns fully saturated within about 1500 steps — its outputs are driven to 0 — while the loss stays at ln 2 and the boundary does not form. Much later (around step 5000 on this seed) the layer slowly leaves saturation and the loss drops, as the top layer does in Glorot & Bengio's Figure 2.",
        },
        "he-2015": {
          name: "He et al. 2015: 30 ReLU layers, Xavier against He",
          expect:
            "30 ReLU layers, SGD. With He's initialization (variance 2/n) the network learns within a few hundred steps. The second network, with Xavier's (variance 1/n), halves the signal's variance at every layer: the top layer's output is 10⁻⁵ of He's, its gradients are 10⁻⁷, and its loss never leaves ln 2: within 100 steps its ReLUs die, every gradient is exactly 0, and that heat map goes blank.",
        },
        "adam-hides": {
          name: "Adam hides vanishing gradients",
          expect:
            "The same Xavier-initialized 30 ReLU layers, now trained by Adam (first) and by SGD (second). At step 0 both networks' gradients are 10⁻⁷. Adam moves every weight by about η anyway: the weights grow, within 100 steps its gradients are about 10⁵ times larger (the heat map's dark rows light up), and it learns. SGD's network never moves, and its gradients soon become exactly 0. Adam's step sizes made up for the initialization; they did not fix it.",
        },
      },
      boundary: "Decision boundary",
      boundaryCompare: "Decision boundary, second network",
      lossAxis: "loss",
      accuracyAxis: "accuracy",
      stepAxis: "step",
      gradMap: "log₁₀ RMS(∂J/∂W) per layer",
      gradMapCompare: "second network: log₁₀ RMS(∂J/∂W)",
      satMap: "saturated fraction per layer",
      layerAxis: "layer",
      output: "out",
      status: "step {step} · loss {loss} · accuracy {accuracy}",
      atLimit:
        "Stopped at step {steps}, the engine's limit (actlab train --steps takes at most that many). Reset to train again.",
      statusCompare: "second: step {step} · loss {loss} · accuracy {accuracy}",
      diverged: {
        "loss-infinite":
          "The loss became infinite at step {step}: the learning rate is too large.",
        "loss-nan":
          "The loss became NaN at step {step}: the learning rate is too large.",
        "weight-not-finite":
          "A weight became infinite at step {step}: the learning rate is too large.",
      },
      colorbar: "{lo} … {hi} (blank: 0)",
      satColorbar: "saturated 0 … 1",
      main: "{phi}, {init}, {opt}, η = {lr}",
      compare: "second: {phi}, {init}, {opt}, η = {lr}",
      caption:
        "{depth} hidden layers of {width} units trained on {data}; the points and the regions the network assigns to each class.",
    },
  },
};
