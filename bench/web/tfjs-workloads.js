// The benchmark's workloads written with TensorFlow.js ops: the same arithmetic as actlab's
// propagate (native/include/actlab/network.hpp, native/src/propagation.cpp) and curve(), so
// that the two can be timed side by side. `tf` is the global of the UMD bundles, which do not
// register the chained tensor methods (x.reshape()): ops are called as tf.op(x) throughout.

const LN10 = Math.LN10;
// The engine pools at most this many |delta| values to place the gradient histogram's edges.
const EDGE_SAMPLE = 65536;

// A small deterministic generator for the pooled sample's positions (the engine uses PCG32).
function positions(count, total, seed) {
  let state = (seed * 2654435761) >>> 0 || 1;
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = (state >>> 0) % total;
  }
  return out;
}

// The k-th smallest of a 1-D tensor, k = floor(q (n - 1)) as the engine's quantile() takes it.
function quantile(tf, x, q) {
  const n = x.size;
  const k = Math.floor(q * (n - 1));
  if (k < n / 2)
    return tf.neg(tf.slice(tf.topk(tf.neg(x), k + 1).values, [k], [1]));
  return tf.slice(tf.topk(x, n - k).values, [n - k - 1], [1]);
}

// One experiment, tanh + Glorot uniform, float32, all in tf ops:
//   forward   z_l = h_{l-1} W_l^T + b_l, h_l = tanh(z_l), phi'(z_l) = 1 - h_l^2
//             per layer mean/std of z and h, saturated fraction, dead units
//   backward  from dL/dh_L = G ~ N(0, 1): delta_l = dh_l * phi'(z_l), dh_{l-1} = delta_l W_l,
//             dW_l = delta_l^T h_{l-1} / B; per layer std of delta and dh, rms of dW
//   histograms of h_l (64 linear bins on tanh's range) and of log10|delta_l| (64 bins between
//             whole decades around the pooled 0.5% and 99.5% quantiles, like the engine)
// Returns the statistics read back into JS (dataSync), so a timing of it includes the work.
export function propagate(
  tf,
  { depth: L, width: N, batch: B },
  { bins: M, saturationEps },
  seed,
) {
  const tensors = tf.tidy(() => {
    const X = tf.randomNormal([B, N], 0, 1, "float32", seed);
    const W = [];
    const b = [];
    for (let l = 1; l <= L; l++) {
      const limit = Math.sqrt(6 / (N + N)); // Glorot & Bengio 2010, eq. (16): fan_in = fan_out = N
      W.push(tf.randomUniform([N, N], -limit, limit, "float32", seed + l));
      b.push(tf.zeros([N]));
    }
    const G = tf.randomNormal([B, N], 0, 1, "float32", seed + L + 1);

    const h = [X];
    const dphi = [];
    const forward = [];
    for (let l = 1; l <= L; l++) {
      const z = tf.fused.matMul({
        a: h[l - 1],
        b: W[l - 1],
        transposeB: true,
        bias: b[l - 1],
      });
      const hl = tf.tanh(z);
      const d = tf.sub(1, tf.square(hl));
      const zm = tf.moments(z);
      const hm = tf.moments(hl);
      // sup|tanh'| = 1, so the saturation threshold is eps itself.
      const saturated = tf.mean(
        tf.cast(tf.less(tf.abs(d), saturationEps), "float32"),
      );
      const dead = tf.mean(tf.cast(tf.all(tf.equal(d, 0), 0), "float32"));
      forward.push(
        tf.stack([
          zm.mean,
          tf.sqrt(zm.variance),
          hm.mean,
          tf.sqrt(hm.variance),
          saturated,
          dead,
        ]),
      );
      h.push(hl);
      dphi.push(d);
    }

    const backward = new Array(L);
    const delta = new Array(L);
    let dh = G;
    for (let l = L; l >= 1; l--) {
      const dl = tf.mul(dh, dphi[l - 1]);
      const dW = tf.mul(tf.matMul(dl, h[l - 1], true, false), 1 / B);
      const dm = tf.moments(dl);
      const hm = tf.moments(dh);
      backward[l - 1] = tf.stack([
        tf.sqrt(dm.variance),
        tf.sqrt(hm.variance),
        tf.sqrt(tf.mean(tf.square(dW))),
      ]);
      delta[l - 1] = dl;
      if (l > 1) dh = tf.matMul(dl, W[l - 1]);
    }

    // h: tanh's range [-1, 1] in M equal bins, values beyond the ends in the end bins.
    const actHist = h
      .slice(1)
      .map((hl) =>
        tf.bincount(
          tf.reshape(
            tf.cast(
              tf.clipByValue(tf.floor(tf.mul(tf.add(hl, 1), M / 2)), 0, M - 1),
              "int32",
            ),
            [-1],
          ),
          [],
          M,
        ),
      );

    // log10|delta|: edges from a pooled sample of all layers, rounded out to whole decades.
    const all = tf.abs(tf.concat(delta.map((d) => tf.reshape(d, [-1]))));
    const count = Math.min(EDGE_SAMPLE, all.size);
    const sample = tf.gather(
      all,
      tf.tensor1d(positions(count, all.size, seed), "int32"),
    );
    const [qlo, qhi] = tf
      .concat([quantile(tf, sample, 0.005), quantile(tf, sample, 0.995)])
      .dataSync();
    const lo = Math.floor(Math.log10(qlo));
    let hi = Math.ceil(Math.log10(qhi));
    if (!(hi > lo)) hi = lo + 1;
    const scale = M / (hi - lo);
    const gradHist = delta.map((dl) => {
      const t = tf.mul(tf.sub(tf.mul(tf.log(tf.abs(dl)), 1 / LN10), lo), scale);
      return tf.bincount(
        tf.reshape(
          tf.cast(tf.clipByValue(tf.floor(t), 0, M - 1), "int32"),
          [-1],
        ),
        [],
        M,
      );
    });

    return {
      forward: tf.stack(forward),
      backward: tf.stack(backward),
      actHist: tf.stack(actHist),
      gradHist: tf.stack(gradHist),
      gradEdges: tf.tensor1d([lo, hi]),
    };
  });
  const result = {};
  for (const [key, tensor] of Object.entries(tensors)) {
    result[key] = tensor.dataSync();
    tensor.dispose();
  }
  return result;
}

