// English strings of the page: UI, notices and the lecture's prose. Prose and labels may hold
// TeX between $…$ (inline) or $$…$$ (display), rendered with KaTeX; {name} is a placeholder.
import overflow from "./overflow.en.js";
import presets from "./presets.en.js";

export default {
  overflow,
  presets,
  meta: {
    lang: "en",
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
        "Compare several activations on one plot with the chips under “Compare with”: the chosen activation keeps the scale, and the band along its curve marks where it saturates.",
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
        "The dashed lines are the bound $(\\sup|\\varphi'|)^{k+1}$ for each activation. The solid lines are what the engine measures in a real network at initialization, per unit of the gradient that arrives at the top: one example's gradient of the weights of layer $L - k$ (its root mean square over the weights and the batch), divided by the standard deviation of $\\partial L / \\partial h^{(L)}$. At $k = 0$ the gradient has passed one $\\varphi'$, so sigmoid's starts below $0.25$: at about $0.12$, since $\\sigma'(z) \\approx 0.23$ there and the factor $h^{(L-1)}$ is about $0.5$. The choice “∂L/∂z” plots the gradient of the pre-activations instead, which at $k = 0$ is the root mean square of $\\varphi'$ at the top layer.",
        "The bound assumes $|w| \\le 1$ along each path. The lower panel shows, layer by layer, the largest $|w|$ — below $1$ at the default width, for every rule — and the gain $\\sqrt{N}\\,\\mathrm{rms}(w) = \\|W\\|_F / \\sqrt{n_{\\text{in}}}$, the factor by which a layer scales a random gradient on its way down. A layer of width $N$ adds up $N$ paths, so what counts is the gain, not each $|w|$: the bound is certain only when every $\\|W\\|_2 \\le 1$, and $\\|W\\|_2$ is at least the gain. Glorot's gain is $1$, He's $\\sqrt{2}$: with He weights tanh and ELU rise above their bound of $1$.",
        "On this logarithmic axis a straight line is a constant factor per layer. Sigmoid's gradient falls geometrically, by about $0.24$ per layer, just under its bound: thirty layers down it is about $10^{-18}$ of its value at the top. With Glorot weights the weight gradients of tanh, ELU and SELU stay within an order of magnitude of theirs at the top; SELU's grows threefold, and its bound grows too, since $\\sup|\\varphi'| = \\lambda\\alpha \\approx 1.76 > 1$: it tells nothing. ReLU's is about as flat, but at about $10^{-5}$: its $\\partial L / \\partial z$ loses more than four orders of magnitude on the way down ($0.67$ at the top, $2 \\cdot 10^{-5}$ thirty layers down; choose “∂L/∂z”), and the signal $h$ that multiplies it has lost as much on the way up. With He weights ReLU keeps both. Move the depth slider and change the initializer to see how the gap grows; where a line stops with a dotted drop, float32 has rounded the gradient to $0$ (sigmoid below about seventy layers).",
      ],
    },
    prop: {
      nav: "Signal propagation",
      title: "3. Signal propagation at initialization",
      before: [
        "Feed a batch of $B$ random inputs with standard deviation $\\sigma_x$ through $L$ layers of width $N$, with weights drawn by the chosen initializer, and look at what every layer produces. Each column of the heat map is one layer's histogram of its outputs $h^{(l)}$ — or, switched, of $\\log_{10}|h^{(l)}|$, which keeps a collapsing layer visible, or of its gradients $\\log_{10}|\\partial L / \\partial z^{(l)}|$. The colour of a cell is its count on a logarithmic scale, read on the bar at the right; point at a cell, or focus the map and use the arrow keys, to read its count. Values that fall in no bin have rows of their own: “h = 0” (or “∂L/∂z = 0”) for exact zeros, which have no logarithm,, “below” and “above” for values beyond the range of the bins.",
        "Below the heat map: each layer's mean and standard deviation; the fraction of **saturated values**, pairs (example, unit) with $|\\varphi'(z)| < \\varepsilon \\sup|\\varphi'|$, values with $\\varphi'(z) = 0$ included, where $\\varepsilon$ is this figure's own (figure 1's $\\varepsilon$ does not change it); and the fraction of **dead units**, those with $\\varphi'(z) = 0$ for every example of the batch.",
      ],
      after: [
        "Try sigmoid: its outputs crowd around $0.5$ and its gradients shrink layer after layer. With tanh and Glorot weights, the default, the histograms narrow slowly, like a power law (the standard deviation goes from $0.63$ to $0.16$ over twenty layers); choose the standard initializer and they narrow exponentially towards $0$ (Glorot & Bengio 2010) — switch to $\\log_{10}|h|$ to follow them. Try ReLU: roughly half of every layer's values, between 35% and 60% here, are exactly $0$ (the “h = 0” row), where $\\varphi' = 0$, and these count as saturated; deeper down more and more units are dead for the whole batch. With Glorot weights the signal fades layer after layer, He weights keep it (the zeros and the dead units do not depend on the scale).",
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
        "With tanh, the “standard” rule $U(\\pm 1/\\sqrt{n})$ has variance $1/(3n)$: the signal shrinks by about the same factor at every layer, an exponential decay, a straight line on this log axis (Glorot & Bengio 2010). Glorot's normalized rule decays too, but slowly, like a power law: tanh's output std falls from about $0.63$ at layer 1 to about $0.12$ at layer 30. Of the four, only He's larger variance keeps tanh's signal flat. With ReLU, half the units are zero, so Glorot's variance loses half the signal's power at every layer and a 30-layer network's output vanishes; He's $\\mathrm{Var} = 2/n_{\\text{in}}$ compensates exactly (He et al. 2015). LeCun's $1/n_{\\text{in}}$ is the rule SELU needs.",
        "With the input dimension $D$ equal to the width $N$, every layer has as many inputs as outputs, so Glorot's $2/(n_{\\text{in}} + n_{\\text{out}})$ equals LeCun's $1/n_{\\text{in}}$ and their lines coincide (LeCun is dashed). Set $D$ apart from $N$: layer 1 then has fan-in $D$ and fan-out $N$, and Glorot, which averages the two, parts from LeCun, which counts the fan-in only. With ReLU the gap opened at layer 1 is carried unchanged through every layer above (ReLU is positively homogeneous); with tanh it fades. A bottleneck in the middle does the same twice: layer $K$ of $M$ units has fan-in $N$ and fan-out $M$, and layer $K + 1$ fan-in $M$ and fan-out $N$. With $M < N$, Glorot's $2/(N + M)$ is above LeCun's $1/N$ at layer $K$ and below LeCun's $1/M$ at layer $K + 1$: Glorot's line steps up, then down, where LeCun's only follows the fan-in.",
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
        "The figure follows the mean and variance of every layer's output through the network's depth; the grey lines are SELU with LeCun normal weights, for reference. The mean's axis is fixed at $\\pm 1$ or wider, so that its wobble of a few hundredths, the noise of one random network, reads as what it is.",
        "Change the initializer or the activation. He normal doubles the weights' variance: the network leaves the fixed point, and mean and variance grow without bound. With ELU or tanh the variance collapses towards $0$. Glorot uniform and LeCun uniform keep the fixed point: here they have LeCun normal's variance $1/n$, and the variance, not the normal shape, is what SELU needs.",
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
    d: "Input dim D",
    bn: "Bottleneck layer K (0: none)",
    bnw: "Bottleneck width M",
  },
  choices: {
    y: {
      example_weight_grad_rms: "∂L/∂W per example (rms)",
      grad_pre_std: "∂L/∂z (std)",
    },
    hist: { act: "outputs h", log_act: "log₁₀ |h|", grad: "gradients ∂L/∂z" },
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
      standard: "Standard (uniform ±1/\u2060√nᵢₙ)", // U+2060: no line break after the slash
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
    pngTitle:
      "Download the figure as a PNG image in light colours, for slides (title and parameters included)",
    pngPage: "PNG, dark",
    pngPageTitle:
      "Download the figure as a PNG image in the page's dark colours",
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
    movedTitle: "To keep this figure quick to redraw:",
    budgetMoved:
      "with {movedLabel} at {movedValue}, {label} {given} would take more than about 0.2 s to redraw, so {label} went down to {used}. Lower {movedLabel} (or the depth) and {label} can go back up.",
    budgetSelf:
      "{label} {given} at depth {depth} would take more than about 0.2 s to redraw, even with the other sizes at their smallest; {label} stopped at {used}, the most that stays quick. Lower the depth to go further.",
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
      saturatedOf: "band: {name} saturated, |φ′| < ε sup |φ′|, ε = {eps}",
      max: "max φ′ = {value} at z = {z}",
      sup: "sup |φ′| = {value}",
      supApproached: "sup |φ′| = {value}, approached as z → {z}⁻",
      caption:
        "{name} and its derivative for z from {from} to {to}; sup |φ′| = {max}.",
      formula: "Formula",
    },
    grad: {
      title: "Gradient at layer L − k per unit of the upstream gradient",
      quantityTitle: {
        example_weight_grad_rms:
          "Weight gradient ∂L/∂W at layer L − k per example, per unit of the upstream gradient",
        grad_pre_std:
          "Gradient ∂L/∂z at layer L − k per unit of the upstream gradient",
      },
      formula: {
        example_weight_grad_rms:
          "Solid, measured: $\\dfrac{{\\rm rms}\\, \\partial L_b / \\partial W^{(L-k)}}{{\\rm std}\\, \\partial L / \\partial h^{(L)}}$, one example's gradient of each weight (the lecture's $\\partial L / \\partial \\theta$) per unit of the gradient arriving at the top. Dashed, the lecture's bound: $\\dfrac{\\partial L}{\\partial \\theta^{(L-k)}} \\le \\left(\\sup|\\varphi'|\\right)^{k+1}$.",
        grad_pre_std:
          "Solid, measured: $\\dfrac{{\\rm std}\\, \\partial L / \\partial z^{(L-k)}}{{\\rm std}\\, \\partial L / \\partial h^{(L)}}$, the gradient of the pre-activations per unit of the gradient arriving at the top. Dashed, the lecture's bound: $\\dfrac{\\partial L}{\\partial \\theta^{(L-k)}} \\le \\left(\\sup|\\varphi'|\\right)^{k+1}$.",
      },
      xAxis: "k (layers below the top)",
      xAxisWeights: "k (the weights W⁽ᴸ⁻ᵏ⁾ of layer L − k)",
      yAxis: {
        example_weight_grad_rms: "rms ∂L/∂W ÷ std ∂L/∂h⁽ᴸ⁾",
        grad_pre_std: "std ∂L/∂z ÷ std ∂L/∂h⁽ᴸ⁾",
      },
      weightsAxis: "weights",
      bound: "{name} bound",
      measured: "{name} measured",
      caption: {
        example_weight_grad_rms:
          "The bound (sup|φ′|)ᵏ⁺¹ and the measured rms of the per-example weight gradient at layer L − k, per unit of the std of ∂L/∂h at the top, for sigmoid, tanh, ReLU, ELU and SELU; depth {depth}, initializer {init}.",
        grad_pre_std:
          "The bound (sup|φ′|)ᵏ⁺¹ and the measured std of ∂L/∂z at layer L − k, per unit of the std of ∂L/∂h at the top, for sigmoid, tanh, ReLU, ELU and SELU; depth {depth}, initializer {init}.",
      },
      weightsCaption:
        "Per layer, the largest |w| of the weights ({init}) and their gain √N·rms(w), against the bound's assumption 1.",
      legendBound: "dashed: bound (sup|φ′|)ᵏ⁺¹",
      legendMeasured: {
        example_weight_grad_rms:
          "solid: measured rms ∂L/∂W per example ÷ std ∂L/∂h⁽ᴸ⁾",
        grad_pre_std: "solid: measured std ∂L/∂z ÷ std ∂L/∂h⁽ᴸ⁾",
      },
      legendUnderflow: "dotted: 0 in float32 from the next k on (underflow)",
      maxAbs: "max |w|",
      gain: "gain √N·rms(w)",
      assumed: "the bound assumes ≤ 1",
    },
    prop: {
      title: "Per-layer distributions at initialization",
      layerAxis: "layer l",
      valueAxis: { act: "h", log_act: "log₁₀ |h|", grad: "log₁₀ |∂L/∂z|" },
      statsAxis: "mean, std",
      fractionAxis: "fraction",
      mean: "mean",
      std: "std",
      gradStd: "std of ∂L/∂z",
      saturated:
        "saturated values: |φ′(z)| < ε·sup|φ′|, φ′ = 0 included (ε = {eps})",
      dead: "dead units: φ′(z) = 0 for all B examples",
      count: "values per cell (colour on a log scale; bar at the right)",
      // What the "= 0" row counts: the value itself, whose logarithm the log views show.
      raw: { act: "h", log_act: "h", grad: "∂L/∂z" },
      tails: { zero: "{raw} = 0", below: "below", above: "above" },
      readout: "Layer {layer}, {quantity} {where}: {count} of {total} values",
      readoutTail: {
        zero: "exactly 0",
        below: "below {lo}",
        above: "above {hi} (or NaN)",
      },
      readoutHint:
        "Point at the heat map, or focus it (Tab) and use the arrow keys, to read a cell's count.",
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
      targetValue: "mean 0, variance 1",
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
