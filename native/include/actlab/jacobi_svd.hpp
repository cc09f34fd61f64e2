#pragma once
// The singular values of a square matrix by one-sided Jacobi rotations (Hestenes 1958;
// Demmel & Veselic 1992, "Jacobi's method is more accurate than QR"): rotate pairs of columns
// until every pair is orthogonal to n eps of their norms; the singular values are then the
// columns' norms. Only + - * / and sqrt in a fixed order, so that native and WebAssembly give
// the same bits (Eigen's SVD sums in the order of its SIMD kernels, which differ).
#include <vector>

namespace actlab {

// a: n x n, column-major (column j at a[j * n]); returns its n singular values, descending.
std::vector<double> jacobi_singular_values(std::vector<double> a, int n);

}  // namespace actlab
