// Backprop against central finite differences of the defined loss L = (1/B) sum G .* h_L, for
// every activation, on small networks in double (the same template the engine runs in float);
// and the buffers: counted before allocation, allocated once.
#include "actlab/network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/initializer.hpp"
#include "reference.hpp"

namespace actlab {
namespace {

using Mat = Matrix<double>;

// A network's parameters and inputs, copied out so the reference can perturb them.
struct Params {
  std::vector<Mat> w, b;
  Mat x, g;
};

Params random_params(Network<double>& net, std::uint64_t seed) {
  const Shape& s = net.shape();
  Rng rng(seed, 1);
  const Initializer init = make_initializer("glorot-normal", std::nan(""), std::nan("")).value();
  for (int l = 1; l <= s.depth; ++l) {
    draw_weights(init, s.fan_in(l), s.width, rng, net.weight(l).data(), nullptr);
    for (Eigen::Index j = 0; j < s.width; ++j) net.bias(l)(0, j) = 0.3 * rng.normal();
  }
  for (Eigen::Index i = 0; i < net.input().size(); ++i) net.input().data()[i] = rng.normal();
  for (Eigen::Index i = 0; i < net.upstream().size(); ++i) net.upstream().data()[i] = rng.normal();
  Params p{{}, {}, net.input(), net.upstream()};
  for (int l = 1; l <= s.depth; ++l) p.w.emplace_back(net.weight(l)), p.b.emplace_back(net.bias(l));
  return p;
}

// Where to add eps in the reference forward pass: z_l or h_l at (row, col), or nowhere.
struct Nudge {
  enum What { none, z, h } what = none;
  int layer = 0, row = 0, col = 0;
  double eps = 0;
};

// The model of network.hpp in plain loops, independent of Eigen's products.
double reference_loss(const Activation& act, const Params& p, const Nudge& nudge,
                      double* min_abs_z = nullptr) {
  Mat h = p.x;
  const int depth = static_cast<int>(p.w.size());
  for (int l = 1; l <= depth; ++l) {
    const Mat& w = p.w[l - 1];
    Mat z(h.rows(), w.rows());
    for (int r = 0; r < z.rows(); ++r) {
      for (int j = 0; j < z.cols(); ++j) {
        double sum = p.b[l - 1](0, j);
        for (int k = 0; k < h.cols(); ++k) sum += h(r, k) * w(j, k);
        z(r, j) = sum;
        if (min_abs_z) *min_abs_z = std::min(*min_abs_z, std::fabs(sum));
      }
    }
    if (nudge.what == Nudge::z && nudge.layer == l) z(nudge.row, nudge.col) += nudge.eps;
    h = z.unaryExpr([&](double v) { return act.value(v); });
    if (nudge.what == Nudge::h && nudge.layer == l) h(nudge.row, nudge.col) += nudge.eps;
  }
  return (p.g.array() * h.array()).sum() / static_cast<double>(h.rows());
}

// Fourth-order central difference of f(eps) at 0.
template <class F>
double derivative_at_zero(F f, double step) {
  return (8 * (f(step) - f(-step)) - (f(2 * step) - f(-2 * step))) / (12 * step);
}

struct Gradients {
  std::vector<Mat> delta, grad_h, dw;
};

Gradients run(Network<double>& net, const Activation& act) {
  const int depth = net.shape().depth;
  Gradients g{std::vector<Mat>(depth), std::vector<Mat>(depth), std::vector<Mat>(depth)};
  net.forward(act, [](const ForwardLayer<double>&) {});
  net.backward([&](const BackwardLayer<double>& layer) {
    g.delta[layer.index - 1] = layer.delta;
    g.grad_h[layer.index - 1] = layer.grad_h;
    g.dw[layer.index - 1] = layer.dW;
  });
  return g;
}

void expect_close(double numeric, double analytic, double scale, const std::string& what) {
  // FD truncation is O(step^4) and its rounding ~1e-16 / step: both far below 1e-7 of scale.
  EXPECT_NEAR(numeric, analytic, 1e-7 * scale + 1e-12) << what;
}

void check_backprop(const Shape& shape, std::uint64_t seed) {
  const double step = 1e-4;
  for (const Activation& act : test::all_activations()) {
    const std::string id = info(act.kind).id + " alpha=" + std::to_string(act.alpha);
    Network<double> net(shape);
    const Params p = random_params(net, seed);
    double min_abs_z = INFINITY;
    const double loss = reference_loss(act, p, {}, &min_abs_z);
    // A kink within reach of the differences would break them; the seed keeps z away from 0,
    // where every kink is (activation_facts_test.cpp).
    if (!kinks(act).empty()) {
      ASSERT_GT(min_abs_z, 100 * step) << id;
    }
    const Gradients g = run(net, act);
    const double batch = shape.batch;
    for (int l = 1; l <= shape.depth; ++l) {
      const double delta_scale = g.delta[l - 1].cwiseAbs().maxCoeff();
      const double grad_h_scale = g.grad_h[l - 1].cwiseAbs().maxCoeff();
      for (int r = 0; r < shape.batch; ++r) {
        for (int j = 0; j < shape.width; ++j) {
          // delta and dL/dh are per example: the derivative of B L, example r's own term.
          const auto at = [&](Nudge::What what) {
            return [&, what](double eps) {
              return batch * reference_loss(act, p, {what, l, r, j, eps});
            };
          };
          const std::string where = id + " layer " + std::to_string(l) + " (" + std::to_string(r) +
                                    ", " + std::to_string(j) + ")";
          expect_close(derivative_at_zero(at(Nudge::z), step), g.delta[l - 1](r, j), delta_scale,
                       "delta " + where);
          expect_close(derivative_at_zero(at(Nudge::h), step), g.grad_h[l - 1](r, j), grad_h_scale,
                       "dL/dh " + where);
        }
      }
      const double dw_scale = g.dw[l - 1].cwiseAbs().maxCoeff();
      for (int i = 0; i < shape.width; ++i) {
        for (int k = 0; k < shape.fan_in(l); ++k) {
          const double numeric = derivative_at_zero(
              [&](double eps) {
                Params q = p;
                q.w[l - 1](i, k) += eps;
                return reference_loss(act, q, {});
              },
              step);
          expect_close(numeric, g.dw[l - 1](i, k), dw_scale,
                       "dW " + id + " layer " + std::to_string(l));
        }
      }
    }
    // The network's own forward pass agrees with the reference to rounding.
    EXPECT_NEAR((p.g.array() * net.h(shape.depth).array()).sum() / batch, loss,
                1e-13 * (1 + std::fabs(loss)))
        << id;
  }
}

TEST(Backprop, MatchesFiniteDifferencesOfTheLossForEveryActivation) {
  check_backprop({3, 4, 3, 5}, 17);  // L = 3, N = 4, B = 3, D = 5: fan_in differs in layer 1
}

TEST(Backprop, OneLayerNetwork) {
  check_backprop({1, 3, 2, 2}, 7);
}

TEST(NetworkBuffers, AreCountedBeforeAllocationAndNeverReallocated) {
  for (const Shape& s : {Shape{1, 1, 1, 1}, Shape{5, 16, 8, 40}, Shape{3, 32, 4, 7}}) {
    Network<float> net(s);
    EXPECT_EQ(net.allocated_bytes(), Network<float>::bytes(s));
    EXPECT_EQ(Network<double>(s).allocated_bytes(), Network<double>::bytes(s));
    const float* h_last = net.h(s.depth).data();
    const float* w_first = net.weight(1).data();
    for (int pass = 0; pass < 2; ++pass) {
      net.forward({ActivationKind::tanh, 0}, [](const ForwardLayer<float>&) {});
      net.backward([](const BackwardLayer<float>&) {});
    }
    EXPECT_EQ(net.h(s.depth).data(), h_last);
    EXPECT_EQ(net.weight(1).data(), w_first);
  }
}

}  // namespace
}  // namespace actlab