// The activations of actlab's catalog with their derivatives, in TensorFlow.js ops. The UMD
// core bundle registers no gradients (tf.grad needs the full @tensorflow/tfjs package), so each
// derivative is the closed form TensorFlow.js's own gradient of that op computes (Tanh_grad:
// 1 - y^2, Sigmoid_grad: y (1 - y), ...). `op` says where tf has the activation as an op and
// where it is composed (tf-core has no GELU, SiLU, Mish or softsign).
const SELU_SCALE = 1.0507009873554804934193349852946; // Klambauer et al. 2017, as tf.selu's
const SELU_ALPHA = 1.6732632423543772848170429916717;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
export const ACTIVATIONS = {
  identity: { op: "clone", f: (tf, z) => [tf.clone(z), tf.onesLike(z)] },
  sigmoid: {
    op: "sigmoid",
    f: (tf, z) => {
      const s = tf.sigmoid(z);
      return [s, tf.mul(s, tf.sub(1, s))];
    },
  },
  tanh: {
    op: "tanh",
    f: (tf, z) => {
      const t = tf.tanh(z);
      return [t, tf.sub(1, tf.square(t))];
    },
  },
  relu: { op: "relu", f: (tf, z) => [tf.relu(z), tf.step(z, 0)] },
  "leaky-relu": {
    op: "leakyRelu(0.01)",
    f: (tf, z) => [tf.leakyRelu(z, 0.01), tf.step(z, 0.01)],
  },
  elu: {
    op: "elu",
    f: (tf, z) => {
      const e = tf.elu(z);
      return [e, tf.where(tf.greater(z, 0), tf.onesLike(z), tf.add(e, 1))];
    },
  },
  selu: {
    op: "selu",
    f: (tf, z) => [
      tf.selu(z),
      tf.where(
        tf.greater(z, 0),
        tf.fill(z.shape, SELU_SCALE),
        tf.mul(tf.exp(z), SELU_SCALE * SELU_ALPHA),
      ),
    ],
  },
  gelu: {
    op: "composed: z Phi(z), Phi(z) = (1 + erf(z / sqrt 2)) / 2",
    f: (tf, z) => {
      const Phi = tf.mul(tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))), 0.5);
      const phi = tf.mul(tf.exp(tf.mul(tf.square(z), -0.5)), INV_SQRT_2PI);
      return [tf.mul(z, Phi), tf.add(Phi, tf.mul(z, phi))];
    },
  },
  silu: {
    op: "composed: z sigmoid(z)",
    f: (tf, z) => {
      const s = tf.sigmoid(z);
      return [tf.mul(z, s), tf.mul(s, tf.add(1, tf.mul(z, tf.sub(1, s))))];
    },
  },
  softplus: { op: "softplus", f: (tf, z) => [tf.softplus(z), tf.sigmoid(z)] },
  mish: {
    op: "composed: z tanh(softplus(z))",
    f: (tf, z) => {
      const t = tf.tanh(tf.softplus(z));
      return [
        tf.mul(z, t),
        tf.add(t, tf.mul(tf.mul(z, tf.sub(1, tf.square(t))), tf.sigmoid(z))),
      ];
    },
  },
  softsign: {
    op: "composed: z / (1 + |z|)",
    f: (tf, z) => {
      const denominator = tf.add(1, tf.abs(z));
      return [tf.div(z, denominator), tf.reciprocal(tf.square(denominator))];
    },
  },
};

