// Milliseconds per forward+backward pass of the engine's float32 network, and per whole
// propagate experiment (draws, both passes, statistics and histograms), at the configuration
// of bench/README.md: depth 50, width 256, batch 256, tanh, glorot-uniform. The same source
// runs natively and, compiled to WebAssembly, under node; bench/run.mjs sets them side by side.
// Prints one JSON line: {target, repeats, forward_backward_ms, propagate_ms} (medians).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include "actlab/network.hpp"
#include "actlab/propagation.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(int repeats, const std::function<void()>& run) {
  run();  // warm-up: first-touch page faults, caches
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto start = Clock::now();
    run();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

actlab::PropagationConfig bench_config() {
  actlab::PropagationRequest r;
  r.act = "tanh";
  r.init = "glorot-uniform";
  r.depth = 50;
  r.width = 256;
  r.batch = 256;
  return actlab::check_propagation(r).value();
}

}  // namespace

int main(int argc, char** argv) {
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  const actlab::PropagationConfig config = bench_config();

  // The passes alone, on weights of the experiment's initializer; X and G are uniform here
  // (the timing does not depend on the values).
  actlab::Network<float> net(config.shape);
  actlab::Rng rng(config.seed, 1);
  for (int l = 1; l <= config.shape.depth; ++l) {
    actlab::draw_weights(config.init, config.shape.fan_in(l), config.shape.width, rng,
                         net.weight(l).data(), nullptr);
  }
  net.input().setRandom();
  net.upstream().setRandom();
  const double passes = median_ms(repeats, [&] {
    net.forward(config.act, [](const actlab::ForwardLayer<float>&) {});
    net.backward([](const actlab::BackwardLayer<float>&) {});
  });

  actlab::Propagator propagator;
  const double experiment = median_ms(repeats, [&] { propagator.run(config); });

#ifdef __EMSCRIPTEN__
  const char* target = "wasm";
#else
  const char* target = "native";
#endif
  std::printf(
      "{\"target\": \"%s\", \"repeats\": %d, \"forward_backward_ms\": %.3f, "
      "\"propagate_ms\": %.3f}\n",
      target, repeats, passes, experiment);
  return 0;
}
