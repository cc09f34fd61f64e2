// The training step's gradient against finite differences in double: the loss and every
// parameter (weights and biases of every layer, the output layer's too), for every activation
// and both output kinds (one logit with binary cross-entropy, K logits with softmax).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/classifier.hpp"
#include "actlab/rng.hpp"

namespace actlab {
namespace {

constexpr int kRows = 6;

struct Problem {
  std::vector<double> x;
  std::vector<int> y;
};

Problem problem(int classes, std::uint64_t seed) {
  Rng rng(seed, 1);
  Problem p;
  for (int b = 0; b < kRows; ++b) {
    p.x.push_back(rng.normal());
    p.x.push_back(rng.normal());
    p.y.push_back(b % classes);
  }
  return p;
}

double loss_of(Classifier<double>& net, const Problem& p) {
  net.forward(p.x.data(), kRows);
  return net.loss(p.y.data()).loss;
}

// Central differences, step h: error O(h^2) from the third derivative, O(eps / h) from rounding.
void expect_gradient_matches(const Activation& act, int classes) {
  const ClassifierShape shape{2, 4, classes, kRows};
  Classifier<double> net(shape, act);
  Rng rng(7, 2);
  for (int l = 1; l <= net.layers(); ++l) {
    for (std::size_t i = 0; i < net.weight_size(l); ++i) net.weight(l)[i] = 0.7 * rng.normal();
    for (std::size_t i = 0; i < net.bias_size(l); ++i) net.bias(l)[i] = 0.3 * rng.normal();
  }
  const Problem p = problem(classes, 3);
  const double loss = loss_of(net, p);
  ASSERT_TRUE(std::isfinite(loss));
  net.backward(p.y.data());
  std::vector<std::vector<double>> dw, db;
  for (int l = 1; l <= net.layers(); ++l) {
    dw.emplace_back(net.weight_gradient(l), net.weight_gradient(l) + net.weight_size(l));
    db.emplace_back(net.bias_gradient(l), net.bias_gradient(l) + net.bias_size(l));
  }
  const double h = 1e-5;
  const auto check = [&](double* param, double analytic, const char* what, int l, std::size_t i) {
    const double saved = *param;
    *param = saved + h;
    const double up = loss_of(net, p);
    *param = saved - h;
    const double down = loss_of(net, p);
    *param = saved;
    const double numeric = (up - down) / (2 * h);
    EXPECT_NEAR(analytic, numeric, 1e-7 + 1e-6 * std::fabs(numeric))
        << info(act.kind).id << " classes " << classes << " " << what << " layer " << l << " entry "
        << i;
  };
  for (int l = 1; l <= net.layers(); ++l) {
    for (std::size_t i = 0; i < net.weight_size(l); ++i)
      check(net.weight(l) + i, dw[l - 1][i], "W", l, i);
    for (std::size_t i = 0; i < net.bias_size(l); ++i)
      check(net.bias(l) + i, db[l - 1][i], "b", l, i);
  }
}

TEST(ClassifierGradient, EveryParameterMatchesFiniteDifferencesForEveryActivationAndOutput) {
  for (const ActivationInfo& entry : activation_catalog()) {
    const Activation act = make_activation(entry.id, NAN).value();
    expect_gradient_matches(act, 2);
    expect_gradient_matches(act, 3);
  }
}

// The loss itself against its definition: mean of softplus(z) - y z, and of
// log(sum_j e^z_j) - z_y, computed here the naive way at moderate logits.
TEST(ClassifierGradient, LossIsTheMeanCrossEntropy) {
  for (const int classes : {2, 3}) {
    Classifier<double> net({1, 3, classes, kRows}, make_activation("tanh", NAN).value());
    Rng rng(5, 2);
    for (int l = 1; l <= net.layers(); ++l) {
      for (std::size_t i = 0; i < net.weight_size(l); ++i) net.weight(l)[i] = rng.normal();
      for (std::size_t i = 0; i < net.bias_size(l); ++i) net.bias(l)[i] = 0.5 * rng.normal();
    }
    const Problem p = problem(classes, 9);
    const double loss = loss_of(net, p);
    const int C = classes == 2 ? 1 : classes;
    double expected = 0;
    int correct = 0;
    for (int b = 0; b < kRows; ++b) {
      const double* z = net.h(net.layers()) + b * C;
      if (C == 1) {
        expected += std::log(1 + std::exp(z[0])) - p.y[b] * z[0];
        correct += (z[0] > 0) == (p.y[b] == 1);
      } else {
        double s = 0;
        int top = 0;
        for (int j = 0; j < C; ++j) s += std::exp(z[j]), top = z[j] > z[top] ? j : top;
        expected += std::log(s) - z[p.y[b]];
        correct += top == p.y[b];
      }
    }
    EXPECT_NEAR(loss, expected / kRows, 1e-14);
    EXPECT_EQ(net.loss(p.y.data()).accuracy, double(correct) / kRows);
    // Probabilities sum to 1 and are the softmax / sigmoid of the logits.
    std::vector<double> prob(kRows * std::max(classes, 2));
    net.probabilities(prob.data());
    for (int b = 0; b < kRows; ++b) {
      double sum = 0;
      for (int j = 0; j < classes; ++j) sum += prob[b * classes + j];
      EXPECT_NEAR(sum, 1, 1e-15);
    }
  }
}

// A large logit keeps the loss finite and exact (no overflow in e^z).
TEST(ClassifierGradient, LossIsStableAtLargeLogits) {
  Classifier<double> net({1, 1, 2, 1}, make_activation("identity", NAN).value());
  net.weight(1)[0] = 1, net.weight(1)[1] = 0, net.weight(2)[0] = 1;
  const std::vector<double> x = {800, 0};
  const std::vector<int> wrong = {0}, right = {1};
  net.forward(x.data(), 1);
  EXPECT_DOUBLE_EQ(net.loss(wrong.data()).loss, 800);
  EXPECT_EQ(net.loss(right.data()).loss, 0);
}

}  // namespace
}  // namespace actlab
