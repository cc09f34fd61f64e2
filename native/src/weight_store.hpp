#pragma once
// The weights of the experiments run before, kept layer by layer (propagation.hpp's
// Propagator): W_l is drawn from the seed's weight stream after W_1..W_{l-1}, so it depends on
// the initializer, the seed and the fans of layers 1..l only, not on the depth, the batch or
// the activation. A depth slider's next network, the full view after a coarse one
// (web/refine.js) and figure 4's four initializers in turn take their kept layers from here
// and draw only the others.
#include <cstddef>
#include <cstdint>
#include <list>
#include <vector>

#include "actlab/gradient_scale.hpp"
#include "actlab/network.hpp"
#include "actlab/propagation_request.hpp"
#include "actlab/rng.hpp"

namespace actlab {

class WeightStore {
 public:
  // Keeps at most capacity bytes of weights (0: none), of at most `networks` initializers and
  // seeds.
  WeightStore(std::uint64_t capacity, std::size_t networks)
      : capacity_(capacity), networks_(networks) {}

  // W_1..W_L of c into net, as draw_weights draws them from Rng(c.seed, kWeights) one layer
  // after the other, and each one's summary into summaries (one per layer); weight_scratch
  // (weight_scratch_doubles) for the layers drawn.
  void fill(const PropagationConfig& c, Network<float>& net, double* weight_scratch,
            std::vector<WeightSummary>& summaries);

  std::uint64_t bytes() const { return bytes_; }

 private:
  struct Layer {
    int fan_in, fan_out;
    std::vector<float> w;  // W_l [fan_out x fan_in], row-major
    WeightSummary summary;
    Rng after;  // the weight stream once W_l is drawn: W_{l+1} starts there
  };
  // The layers 1..n of one initializer and seed, for the fans they were drawn with.
  struct Entry {
    Initializer init;
    std::uint32_t seed;
    std::vector<Layer> layers;
    std::uint64_t used = 0;  // when last filled from, for evicting the least recently used
  };
  Entry& entry(const Initializer& init, std::uint32_t seed);
  // Makes room for bytes more beside `keep`, evicting the least recently used entries but not
  // those of the view being computed; false if they do not fit then.
  bool make_room(std::uint64_t bytes, const Entry& keep);
  std::list<Entry>::iterator oldest();  // the least recently used entry
  void evict(std::list<Entry>::iterator e);
  void drop_layers_from(Entry& e, std::size_t first);

  std::uint64_t capacity_;
  std::size_t networks_;
  std::uint64_t bytes_ = 0, clock_ = 0;
  std::list<Entry> entries_;
};

}  // namespace actlab