// Value and derivative of every activation on `points` evenly spaced z, float32, read back
// into JS like actlab's curve() returns them.
export function curves(tf, { points, from, to }) {
  const out = [];
  for (const { f } of Object.values(ACTIVATIONS)) {
    const tensors = tf.tidy(() => {
      const z = tf.linspace(from, to, points);
      return [z, ...f(tf, z)];
    });
    out.push(tensors.map((t) => t.dataSync()));
    tf.dispose(tensors);
  }
  return out;
}

// T1 in tf ops, the arithmetic of actlab's training step (native/include/actlab/classifier.hpp):
// z_l = h_{l-1} W_l^T + b_l, h_l = tanh(z_l) for 8 layers of 64, one logit z, binary
// cross-entropy from it averaged over the batch of 128; backward delta = (sigma(z) - y) / B at
// the logit, delta_l = (delta_{l+1} W_{l+1}) * (1 - h_l^2), dW_l = delta_l^T h_{l-1},
// db_l = sum_b delta_l; then w <- w - lr g for every weight and bias. By hand, as the tf ops
// TF.js's own gradient functions run: the UMD bundles register no gradients, so
// tf.variableGrads is not available here. The batch is fixed (2-D points N(0, 1), labels from
// their quadrant): shuffling is no part of the arithmetic. Returns step(k), which runs k
// steps and reads the last loss back (dataSync), so that a timing includes the work.
export function trainer(tf, { depth: L, width: N, batch: B }, { lr }) {
  const X = tf.randomNormal([B, 2], 0, 1, "float32", 1);
  const y = tf.cast(tf.greater(tf.prod(X, 1, true), 0), "float32");
  const W = [],
    b = [];
  for (let l = 1; l <= L + 1; l++) {
    const fanIn = l === 1 ? 2 : N,
      fanOut = l === L + 1 ? 1 : N;
    const limit = Math.sqrt(6 / (fanIn + fanOut)); // Glorot uniform
    W.push(
      tf.variable(
        tf.randomUniform([fanOut, fanIn], -limit, limit, "float32", l),
      ),
    );
    b.push(tf.variable(tf.zeros([fanOut])));
  }
  const step = () =>
    tf.tidy(() => {
      const h = [X];
      for (let l = 0; l <= L; l++) {
        const z = tf.add(tf.matMul(h[l], W[l], false, true), b[l]);
        h.push(l < L ? tf.tanh(z) : z);
      }
      const z = h[L + 1];
      const loss = tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
      let delta = tf.div(tf.sub(tf.sigmoid(z), y), B);
      for (let l = L; l >= 0; l--) {
        const dW = tf.matMul(delta, h[l], true, false);
        const db = tf.sum(delta, 0);
        if (l > 0) {
          const dh = tf.matMul(delta, W[l]);
          delta = tf.mul(dh, tf.sub(1, tf.square(h[l])));
        }
        W[l].assign(tf.sub(W[l], tf.mul(dW, lr)));
        b[l].assign(tf.sub(b[l], tf.mul(db, lr)));
      }
      return loss;
    });
  return (k) => {
    let last = null;
    for (let s = 0; s < k; s++) {
      last?.dispose();
      last = step();
    }
    last.dataSync();
    last.dispose();
  };
}
