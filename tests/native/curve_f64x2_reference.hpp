#pragma once
// The two-lane double path (native/src/portable_math_f64x2.hpp, curve_f64x2.cpp) against the
// scalar one, bit for bit: the five functions at every branch edge of their fdlibm ports and on
// random doubles, and every activation's value and derivative on wide grids and at the edges.
// Shared by tests/native/curve_f64x2_test.cpp (SSE2) and tests/wasm/curve_check.cpp (f64x2).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"
#include "actlab/portable_math.hpp"
#include "portable_math_f64x2.hpp"

namespace actlab::test {

inline std::uint64_t bits_of(double x) {
  std::uint64_t u;
  std::memcpy(&u, &x, sizeof u);
  return u;
}

inline double double_of(std::uint64_t u) {
  double x;
  std::memcpy(&x, &u, sizeof x);
  return x;
}

inline std::string describe(const std::string& what, double x, double expected, double got) {
  char text[200];
  std::snprintf(text, sizeof text, "%s at %.17g (0x%016llx): scalar %.17g, two-lane %.17g",
                what.c_str(), x, static_cast<unsigned long long>(bits_of(x)), expected, got);
  return text;
}

// Where the scalar ports branch: the high words they compare |x| with (portable_math.cpp),
// each with the doubles a few ulps around its first and last bit pattern; the multiples
// (k + 1/2) ln2 where the reductions' k changes, up to 1024 ln2 (exp's last scaling) and the
// overflow and underflow thresholds; and +-0, subnormals, +-1, +-inf, NaN; all of them with
// both signs.
inline std::vector<double> edge_arguments() {
  const std::uint32_t high_words[] = {
      0x00100000, 0x3c700000, 0x3c900000, 0x3ca00000, 0x3e300000, 0x3fd00000, 0x3fd058ae,
      0x3fd2bec4, 0x3fd62e42, 0x3fda827a, 0x3fe193ea, 0x3feb0000, 0x3ff00000, 0x3ff0a2b2,
      0x3ff40000, 0x4006db6d, 0x40340000, 0x403c0000, 0x4043687a, 0x40862e42, 0x7fefffff};
  std::vector<double> x;
  for (const std::uint32_t h : high_words) {
    for (const std::uint64_t edge : {std::uint64_t{h} << 32, std::uint64_t{h} << 32 | 0xffffffff}) {
      for (int d = -3; d <= 3; ++d) x.push_back(double_of(edge + d));
    }
  }
  constexpr double kLn2 = 0.69314718055994530942;
  for (int k = -1080; k <= 1025; ++k) {
    const double m = (k + 0.5) * kLn2;
    x.push_back(m);
    x.push_back(std::nextafter(m, 0.0));
    x.push_back(std::nextafter(m, 2 * m));
  }
  for (const double t : {7.09782712893383973096e+02, -7.45133219101941108420e+02, 709.0895657128241,
                         -1.0, 28.0, 20.0, 1.0 / 0.35}) {
    double y = t;
    for (int i = 0; i < 4; ++i) y = std::nextafter(y, -1e300);
    for (int i = 0; i < 9; ++i, y = std::nextafter(y, 1e300)) x.push_back(y);
  }
  const double inf = std::numeric_limits<double>::infinity();
  for (const double v :
       {0.0, 4.9406564584124654e-324, 1e-310, 2.2250738585072009e-308, 2.2250738585072014e-308,
        1e-300, 1e-20, 0.25, 0.5, 1.0, 2.0, 1e4, 1e300, std::numeric_limits<double>::max(), inf,
        std::numeric_limits<double>::quiet_NaN()}) {
    x.push_back(v);
  }
  const std::size_t n = x.size();
  for (std::size_t i = 0; i < n; ++i) x.push_back(-x[i]);
  return x;
}

// n doubles of random bit patterns (every sign, exponent and mantissa) and n uniform on
// [-50, 50], from a fixed 64-bit LCG (Knuth's MMIX constants).
inline std::vector<double> random_arguments(std::size_t n) {
  std::uint64_t state = 1;
  const auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state;
  };
  std::vector<double> x;
  for (std::size_t i = 0; i < n; ++i) x.push_back(double_of(next()));
  for (std::size_t i = 0; i < n; ++i) x.push_back(-50.0 + 100.0 * (next() >> 11) * 0x1p-53);
  return x;
}

struct Comparison {
  std::size_t cases = 0;
  std::vector<std::string> mismatches;  // the first few

