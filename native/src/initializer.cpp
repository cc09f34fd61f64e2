#include "actlab/initializer.hpp"

#include <cmath>

#include "actlab/message_text.hpp"

namespace actlab {

namespace {

const std::vector<InitializerInfo> kCatalog = {
    // Glorot & Bengio 2010, "Understanding the difficulty of training deep feedforward neural
    // networks", eq. (1): the heuristic then in common use; Var W = 1 / (3 n_in).
    {InitKind::standard, "standard", "Standard (uniform 1/sqrt(n_in))",
     R"(W_{ij} \sim U\!\left[-\frac{1}{\sqrt{n_{\mathrm{in}}}},\ \frac{1}{\sqrt{n_{\mathrm{in}}}}\right])",
     "Glorot & Bengio 2010, eq. (1)", false, false},
    // Glorot & Bengio 2010, eq. (16), "normalized initialization": Var W = 2 / (n_in + n_out).
    {InitKind::glorot_uniform, "glorot-uniform", "Glorot (Xavier) uniform",
     R"(W_{ij} \sim U\!\left[-\sqrt{\frac{6}{n_{\mathrm{in}} + n_{\mathrm{out}}}},\ \sqrt{\frac{6}{n_{\mathrm{in}} + n_{\mathrm{out}}}}\right])",
     "Glorot & Bengio 2010, eq. (16)", false, false},
    {InitKind::glorot_normal, "glorot-normal", "Glorot (Xavier) normal",
     R"(W_{ij} \sim N\left(0,\ \frac{2}{n_{\mathrm{in}} + n_{\mathrm{out}}}\right))",
     "Glorot & Bengio 2010, eq. (12) and (16)", false, false},
    // He et al. 2015, "Delving Deep into Rectifiers", eq. (10): Var W = 2 / n_in keeps the
    // variance of a ReLU network's pre-activations constant with depth.
    {InitKind::he_uniform, "he-uniform", "He (Kaiming) uniform",
     R"(W_{ij} \sim U\!\left[-\sqrt{\frac{6}{n_{\mathrm{in}}}},\ \sqrt{\frac{6}{n_{\mathrm{in}}}}\right])",
     "He et al. 2015, eq. (10)", false, false},
    {InitKind::he_normal, "he-normal", "He (Kaiming) normal",
     R"(W_{ij} \sim N\left(0,\ \frac{2}{n_{\mathrm{in}}}\right))", "He et al. 2015, eq. (10)",
     false, false},
    // LeCun et al. 1998, "Efficient BackProp", section 4.6: Var W = 1 / n_in; the
    // initialization SELU's fixed point assumes (Klambauer et al. 2017).
    {InitKind::lecun_uniform, "lecun-uniform", "LeCun uniform",
     R"(W_{ij} \sim U\!\left[-\sqrt{\frac{3}{n_{\mathrm{in}}}},\ \sqrt{\frac{3}{n_{\mathrm{in}}}}\right])",
     "LeCun et al. 1998, section 4.6", false, false},
    {InitKind::lecun_normal, "lecun-normal", "LeCun normal",
     R"(W_{ij} \sim N\left(0,\ \frac{1}{n_{\mathrm{in}}}\right))",
     "LeCun et al. 1998, section 4.6; Klambauer et al. 2017", false, false},
    {InitKind::normal, "normal", "Normal (fixed standard deviation)",
     R"(W_{ij} \sim N\left(0,\ s^{2}\right))", "", true, false},
    // Saxe, McClelland & Ganguli 2014, "Exact solutions to the nonlinear dynamics of learning
    // in deep linear neural networks"; Q Haar-distributed as in Mezzadri 2007.
    {InitKind::orthogonal, "orthogonal", "Orthogonal",
     R"(W = g\,Q,\quad Q Q^{\top} = I \text{ if } n_{\mathrm{out}} \le n_{\mathrm{in}},\ Q^{\top} Q = I \text{ otherwise})",
     "Saxe et al. 2014; Mezzadri 2007", false, true},
};

std::string scale_range() {
  return "a number in (0, " + number_text(kMaxInitScale) + "]";
}

bool valid_scale(double x) {
  return x > 0 && x <= kMaxInitScale;
}

double uniform_limit(InitKind kind, double fan_in, double fan_out) {
  switch (kind) {
    case InitKind::standard:
      return 1 / std::sqrt(fan_in);
    case InitKind::glorot_uniform:
      return std::sqrt(6 / (fan_in + fan_out));
    case InitKind::he_uniform:
      return std::sqrt(6 / fan_in);
    case InitKind::lecun_uniform:
      return std::sqrt(3 / fan_in);
    default:
      return 0;
  }
}

double normal_std(const Initializer& init, double fan_in, double fan_out) {
  switch (init.kind) {
    case InitKind::glorot_normal:
      return std::sqrt(2 / (fan_in + fan_out));
    case InitKind::he_normal:
      return std::sqrt(2 / fan_in);
    case InitKind::lecun_normal:
      return std::sqrt(1 / fan_in);
    case InitKind::normal:
      return init.std;
    default:
      return 0;
  }
}

bool is_uniform(InitKind kind) {
  return kind == InitKind::standard || kind == InitKind::glorot_uniform ||
         kind == InitKind::he_uniform || kind == InitKind::lecun_uniform;
}

// a . b with four partial sums in a fixed order: faster than one chain, and the same bits
// on every target (a compiler may map the four sums onto SIMD lanes, never reorder them).
double dot(const double* a, const double* b, std::size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < n; ++i) s0 += a[i] * b[i];
  return (s0 + s1) + (s2 + s3);
}

// x -= tau (v . x) v for the reflector v = [1, v_1, ..., v_{n-1}] (v_0 = 1 not stored).
void reflect(const double* v, double tau, double* x, std::size_t n) {
  const double tw = tau * (x[0] + dot(v + 1, x + 1, n - 1));
  x[0] -= tw;
  for (std::size_t i = 1; i < n; ++i) x[i] -= tw * v[i];
}

// The thin Q [m x n] of a column-major m x n matrix a (m >= n), in place, with the columns
// signed so that R's diagonal is positive: then Q is Haar-distributed when a is Gaussian
// (Mezzadri 2007, "How to generate random matrices from the classical compact groups").
// Householder QR and LAPACK's dorg2r written out in scalar loops rather than Eigen's
// HouseholderQR, whose blocked products sum in an order that depends on the SIMD target:
// here the orthogonal weights are the same bits natively and in WebAssembly.
// scratch: 2n doubles (the reflectors' tau and the signs of R's diagonal).
void orthonormal_columns(double* a, std::size_t m, std::size_t n, double* scratch) {
  double* tau = scratch;
  double* sign = scratch + n;
  for (std::size_t j = 0; j < n; ++j) {
    double* x = a + j * m + j;  // a[j:m, j]
    const std::size_t len = m - j;
    const double alpha = x[0];
    const double tail = dot(x + 1, x + 1, len - 1);
    tau[j] = 0;
    sign[j] = alpha < 0 ? -1 : 1;
    if (tail == 0) continue;  // already e_1 times alpha: H_j = I
    // dlarfg: H_j x = beta e_1 with beta = -sign(alpha) |x|, v = x / (alpha - beta).
    const double beta = -std::copysign(std::sqrt(alpha * alpha + tail), alpha);
    tau[j] = (beta - alpha) / beta;
    sign[j] = beta < 0 ? -1 : 1;
    const double scale = 1 / (alpha - beta);
    for (std::size_t i = 1; i < len; ++i) x[i] *= scale;
    for (std::size_t k = j + 1; k < n; ++k) reflect(x, tau[j], a + k * m + j, len);
  }
  // Q = H_0 H_1 ... H_{n-1} [I_n; 0], accumulated from the last reflector back (dorg2r).
  for (std::size_t j = n; j-- > 0;) {
    double* v = a + j * m + j;
    for (std::size_t k = j + 1; k < n; ++k) reflect(v, tau[j], a + k * m + j, m - j);
    for (std::size_t i = 1; i < m - j; ++i) v[i] *= -tau[j];
    v[0] = 1 - tau[j];
    for (std::size_t i = 0; i < j; ++i) a[j * m + i] = 0;
  }
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t i = 0; i < m; ++i) a[j * m + i] *= sign[j];
  }
}

