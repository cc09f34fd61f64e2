// English strings of the page: UI, notices and the lecture's prose. Prose and labels may hold
// TeX between $…$ (inline) or $$…$$ (display), rendered with KaTeX; {name} is a placeholder.
import overflow from "./overflow.en.js";

export default {
  overflow,
  meta: {
    lang: "en",
    name: "English",
    title: "actlab — activation functions, saturation and vanishing gradients",
    description:
      "An interactive lecture on activation functions, saturation and vanishing gradients, computed by a C++ engine in WebAssembly.",
  },
  header: {
    brand: "actlab",
    tagline: "activation functions",
    language: "Language",
    nav: "Sections",
    skip: "Skip to the content",
  },
  intro: {
    title: "Activation functions, saturation and vanishing gradients",
    lead: [
      "A neural network passes every pre-activation $z = W h + b$ through a non-linear function $\\varphi$. Which $\\varphi$ — and how the weights $W$ are drawn — decides whether a deep network can learn at all. This page follows one lecture on the question, step by step.",
      "Every number on the page is computed in your browser by the actlab engine (C++ compiled to WebAssembly). Change a control and the figure is recomputed; the address bar keeps the view, so a link reproduces it exactly. Each figure can be linked, embedded in a course page, and downloaded as PNG or CSV.",
    ],
  },
  sections: {
    act: {
      nav: "Activations",
      title: "1. Activation functions and their derivatives",
      before: [
        "The lecture starts with the sigmoid $\\sigma(z) = \\frac{1}{1 + e^{-z}}$. Its derivative $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$ is at most $0.25$, reached at $z = 0$ — remember this number, the whole lecture turns on it.",
        "Where $|\\varphi'(z)|$ is small the unit is **saturated**: changing $z$ hardly changes the output, so hardly any gradient flows back through the unit. The shaded bands mark where $|\\varphi'(z)| < \\varepsilon \\sup|\\varphi'|$; the dot marks the largest derivative.",
      ],
      after: [
        "**tanh** is a rescaled sigmoid: $\\tanh(z) = 2\\sigma(2z) - 1$, hence $\\tanh'(z) = 4\\sigma(2z)\\,(1 - \\sigma(2z))$, at most $1$. Choose tanh and tick the identity box: the right-hand sides, computed from the engine's sigmoid, fall exactly on the curves.",
        "**ReLU**, $\\max(0, z)$, has derivative $1$ for $z \\ge 0$ (the lecture takes $1$ at $z = 0$) and $0$ for $z < 0$: no saturation on the right, but a unit whose $z$ stays negative is dead. **ELU** — $z$ for $z \\ge 0$, $\\alpha(e^{z} - 1)$ for $z < 0$ — keeps a small gradient on the left and a mean output closer to zero. **SELU** scales ELU by a constant $\\lambda$; section 5 shows why.",
        "Compare several activations on one plot with the chips under “compare”.",
      ],
    },
    grad: {
      nav: "Vanishing gradients",
      title: "2. Why deep sigmoid networks stop learning",
      before: [
        "A network is a function of its weights, $J(w) = \\mathrm{NN}^{(3)}(w)$ for a three-layer example, and training follows $\\partial L / \\partial \\theta$. Through one layer the chain rule reads, as the lecture writes it,",
        "$$\\frac{\\partial L}{\\partial \\theta^{(l)}} = \\mathrm{usg} \\cdot \\frac{d\\varphi(z)}{dz} \\cdot h^{(l-1)},$$",
        "where usg is the upstream gradient (what arrives from the layers above), $\\varphi$ the activation and $h^{(l-1)}$ the previous layer's output. With the sigmoid the middle factor is at most $0.25$; if the other factors are bounded by $1$, the whole is $\\le 0.25 \\le 1$.",
        "Going down from the top layer $L$, every layer adds one more such factor: $\\frac{\\partial L}{\\partial \\theta^{(L)}} \\le 0.25$, $\\frac{\\partial L}{\\partial \\theta^{(L-1)}} \\le 0.25^2$, …, $\\frac{\\partial L}{\\partial \\theta^{(L-k)}} \\le 0.25^{k+1}$. This is the **vanishing-gradient effect**: twenty layers down the bound is $10^{-12}$.",
      ],
      after: [
        "The dashed lines are the bound $(\\sup|\\varphi'|)^{k+1}$ for each activation; the solid lines are what the engine measures in a real network at initialization: the gradient at layer $L - k$ divided by its value at the top layer. The bound assumes $|w| \\le 1$ along the path; Glorot and He weights can exceed that, which is why the measurement is shown beside it.",
        "On this logarithmic axis a straight line is a constant factor per layer. Sigmoid's gradient falls geometrically, hugging its bound: thirty layers down it is about $10^{-18}$ of the top layer's. With Glorot weights tanh, ELU and SELU, whose derivatives reach $1$ or more, keep theirs within an order of magnitude, and ReLU loses about five orders; with He weights ReLU holds too. Move the depth slider and change the initializer to see how the gap grows. For SELU, $\\sup|\\varphi'| = \\lambda\\alpha \\approx 1.76 > 1$, so its bound grows with depth and tells nothing: the measurement is what matters.",
      ],
    },
    prop: {
      nav: "Signal propagation",
      title: "3. Signal propagation at initialization",
      before: [
        "Feed a batch of $B$ random inputs with standard deviation $\\sigma_x$ through $L$ layers of width $N$, with weights drawn by the chosen initializer, and look at what every layer produces. Each column of the heat map is one layer's histogram of its outputs $h^{(l)}$ — or, switched, of its gradients $\\partial L / \\partial z^{(l)}$ on a $\\log_{10}$ scale.",
        "Below the heat map: each layer's mean and standard deviation, and the fractions of saturated units ($|\\varphi'(z)| < \\varepsilon \\sup|\\varphi'|$) and of dead ones ($\\varphi'(z) = 0$).",
      ],
      after: [
        "Try sigmoid: its outputs crowd around $0.5$ and its gradients shrink layer after layer. Try tanh with the standard initializer: the histograms narrow towards $0$ as depth grows (Glorot & Bengio 2010). Try ReLU: about half of every layer's values are exactly $0$, where $\\varphi' = 0$, and deeper down more and more units are dead for the whole batch; with Glorot weights the signal fades layer after layer, He weights keep it (the dead units do not depend on the scale).",
      ],
    },
    init: {
      nav: "Initialization",
      title: "4. Initialization: the scale comes from fan-in and fan-out",
      before: [
        "Every initializer draws the weights of a layer with a variance set by its number of inputs $n_{\\text{in}}$ (fan-in) and of outputs $n_{\\text{out}}$ (fan-out). The lecture's $\\theta \\sim N(0, \\sqrt{6}/\\sqrt{n+1})$ is a garbled form of Glorot's uniform scale $\\sqrt{6}/\\sqrt{n_{\\text{in}} + n_{\\text{out}}}$.",
        "The figure runs the same network — same activation, depth, width and seed — under the four rules and plots the standard deviation of each layer's output and of its gradient.",
      ],
      after: [
        "With tanh, the “standard” rule $U(\\pm 1/\\sqrt{n})$ has variance $1/(3n)$: the signal shrinks layer after layer, as Glorot & Bengio (2010) observed; their normalized rule keeps it. With ReLU, half the units are zero, so Glorot's variance loses half the signal's power at every layer and a 30-layer network's output vanishes; He's $\\mathrm{Var} = 2/n_{\\text{in}}$ compensates exactly (He et al. 2015). LeCun's $1/n_{\\text{in}}$ is the rule SELU needs. Here every layer has as many inputs as outputs, so Glorot's $2/(n_{\\text{in}} + n_{\\text{out}})$ equals LeCun's $1/n_{\\text{in}}$ and their lines coincide (LeCun is dashed).",
      ],
    },
    selu: {
      nav: "SELU",
      title: "5. SELU and self-normalization",
      before: [
        "The scaled ELU $\\psi(z) = \\lambda \\begin{cases} z, & z \\ge 0 \\\\ \\alpha (e^{z} - 1), & z < 0 \\end{cases}$ with $\\lambda = 1.0507009873554804934193349852946$ and $\\alpha = 1.6732632423543772848170429916717$ (Klambauer et al. 2017) has a remarkable property.",
        "If $z \\sim N(0, 1)$ and the weights are drawn as $\\theta \\sim N(0, 1/n)$ — variance $1/n$, $n$ the input dimension (LeCun normal) — then $E\\,\\psi(z) = E\\,z$ and $\\mathrm{Var}\\,\\psi(z) = \\mathrm{Var}\\,z$: mean $0$ and variance $1$ are a fixed point, and an attracting one. The network normalizes itself, layer after layer.",
      ],
      after: [
        "The figure follows the mean and variance of every layer's output through up to 100 layers; the grey lines are SELU with LeCun normal weights, for reference. Change the initializer (He doubles the variance; Glorot uniform has the same variance $1/n$ here, but not the normal shape) or the activation (ELU, tanh) and watch the fixed point disappear.",
      ],
    },
  },
  params: {
    istd: "Weight std σ",
    phi: "Activation",
    alpha: "α",
    from: "z from",
    to: "z to",
    n: "Points",
    eps: "Saturation ε",
    cmp: "Compare with",
    id: "Show tanh(z) = 2σ(2z) − 1",
    init: "Initializer",
    y: "Measured",
    depth: "Depth L",
    width: "Width N",
    batch: "Batch B",
    seed: "Seed",
    hist: "Histogram of",
    sx: "Input std σₓ",
    bins: "Bins",
    dist: "Distribution",
  },
  choices: {
    y: { grad_pre_std: "std of ∂L/∂z", weight_grad_rms: "RMS of ∂L/∂W" },
    hist: { act: "outputs h", grad: "gradients ∂L/∂z" },
    dist: { uniform: "uniform", normal: "normal" },
  },
  families: {
    standard: "standard",
    glorot: "Glorot",
    he: "He",
    lecun: "LeCun",
  },
  // Display names of the engine's activations and initializers, by id (the engine's own
  // name is the fallback for an id missing here).
  names: {
    activations: {
      identity: "Identity",
      sigmoid: "Sigmoid",
      tanh: "tanh",
      relu: "ReLU",
      "leaky-relu": "Leaky ReLU",
      elu: "ELU",
      selu: "SELU",
      gelu: "GELU",
      silu: "SiLU (swish)",
      softplus: "Softplus",
      mish: "Mish",
      softsign: "Softsign",
    },
    initializers: {
      standard: "Standard (uniform ±1/\u2060√n_in)", // U+2060: no line break after the slash
      "glorot-uniform": "Glorot (Xavier) uniform",
      "glorot-normal": "Glorot (Xavier) normal",
      "he-uniform": "He (Kaiming) uniform",
      "he-normal": "He (Kaiming) normal",
      "lecun-uniform": "LeCun uniform",
      "lecun-normal": "LeCun normal",
      normal: "Normal (fixed standard deviation)",
      orthogonal: "Orthogonal",
    },
  },
  actions: {
    link: "Link",
    embed: "Embed",
    png: "PNG",
    csv: "CSV",
    copied: "Copied to the clipboard",
    copyFailed: "Copy this:",
    linkTitle: "Copy a link to this figure as it is now",
    embedTitle: "Copy an <iframe> snippet that shows this figure alone",
    pngTitle: "Download the figure as a PNG image",
    csvTitle: "Download the figure's numbers as CSV",
    open: "Open the whole lecture",
    parameters: "Parameters",
  },
  status: {
    computing: "Computing…",
    loading: "Loading the engine…",
  },
  notices: {
    title: "Some parameters in the address were adjusted:",
    range: "{key} = {given} is out of range; using {used}.",
    invalid: "{key} = {given} is not a valid value; using {used}.",
    choice: "{key} = {given} is not one of the choices; using {used}.",
    budget:
      "{key} = {given} would make this figure too slow to stay interactive; using {used}.",
    unused: "{key} = {given} is ignored: {used} takes no α.",
    order: "{key}: the range {given} is empty; using {used}.",
    dismiss: "Dismiss",
  },
  errors: {
    restarted:
      "The engine stopped ({message}) and was restarted; the figures are computed again.",
    engine: "The engine reported: {message}",
    load: "The WebAssembly engine could not be loaded: {message}",
  },
  figures: {
    act: {
      title: "φ(z) and φ′(z)",
      valueAxis: "φ(z)",
      derivativeAxis: "φ′(z)",
      zAxis: "z",
      value: "{name}",
      derivative: "{name}′",
      identityValue: "2σ(2z) − 1",
      identityDerivative: "4σ(2z)(1 − σ(2z))",
      identityRange:
        "drawn only where |z| ≤ {limit}, so that 2z stays within the engine's ±{range}",
      saturated: "saturated, ε = {eps}",
      max: "max φ′ = {value} at z = {z}",
      sup: "sup |φ′| = {value}",
      supApproached: "sup |φ′| = {value}, approached as z → {z}⁻",
      caption:
        "{name} and its derivative for z from {from} to {to}; sup |φ′| = {max}.",
      formula: "Formula",
    },
    grad: {
      title: "Gradient at layer L − k, relative to the top layer",
      xAxis: "k (layers below the top)",
      yAxis: "relative gradient",
      bound: "{name} bound",
      measured: "{name} measured",
      caption:
        "The bound (sup|φ′|)^(k+1) and the measured gradient, relative to the top layer, for sigmoid, tanh, ReLU, ELU and SELU; depth {depth}, initializer {init}.",
      legendBound: "dashed: bound (sup|φ′|)^(k+1)",
      legendMeasured: "solid: measured",
    },
    prop: {
      title: "Per-layer distributions at initialization",
      layerAxis: "layer l",
      valueAxis: "h",
      gradAxis: "log₁₀ |∂L/∂z|",
      statsAxis: "mean, std",
      fractionAxis: "fraction",
      mean: "mean",
      std: "std",
      gradStd: "std of ∂L/∂z",
      saturated: "saturated",
      dead: "dead",
      count: "values per bin (log scale)",
      caption:
        "Heat map of the histograms of each layer of a {depth}-layer {phi} network ({init}), with per-layer mean, standard deviation, saturated and dead fractions.",
    },
    init: {
      title: "Standard vs Glorot vs He vs LeCun",
      layerAxis: "layer l",
      actAxis: "std of h⁽ˡ⁾",
      gradAxis: "std of ∂L/∂z⁽ˡ⁾",
      caption:
        "Standard deviation of each layer's output and gradient for {phi} under four initializers ({dist}), depth {depth}.",
    },
    selu: {
      title: "Mean and variance per layer",
      layerAxis: "layer l",
      meanAxis: "mean of h⁽ˡ⁾",
      varAxis: "variance of h⁽ˡ⁾",
      chosen: "{phi} + {init}",
      target: "fixed point",
      constants:
        "The engine's constants, in double precision: $\\lambda = {lambda}$, $\\alpha = {alpha}$; $\\sup|\\mathrm{SELU}'| = \\lambda\\alpha = {lambdaAlpha}$.",
      caption:
        "Mean and variance of each layer's output for {phi} with {init}, depth {depth}.",
    },
  },
  footer: {
    text: "actlab — every number computed by the actlab engine (C++ → WebAssembly), in this browser, offline.",
    references:
      "References: X. Glorot, Y. Bengio (2010), Understanding the difficulty of training deep feedforward neural networks; K. He et al. (2015), Delving deep into rectifiers; G. Klambauer et al. (2017), Self-normalizing neural networks.",
  },
};