  // what(): the case's name, built only for a mismatch.
  template <class What>
  void check(const What& what, double x, double expected, double got) {
    ++cases;
    if (bits_of(expected) != bits_of(got) && mismatches.size() < 20) {
      mismatches.push_back(describe(what(), x, expected, got));
    }
  }
};

#if defined(ACTLAB_F64X2)

// Each function on x two at a time, each x once beside its successor and once beside another
// (the reversed order), so that the lanes hold different branches.
template <class Scalar, class Lanes>
void compare_function(const char* name, Scalar scalar, Lanes lanes, const std::vector<double>& x,
                      Comparison& out) {
  const std::size_t n = x.size() - x.size() % 2;
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t i = 0; i < n; i += 2) {
      const double in[2] = {x[pass ? n - 1 - i : i], x[pass ? i : i + 1]};
      double got[2];
      f64x2::store(got, lanes(f64x2::load(in)));
      for (int lane = 0; lane < 2; ++lane) {
        out.check([name] { return std::string(name); }, in[lane], scalar(in[lane]), got[lane]);
      }
    }
  }
}

inline Comparison compare_portable_math() {
  std::vector<double> x = edge_arguments();
  const std::vector<double> r = random_arguments(20000);
  x.insert(x.end(), r.begin(), r.end());
  Comparison out;
  namespace lanes = portable::f64x2;
  compare_function(
      "exp", [](double v) { return portable::exp(v); }, lanes::exp, x, out);
  compare_function(
      "expm1", [](double v) { return portable::expm1(v); }, lanes::expm1, x, out);
  compare_function(
      "log1p", [](double v) { return portable::log1p(v); }, lanes::log1p, x, out);
  compare_function(
      "erfc", [](double v) { return portable::erfc(v); }, lanes::erfc, x, out);
  compare_function(
      "tanh", [](double v) { return portable::tanh(v); }, lanes::tanh, x, out);
  return out;
}

#endif

// The z of the curve comparison: grids over the whole accepted range [-1e4, 1e4], over
// [-40, 40] and about 0; the edge arguments within |z| <= 1e4 and their images under what the
// forms pass to the math (2z, -z/sqrt 2, -z), so that every branch edge is reached; and the
// kinks: +-0, subnormals and the doubles next to 0.
inline std::vector<double> curve_arguments() {
  std::vector<double> z;
  for (const CurveGrid& grid :
       {CurveGrid{-1e4, 1e4, 100001}, CurveGrid{-40, 40, 80001}, CurveGrid{-1e-3, 1e-3, 2001}}) {
    const Curve c = sample_curve(Activation{ActivationKind::identity, 0}, grid);
    z.insert(z.end(), c.z.begin(), c.z.end());
  }
  for (const double x : edge_arguments()) {
    for (const double y : {x, 0.5 * x, -x * 1.4142135623730951, 2.0 * x}) {
      if (std::fabs(y) <= kMaxCurveAbsZ) z.push_back(y);
    }
  }
  for (const double v : {0.0, -0.0, 4.9406564584124654e-324, -4.9406564584124654e-324, 1e-310,
                         -1e-310, kMaxCurveAbsZ, -kMaxCurveAbsZ}) {
    z.push_back(v);
  }
  return z;
}

// Every activation of the catalog, at its default alpha, the catalog's limits and the extremes
// of a double (tiny and huge alpha), through evaluate_curve against value() and derivative().
inline Comparison compare_curves() {
  const std::vector<double> z = curve_arguments();
  const std::vector<double> reversed(z.rbegin(), z.rend());
  std::vector<double> h(z.size()), dphi(z.size());
  Comparison out;
  for (const ActivationInfo& entry : activation_catalog()) {
    std::vector<double> alphas = {0.0};
    if (entry.alpha) {
      alphas = {entry.alpha->default_value, entry.alpha->min, entry.alpha->max, 1e-300, 1e300,
                4.9406564584124654e-324};
    }
    for (const double alpha : alphas) {
      const Activation act{entry.kind, alpha};
      for (const std::vector<double>* input : {&z, &reversed}) {
        evaluate_curve(act, input->data(), h.data(), dphi.data(), input->size());
        for (std::size_t i = 0; i < input->size(); ++i) {
          const double x = (*input)[i];
          const auto what = [&](const char* part) {
            return [&entry, alpha, part] {
              return entry.id + " (alpha " + std::to_string(alpha) + ") " + part;
            };
          };
          out.check(what("value"), x, act.value(x), h[i]);
          out.check(what("derivative"), x, act.derivative(x), dphi[i]);
        }
      }
    }
  }
  return out;
}

}  // namespace actlab::test
