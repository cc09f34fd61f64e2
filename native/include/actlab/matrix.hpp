#pragma once
// The engine's matrices: row-major Eigen, owned (Matrix) or viewed in a buffer (the Views).
#include <Eigen/Core>

namespace actlab {

template <class T>
using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <class T>
using MatrixView = Eigen::Map<Matrix<T>>;
template <class T>
using ConstMatrixView = Eigen::Map<const Matrix<T>>;

}  // namespace actlab
