#include "actlab/activation_info.hpp"

#include <cmath>
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
  return visit(act.kind, [&](auto phi) { return phi.derivative_maximum(act.alpha); });
}

Range range(const Activation& act) {
  return visit(act.kind, [&](auto phi) { return phi.range(act.alpha); });
}

std::vector<double> kinks(const Activation& act) {
  return visit(act.kind,
               [](auto phi) { return std::vector<double>(phi.kinks.begin(), phi.kinks.end()); });
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
