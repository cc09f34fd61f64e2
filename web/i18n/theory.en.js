// English strings of the edge of chaos (section 7) and of the theory's overlays on figures
// 2-5, joined into the language table by web/i18n/index.js.
export default {
  sections: {
    edge: {
      nav: "Edge of chaos",
      title: "7. The edge of chaos: the theory beside the network",
      before: [
        "Every figure so far measured one finite network. A theory predicts those numbers. At infinite width, with Gaussian weights $W_{ij} \\sim N(0, \\sigma_w^2/n)$ and biases $b_i \\sim N(0, \\sigma_b^2)$, each pre-activation is Gaussian with variance $q_l = \\sigma_w^2\\, E[\\varphi(\\sqrt{q_{l-1}}\\, z)^2] + \\sigma_b^2$ (Poole et al. 2016), and two inputs' pre-activations keep a correlation $c_l$ that follows a map of its own. Its slope at $c = 1$, $\\chi_1 = \\sigma_w^2\\, E[\\varphi'(\\sqrt{q^*}\\, z)^2]$, is also the factor by which a gradient's squared norm is multiplied per layer.",
        "$\\chi_1 < 1$ is the **ordered** phase: every two inputs become the same to the network, and gradients vanish. $\\chi_1 > 1$ is the **chaotic** phase: nearby inputs are torn apart, and gradients explode. Between them lies the line $\\chi_1 = 1$, the edge of chaos, where the correlation's depth scale $\\xi_c$ diverges. Schoenholz et al. (2017) found that random networks train only as deep as the input's information travels: in their experiments, to about $6\\,\\xi_c$ layers (a rule of thumb from those experiments, not a derived bound).",
      ],
      after: [
        "Click or drag on the diagram (or focus it and use the arrow keys) to run a network of width $N$ at that point: the solid lines are what it measures, the dashed ones the theory. The markers are the initializations of the earlier sections at this width, with zero biases: He's $\\sigma_w^2 = 2$ lies exactly on ReLU's critical point $(2, 0)$; Glorot and LeCun ($\\sigma_w^2 = 1$ when fan-in = fan-out) lie on tanh's at $\\sigma_b^2 = 0$; the standard initialization, $\\sigma_w^2 = 1/3$, lies deep in the ordered phase.",
        "The theory assumes infinite width and Gaussian weights. At width $N$ the measured $q_l$ and $c_l$ scatter about it by about $\\sqrt{2/N}$ and $(1 - c^2)/\\sqrt{N}$ per layer; for ReLU at $\\sigma_w^2 > 2$ there is no fixed point (the grey region), $q_l$ grows without bound. The colour is the correlation's depth scale $\\xi_c$ at the fixed point reached from $q_0 = 1$: two inputs' correlation approaches its fixed point $c^*$ like $e^{-l/\\xi_c}$, with $\\xi_c = -1/\\ln \\chi_1$ in the ordered phase, where $c^* = 1$, and $\\xi_c = -1/\\ln(\\sigma_w^2\\, E[\\varphi'(u_1)\\, \\varphi'(u_2)])$ at $c^* < 1$ in the chaotic one; it diverges on the line.",
      ],
    },
  },
  params: {
    w2: "σ_w² (N Var W)",
    b2: "σ_b² (Var b)",
  },
  figures: {
    edge: {
      title: "Order and chaos in the (σ_w², σ_b²) plane",
      w2Axis: "σ_w² = N Var(W)",
      b2Axis: "σ_b² = Var(b)",
      layerAxis: "layer l",
      qAxis: "qₗ = Var(z)",
      cAxis: "correlation cₗ",
      ordered: "ordered",
      chaotic: "chaotic",
      noFixedPoint: "no fixed point",
      xiBar: "ξ_c",
      measuredShort: "measured",
      theoryShort: "theory",
      line: "χ₁ = 1 (edge of chaos)",
      point: "the network run",
      measured: "measured (N = {width}, {pairs} pairs of inputs)",
      theory: "theory (infinite width, Gaussian weights)",
      colour:
        "colour: the correlation's depth scale ξ_c at the fixed point (log scale), brightest where it diverges, on the line",
      shadeNone: "grey: no fixed point, qₗ grows without bound",
      readout:
        "At $(\\sigma_w^2, \\sigma_b^2) = ({w2}, {b2})$: $\\chi_1 = {chi1}$ ({phase}), $q^* = {qStar}$, $c^* = {cStar}$, $\\xi_c = {xiC}$.",
      readoutNone:
        "At $(\\sigma_w^2, \\sigma_b^2) = ({w2}, {b2})$ the length map has no fixed point: $q_l$ grows without bound.",
      phaseOrdered: "ordered",
      phaseChaotic: "chaotic",
      phaseCritical: "critical",
      hint: "Beyond about {k} $\\xi_c$ = {limit} layers the input's information is lost, and in the experiments of Schoenholz et al. (2017) networks no longer trained; this network has L = {depth}: {verdict}.",
      hintCritical:
        "On the critical line $\\xi_c$ diverges: at infinite width the input's information reaches any depth (here L = {depth}).",
      hintNone:
        "With no fixed point the signal explodes: no depth scale, and no trainability.",
      within: "within reach",
      beyond: "beyond it",
      caption:
        "Phase diagram of {phi}: the line χ₁ = 1 between the ordered and the chaotic phase, coloured by the depth scale, with the initializations marked.",
      embedTitle:
        "Edge of chaos — {phi}, σ_w² = {w2}, σ_b² = {b2}, L = {depth}, N = {width}, seed {seed}",
    },
    theory: {
      dashed: "dotted: theory (infinite width, Gaussian weights)",
      orthogonal:
        "dotted: theory (infinite width, Gaussian weights; orthogonal weights of the same variance agree to first order)",
      gradSlope:
        "dotted: theory, Var δ_l = χ_l Var δ_{l+1} with χ_l = σ_w² E[φ′(√q_l z)²] (infinite width, Gaussian weights)",
    },
  },
};
