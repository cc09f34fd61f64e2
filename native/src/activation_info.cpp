#include "actlab/activation_info.hpp"

#include <cmath>
#include <functional>
#include <limits>

namespace actlab {

namespace {

using phi::kSeluAlpha;
using phi::kSeluLambda;

const std::vector<ActivationInfo> kCatalog = {
    {ActivationKind::identity, "identity", "Identity", R"(\varphi(z) = z)", R"(\varphi'(z) = 1)",
     std::nullopt},
    {ActivationKind::sigmoid, "sigmoid", "Sigmoid", R"(\sigma(z) = \frac{1}{1 + e^{-z}})",
     R"(\sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr))", std::nullopt},
    {ActivationKind::tanh, "tanh", "tanh",
     R"(\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1)",
     R"(\tanh'(z) = 1 - \tanh^2(z) = 4\sigma(2z)\,\bigl(1 - \sigma(2z)\bigr))", std::nullopt},
    {ActivationKind::relu, "relu", "ReLU", R"(\operatorname{ReLU}(z) = \max(0, z))",
     R"(\operatorname{ReLU}'(z) = \begin{cases} 1, & z \ge 0 \\ 0, & z < 0 \end{cases})",
     std::nullopt},
    {ActivationKind::leaky_relu, "leaky-relu", "Leaky ReLU",
     R"(\varphi(z) = \begin{cases} z, & z \ge 0 \\ \alpha z, & z < 0 \end{cases})",
     R"(\varphi'(z) = \begin{cases} 1, & z \ge 0 \\ \alpha, & z < 0 \end{cases})",
     AlphaSpec{0.01, 0.0, 1.0}},
    {ActivationKind::elu, "elu", "ELU",
     R"(\operatorname{ELU}(z) = \begin{cases} z, & z \ge 0 \\ \alpha\,(e^{z} - 1), & z < 0 \end{cases})",
     R"(\operatorname{ELU}'(z) = \begin{cases} 1, & z \ge 0 \\ \alpha e^{z}, & z < 0 \end{cases})",
     AlphaSpec{1.0, 0.01, 10.0}},
    {ActivationKind::selu,
     "selu",
     "SELU",
     R"(\operatorname{SELU}(z) = \lambda \begin{cases} z, & z \ge 0 \\ \alpha\,(e^{z} - 1), & z < 0 \end{cases})",
     R"(\operatorname{SELU}'(z) = \lambda \begin{cases} 1, & z \ge 0 \\ \alpha e^{z}, & z < 0 \end{cases})",
     std::nullopt,
     {{"lambda", kSeluLambda}, {"alpha", kSeluAlpha}}},  // Klambauer et al. 2017, eq. (14)
    {ActivationKind::gelu, "gelu", "GELU", R"(\operatorname{GELU}(z) = z\,\Phi(z))",
     R"(\operatorname{GELU}'(z) = \Phi(z) + z\,\phi(z))", std::nullopt},
    {ActivationKind::silu, "silu", "SiLU (swish)", R"(\operatorname{SiLU}(z) = z\,\sigma(z))",
     R"(\operatorname{SiLU}'(z) = \sigma(z)\,\bigl(1 + z\,(1 - \sigma(z))\bigr))", std::nullopt},
    {ActivationKind::softplus, "softplus", "Softplus",
     R"(\operatorname{softplus}(z) = \ln\bigl(1 + e^{z}\bigr))",
     R"(\operatorname{softplus}'(z) = \sigma(z))", std::nullopt},
    {ActivationKind::mish, "mish", "Mish",
     R"(\operatorname{Mish}(z) = z \tanh\bigl(\operatorname{softplus}(z)\bigr))",
     R"(\operatorname{Mish}'(z) = \tanh(s) + z\,\sigma(z)\,\operatorname{sech}^2(s),\; s = \operatorname{softplus}(z))",
     std::nullopt},
    {ActivationKind::softsign, "softsign", "Softsign",
     R"(\operatorname{softsign}(z) = \frac{z}{1 + |z|})",
     R"(\operatorname{softsign}'(z) = \frac{1}{(1 + |z|)^2})", std::nullopt},
};

// Golden-section search for the maximum of a unimodal f on [lo, hi], to double precision.
double golden_argmax(const std::function<double(double)>& f, double lo, double hi) {
  const double inv_phi = 0.61803398874989484820;
  double a = lo, b = hi;
  double c = b - inv_phi * (b - a), d = a + inv_phi * (b - a);
  double fc = f(c), fd = f(d);
  for (int i = 0; i < 200 && b - a > 1e-15 * (1 + std::fabs(a)); ++i) {
    if (fc > fd) {
      b = d, d = c, fd = fc;
      c = b - inv_phi * (b - a), fc = f(c);
    } else {
      a = c, c = d, fc = fd;
      d = a + inv_phi * (b - a), fd = f(d);
    }
  }
  return 0.5 * (a + b);
}

DerivativeMaximum interior_maximum(const Activation& act, double lo, double hi) {
  const double z = golden_argmax([&](double x) { return act.derivative(x); }, lo, hi);
  return {act.derivative(z), z, true};
}

// The minimum of phi for the smooth self-gated functions, which dip below 0 once.
double interior_minimum(const Activation& act) {
  const double z = golden_argmax([&](double x) { return -act.value(x); }, -4.0, 0.0);
  return act.value(z);
}

}  // namespace

const std::vector<ActivationInfo>& activation_catalog() {
  return kCatalog;
}

const ActivationInfo& info(ActivationKind kind) {
  for (const ActivationInfo& entry : kCatalog) {
    if (entry.kind == kind) return entry;
  }
  return kCatalog.front();
}

std::string activation_ids() {
  std::string ids;
  for (const ActivationInfo& entry : kCatalog) ids += (ids.empty() ? "" : ", ") + entry.id;
  return ids;
}

DerivativeMaximum derivative_maximum(const Activation& act) {
  switch (act.kind) {
    case ActivationKind::sigmoid:
      return {0.25, 0.0, true};
    case ActivationKind::tanh:
    case ActivationKind::softsign:
      return {1.0, 0.0, true};
    case ActivationKind::identity:
    case ActivationKind::relu:
      return {1.0, std::nullopt, true};
    case ActivationKind::leaky_relu:
      return {1.0, std::nullopt, true};  // alpha <= 1
    case ActivationKind::elu:
      if (act.alpha > 1) return {act.alpha, 0.0, false};  // alpha e^z as z -> 0-
      return {1.0, std::nullopt, true};
    case ActivationKind::selu:
      return {kSeluLambda * kSeluAlpha, 0.0, false};
    case ActivationKind::softplus:
      return {1.0, std::nullopt, false};  // sigma(z) as z -> inf
    case ActivationKind::gelu:
      return interior_maximum(act, 0.0, 4.0);
    case ActivationKind::silu:
      return interior_maximum(act, 0.0, 5.0);
    case ActivationKind::mish:
      return interior_maximum(act, 0.0, 4.0);
  }
  return {1.0, std::nullopt, true};
}

Range range(const Activation& act) {
  switch (act.kind) {
    case ActivationKind::identity:
      return {std::nullopt, std::nullopt};
    case ActivationKind::sigmoid:
      return {0.0, 1.0};
    case ActivationKind::tanh:
    case ActivationKind::softsign:
      return {-1.0, 1.0};
    case ActivationKind::relu:
      return {0.0, std::nullopt};
    case ActivationKind::leaky_relu:
      if (act.alpha > 0) return {std::nullopt, std::nullopt};
      return {0.0, std::nullopt};
    case ActivationKind::elu:
      return {-act.alpha, std::nullopt};
    case ActivationKind::selu:
      return {-kSeluLambda * kSeluAlpha, std::nullopt};
    case ActivationKind::softplus:
      return {0.0, std::nullopt};
    case ActivationKind::gelu:
    case ActivationKind::silu:
    case ActivationKind::mish:
      return {interior_minimum(act), std::nullopt};
  }
  return {std::nullopt, std::nullopt};
}

std::vector<Interval> saturation_regions(const Activation& act, double eps, double from,
                                         double to) {
  const double threshold = eps * derivative_maximum(act).value;
  const auto saturated = [&](double z) { return std::fabs(act.derivative(z)) < threshold; };
  // The boundary between a and b (saturated(a) != saturated(b)), to 1e-12.
  const auto boundary = [&](double a, double b) {
    const bool sa = saturated(a);
    while (std::fabs(b - a) > 1e-12 * (1 + std::fabs(a))) {
      const double m = 0.5 * (a + b);
      (saturated(m) == sa ? a : b) = m;
    }
    return saturated(a) ? a : b;
  };
  const int steps = 4096;
  std::vector<Interval> regions;
  double prev = from;
  bool prev_saturated = saturated(from);
  double start = from;
  for (int i = 1; i <= steps; ++i) {
    const double z = i == steps ? to : from + (to - from) * i / steps;
    const bool s = saturated(z);
    if (s && !prev_saturated) start = boundary(z, prev);
    if (!s && prev_saturated) regions.push_back({start, boundary(prev, z)});
    prev = z, prev_saturated = s;
  }
  if (prev_saturated) regions.push_back({start, to});
  return regions;
}

}  // namespace actlab