template <class T>
void draw_orthogonal(double gain, std::size_t fan_in, std::size_t fan_out, Rng& rng, T* w,
                     double* scratch) {
  const std::size_t m = fan_in > fan_out ? fan_in : fan_out;
  const std::size_t n = fan_in > fan_out ? fan_out : fan_in;
  double* q = scratch;  // column-major m x n, drawn column after column
  rng.normal(q, m * n);
  orthonormal_columns(q, m, n, scratch + m * n);
  for (std::size_t r = 0; r < fan_out; ++r) {
    for (std::size_t c = 0; c < fan_in; ++c) {
      // fan_out >= fan_in: W = g Q (orthonormal columns); otherwise W = g Q^T (rows).
      const double q_rc = fan_out >= fan_in ? q[c * m + r] : q[r * m + c];
      w[r * fan_in + c] = static_cast<T>(gain * q_rc);
    }
  }
}

}  // namespace

const std::vector<InitializerInfo>& initializer_catalog() {
  return kCatalog;
}

const InitializerInfo& info(InitKind kind) {
  for (const InitializerInfo& entry : kCatalog) {
    if (entry.kind == kind) return entry;
  }
  return kCatalog.front();
}

std::string initializer_ids() {
  std::string ids;
  for (const InitializerInfo& entry : kCatalog) ids += (ids.empty() ? "" : ", ") + entry.id;
  return ids;
}

