// Milliseconds per forward+backward pass of the engine's float32 network, and per whole
// propagate experiment (draws, both passes, statistics and histograms), at P1's configuration
// of bench/README.md (depth 50, width 256, batch 256, tanh, glorot-uniform) or with `p2` at
// P2's (depth 20, width 128): `actlab_bench [repeats] [p1|p2]`. The same source runs natively
// and, compiled to WebAssembly, under node (`node build/wasm/actlab_bench.cjs 20 p2`).
// Prints one JSON line: {target, repeats, forward_backward_ms, propagate_ms} (medians).
//
// `actlab_bench --serve`: the workloads of bench/chromium.mjs, one timed run per request, so
// that the harness can interleave native runs with the browser's. It prints one JSON line
// describing the build, then reads workload names (p1, p2, c1, t1) one per line and answers each
// with {"workload": ..., "ms": ...}.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "actlab/activation_info.hpp"
#include "actlab/curve.hpp"
#include "actlab/network.hpp"
#include "actlab/propagation.hpp"
#include "actlab/training.hpp"

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

actlab::PropagationConfig propagation_config(int depth, int width, int batch) {
  actlab::PropagationRequest r;
  r.act = "tanh";
  r.init = "glorot-uniform";
  r.depth = depth;
  r.width = width;
  r.batch = batch;
  return actlab::check_propagation(r).value();
}

actlab::PropagationConfig p1_config() {
  return propagation_config(50, 256, 256);
}

actlab::PropagationConfig p2_config() {
  return propagation_config(20, 128, 256);
}

double elapsed_ms(const std::function<void()>& run) {
  const auto start = Clock::now();
  run();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// The workloads of bench/README.md: P1 and P2 the whole experiment (as the module's
// propagate() runs it), C1 value and derivative of every activation on 10^6 points in double
// (as the module's curve() runs it for the page).
// T1 (bench/web/workloads.js): T1_STEPS = 10 steps of the training lab's trainer, no logging.
actlab::TrainConfig t1_config() {
  actlab::TrainRequest r;
  r.data = "moons", r.samples = 1280, r.act = "tanh", r.init = "glorot-uniform";
  r.depth = 8, r.width = 64, r.batch = 128, r.optimizer = "sgd", r.lr = 0.1;
  r.steps = 0, r.log_every = actlab::kMaxTrainSteps;
  return actlab::check_training(r).value();
}

int serve() {
  const actlab::PropagationConfig p1 = p1_config(), p2 = p2_config();
  actlab::Trainer trainer(t1_config());
  std::vector<actlab::TrainEntry> log;
  actlab::Propagator propagator;
  // Each timed run is a new experiment, on a seed of its own (as the module's in
  // bench/web/actlab-worker.js): the Propagator keeps the last run's draws while the seed stays.
  std::uint32_t seed = 1;
  const auto run = [&](actlab::PropagationConfig config) {
    config.seed = seed++;
    propagator.run(config);
  };
  const auto curves = [] {
    for (const actlab::ActivationInfo& entry : actlab::activation_catalog()) {
      const actlab::Activation act = actlab::make_activation(entry.id, std::nan("")).value();
      const actlab::Curve curve = actlab::sample_curve(act, {-6, 6, actlab::kMaxCurvePoints});
      if (curve.value.empty()) std::abort();  // keeps the result observable
    }
  };
  const std::map<std::string, std::function<void()>> workloads = {
      {"p1", [&] { run(p1); }},
      {"p2", [&] { run(p2); }},
      {"c1", curves},
      {"t1", [&] { trainer.step(10, log); }},
  };
  std::printf("{\"target\": \"native\", \"compiler\": \"%s\", \"simd\": \"%s\"}\n", __VERSION__,
              Eigen::SimdInstructionSetsInUse());
  std::fflush(stdout);
  std::string workload;
  while (std::getline(std::cin, workload)) {
    const auto found = workloads.find(workload);
    if (found == workloads.end()) {
      std::printf("{\"error\": \"unknown workload '%s'; expected p1, p2, c1 or t1\"}\n",
                  workload.c_str());
    } else {
      std::printf("{\"workload\": \"%s\", \"ms\": %.3f}\n", workload.c_str(),
                  elapsed_ms(found->second));
    }
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--serve") == 0) return serve();
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 20;
  const bool p2 = argc > 2 && std::strcmp(argv[2], "p2") == 0;
  const actlab::PropagationConfig config = p2 ? p2_config() : p1_config();

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
  actlab::PropagationConfig fresh = config;
  const double experiment = median_ms(repeats, [&] {
    ++fresh.seed;  // a new experiment each run (the Propagator keeps draws while the seed stays)
    propagator.run(fresh);
  });

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
