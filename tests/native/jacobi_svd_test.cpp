// Jacobi's singular values against Eigen's SVD (BDCSVD) on random, rank-deficient and graded
// matrices, and against a matrix built from its own SVD (an orthogonal product with a known
// diagonal).
#include "actlab/jacobi_svd.hpp"

#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/SVD>
#include <cmath>
#include <random>
#include <vector>

namespace actlab {
namespace {

std::vector<double> eigen_values(const Eigen::MatrixXd& a) {
  const Eigen::VectorXd sv = Eigen::BDCSVD<Eigen::MatrixXd>(a).singularValues();
  return {sv.data(), sv.data() + sv.size()};
}

std::vector<double> jacobi_values(const Eigen::MatrixXd& a) {
  return jacobi_singular_values(std::vector<double>(a.data(), a.data() + a.size()),
                                static_cast<int>(a.rows()));
}

void expect_same(const Eigen::MatrixXd& a, double tol) {
  const std::vector<double> want = eigen_values(a), got = jacobi_values(a);
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], want[i], tol * want[0]) << i << " of " << got.size();
}

TEST(JacobiSvd, AgreesWithEigensSvd) {
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  for (const int n : {1, 2, 5, 33, 96}) {
    Eigen::MatrixXd a(n, n);
    for (int i = 0; i < a.size(); ++i) a.data()[i] = normal(rng);
    expect_same(a, 1e-13);
    // Rank-deficient: half the rows zero (relu's dead units), and graded columns.
    Eigen::MatrixXd dead = a;
    for (int i = 0; i < n; i += 2) dead.row(i).setZero();
    expect_same(dead, 1e-13);
    Eigen::MatrixXd graded = a;
    for (int j = 0; j < n; ++j) graded.col(j) *= std::pow(10.0, -6.0 * j / n);
    expect_same(graded, 1e-13);
  }
}

TEST(JacobiSvd, RecoversAKnownSpectrum) {
  std::mt19937_64 rng(11);
  std::normal_distribution<double> normal;
  const int n = 40;
  Eigen::MatrixXd g1(n, n), g2(n, n);
  for (int i = 0; i < g1.size(); ++i) g1.data()[i] = normal(rng), g2.data()[i] = normal(rng);
  const Eigen::MatrixXd u = Eigen::HouseholderQR<Eigen::MatrixXd>(g1).householderQ();
  const Eigen::MatrixXd v = Eigen::HouseholderQR<Eigen::MatrixXd>(g2).householderQ();
  Eigen::VectorXd s(n);
  for (int i = 0; i < n; ++i) s[i] = std::pow(2.0, -0.5 * i);  // 1 down to 2^-19.5, descending
  const std::vector<double> got = jacobi_values(u * s.asDiagonal() * v.transpose());
  for (int i = 0; i < n; ++i) EXPECT_NEAR(got[i], s[i], 1e-14) << i;
}

}  // namespace
}  // namespace actlab