Expected<Initializer> make_initializer(const std::string& id, double init_std, double gain) {
  using Result = Expected<Initializer>;
  if (id.empty()) return Result::failure("--init: required; valid: " + initializer_ids());
  for (const InitializerInfo& entry : kCatalog) {
    if (entry.id != id) continue;
    Initializer init{entry.kind, 0, kDefaultGain};
    if (!std::isnan(init_std) && !entry.needs_std) {
      return Result::failure("--init-std: only --init normal takes a standard deviation, not " +
                             id);
    }
    if (!std::isnan(gain) && !entry.needs_gain) {
      return Result::failure("--gain: only --init orthogonal takes a gain, not " + id);
    }
    if (entry.needs_std) {
      if (std::isnan(init_std)) {
        return Result::failure("--init-std: required with --init normal; " + scale_range());
      }
      if (!valid_scale(init_std)) {
        return Result::failure("--init-std: must be " + scale_range() + ", got " +
                               number_text(init_std));
      }
      init.std = init_std;
    }
    if (entry.needs_gain && !std::isnan(gain)) {
      if (!valid_scale(gain)) {
        return Result::failure("--gain: must be " + scale_range() + ", got " + number_text(gain));
      }
      init.gain = gain;
    }
    return init;
  }
  return Result::failure("--init: unknown initializer " + quoted_text(id) +
                         "; valid: " + initializer_ids());
}

double weight_variance(const Initializer& init, int fan_in, int fan_out) {
  if (init.kind == InitKind::orthogonal) {
    return init.gain * init.gain / (fan_in > fan_out ? fan_in : fan_out);
  }
  if (is_uniform(init.kind)) {
    const double a = uniform_limit(init.kind, fan_in, fan_out);
    return a * a / 3;  // U(-a, a)
  }
  const double s = normal_std(init, fan_in, fan_out);
  return s * s;
}

std::size_t weight_scratch_size(const Initializer& init, int fan_in, int fan_out) {
  if (init.kind != InitKind::orthogonal) return 0;
  const auto m = static_cast<std::size_t>(fan_in > fan_out ? fan_in : fan_out);
  const auto n = static_cast<std::size_t>(fan_in > fan_out ? fan_out : fan_in);
  return m * n + 2 * n;
}

template <class T>
void draw_weights(const Initializer& init, int fan_in, int fan_out, Rng& rng, T* w,
                  double* scratch) {
  const auto count = static_cast<std::size_t>(fan_in) * static_cast<std::size_t>(fan_out);
  if (init.kind == InitKind::orthogonal) {
    draw_orthogonal(init.gain, fan_in, fan_out, rng, w, scratch);
  } else if (is_uniform(init.kind)) {
    const double a = uniform_limit(init.kind, fan_in, fan_out);
    for (std::size_t i = 0; i < count; ++i) w[i] = static_cast<T>(a * rng.symmetric_uniform());
  } else {
    const double s = normal_std(init, fan_in, fan_out);
    draw_normals(rng, s, w, count);
  }
}

template void draw_weights<float>(const Initializer&, int, int, Rng&, float*, double*);
template void draw_weights<double>(const Initializer&, int, int, Rng&, double*, double*);

}  // namespace actlab
