// English strings of dynamical isometry (section 8) and of SELU's moment field (in section 5),
// joined into the language table by web/i18n/index.js.
export default {
  sections: {
    selumap: {
      title: "SELU's moment map as a vector field",
      before: [
        "**Why the lines converge.** Klambauer et al. prove it without a network: if a layer's inputs have mean $\\mu$ and variance $\\nu$, a unit's pre-activation is $z \\sim N(\\mu\\omega, \\nu\\tau)$, with $\\omega = \\sum_i w_i$ and $\\tau = \\sum_i w_i^2$ the sum and the sum of squares of its weights, and its output has mean $\\tilde\\mu = E[\\mathrm{selu}(z)]$ and variance $\\tilde\\nu = \\mathrm{Var}[\\mathrm{selu}(z)]$. The map $g: (\\mu, \\nu) \\mapsto (\\tilde\\mu, \\tilde\\nu)$ is one layer; iterating it is going deeper.",
      ],
      after: [
        "Each arrow points from a point $(\\mu, \\nu)$ towards its image $g(\\mu, \\nu)$ (shortened to the grid spacing where it is longer); the purple paths are $g$ applied again and again, 40 layers, from the edge of the plot. With zero-mean weights of variance $1/n$ (LeCun normal: $\\omega = 0$, $\\tau = 1$) every path ends at $(0, 1)$, and the spectral norm of $g$'s Jacobian there is $0.7877 < 1$: near the fixed point each layer shrinks a deviation to at most $79\\%$ of itself (Klambauer et al.'s Theorem 1). With $\\omega = 0$ the next layer's moments do not depend on $\\mu$ at all: one layer sends every point of a horizontal line to the same point. Set $\\tau = 2$, He's variance: the fixed point moves up to $\\nu^* \\approx 18$ (printed below the plot), and every path runs off the top of the plot towards it; lower $\\tau$ and it sinks instead ($\\nu^* \\approx 0.2$ at $\\tau = 0.7$). Only $\\tau = 1$ keeps it at $(0, 1)$.",
      ],
    },
    iso: {
      nav: "Dynamical isometry",
      title:
        "8. Dynamical isometry: the shape of the gradient, not only its size",
      before: [
        "A gradient reaches layer 1 through the input–output Jacobian $J = \\partial h^{(L)} / \\partial h^{(0)} = D_L W_L \\cdots D_1 W_1$, with $D_l = \\mathrm{diag}(\\varphi'(z^{(l)}))$. Sections 2–4 measured its average size; its **singular values** say more. If they all lie near $1$, every direction of the error is passed back undistorted — **dynamical isometry** (Pennington, Schoenholz & Ganguli 2017). If they spread over orders of magnitude, a few directions carry the whole gradient and the rest is lost, even when the average is right.",
        "The figure builds a real network of width $N$ and depth $L$ at one random input, multiplies out $J$ and computes its $N$ singular values $s$ in double precision. The histogram counts them on a log axis; Gaussian weights $W_{ij} \\sim N(0, \\sigma_w^2 / N)$ and orthogonal weights scaled to the same $\\sigma_w^2$ are drawn together. Below it, the mean and the variance of $\\lambda = s^2$, the eigenvalues of $J J^\\top$: dots are measured, rings are what free probability predicts for infinite width, $E\\lambda = \\prod_l \\sigma_w^2 E[\\varphi'(z^{(l)})^2]$ and $\\mathrm{Var}\\,\\lambda / (E\\lambda)^2 = \\sum_l (\\mu_2/\\mu_1^2 - 1 + s)$, $s = 1$ for Gaussian and $0$ for orthogonal weights.",
      ],
      after: [
        "Critical initialization, $\\chi_1 = \\sigma_w^2 E[\\varphi'(z)^2] = 1$, fixes only the **mean** $E\\lambda = \\chi_1^L$. The spread depends on the weights: a product of $L$ Gaussian matrices spreads its singular values even for the identity activation (choose it: orthogonal weights then give every $s = \\sigma_w^L$, one bar), while orthogonal weights add no spread of their own. With tanh near $z = 0$, where $\\varphi' \\approx 1$, and orthogonal weights, the spectrum stays concentrated around $1$ as the depth grows. ReLU cannot do this: its $\\varphi'$ is $0$ or $1$, so about half of every layer's directions are cut off (the singular values that are $0$ to double precision are counted in the legend), and what remains spreads with depth whatever the weights.",
        "The input's standard deviation $\\sigma_x$ sets the first layer's $q_1 = \\sigma_w^2 \\sigma_x^2 + \\sigma_b^2$: Pennington et al. start at the fixed point, $q_1 = q^*$, where the mean-field values printed below hold at every layer. The CSV holds the singular values and moments of actlab jacobian --format csv for each kind of weights.",
      ],
    },
  },
  params: {
    weights: "Weights",
    sw2: "Weight variance σ_w²",
    sb2: "Bias variance σ_b²",
    omega: "ω = Σ w",
    tau: "τ = Σ w²",
  },
  choices: {
    weights: {
      both: "Gaussian and orthogonal",
      gaussian: "Gaussian",
      orthogonal: "orthogonal",
    },
  },
  presets: {
    isoTanh: {
      label: "tanh near the critical line",
      claim:
        "tanh at (σ_w², σ_b²) = (1.086, 10⁻⁴), on the critical line, with the first layer near q* (σₓ = 0.21), 32 layers: nine in ten of the orthogonal network's 128 singular values lie between 0.4 and 1.6, around a median near 1, while the Gaussian network's spread over more than ten decades.",
    },
    isoRelu: {
      label: "ReLU at He's σ_w² = 2",
      claim:
        "the mean of λ is about 1 for both, yet at 32 layers at least a third of the singular values are 0 and the rest spread over more than three decades, with orthogonal weights as with Gaussian ones: no dynamical isometry.",
    },
  },
  figures: {
    iso: {
      title: "Singular values of the input–output Jacobian",
      weights: { gaussian: "Gaussian", orthogonal: "orthogonal" },
      sAxis: "singular value s of J",
      countAxis: "count",
      binFrom: "s from",
      lambdaAxis: "λ = s²",
      meanRow: "mean λ",
      varRow: "var λ",
      runLine:
        "**{weights}:** mean of $\\lambda$ {mean} (theory {meanTheory}), variance {variance} (theory {varianceTheory}); {zeros} of {width} singular values are $0$ to double precision.",
      fixedLine:
        "Mean field at $(\\sigma_w^2, \\sigma_b^2)$: $\\chi_1$ = {chi1}, $q^*$ = {q}; with the first layer at the fixed point, $\\sigma_x^2 = (q^* - \\sigma_b^2)/\\sigma_w^2$, the predicted mean is $E\\lambda = \\chi_1^L$.",
      noFixedPoint:
        "Mean field at $(\\sigma_w^2, \\sigma_b^2)$: no finite fixed point $q^*$ (the signal grows without bound).",
      legendRun: "{weights} ({zeros} of {width} are 0)",
      legendMeasured: "measured",
      legendPredicted: "predicted (infinite width)",
      caption:
        "Histogram of the singular values of the input–output Jacobian of a {depth}-layer {phi} network of width {width}, with the mean and variance of their squares, measured and predicted.",
      momentsCaption:
        "Mean and variance of λ = s², measured (dots) and predicted (rings), on a log axis.",
      embedTitle:
        "Singular values of J — {phi}, {weights}, σ_w² = {sw2}, σ_b² = {sb2}, σₓ = {sx}, L = {depth}, N = {width}, seed {seed}",
    },
    selumap: {
      title: "SELU's moment map (μ, ν) ↦ (μ̃, ν̃)",
      muAxis: "mean μ",
      nuAxis: "variance ν",
      fixed:
        "Fixed point $(\\mu^*, \\nu^*) = ({mu}, {nu})$; Jacobian of $g$ there $\\begin{pmatrix} {a} & {b} \\\\ {c} & {d} \\end{pmatrix}$, spectral norm ${norm}$.",
      noFixed:
        "No fixed point: iterated from $(0, 1)$, the variance grows without bound.",
      legendArrows: "(μ, ν) → g(μ, ν)",
      legendPaths: "{steps} layers from the edge",
      legendTarget: "(0, 1)",
      legendFixed: "fixed point of g",
      caption:
        "Vector field of SELU's moment map for ω = {omega}, τ = {tau}, with trajectories and the fixed point.",
      embedTitle: "SELU's moment map — ω = {omega}, τ = {tau}",
    },
  },
};
