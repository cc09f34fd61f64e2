#!/usr/bin/env bash
# Builds targets through the CMake presets: `scripts/build.sh [native] [wasm]` (both by
# default). Quiet on success; on failure it prints the build log.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # emscripten's link step needs Debian's acorn

presets=("$@")
((${#presets[@]})) || presets=(native wasm)
mkdir -p build
for preset in "${presets[@]}"; do
  if [ ! -f "build/$preset/CMakeCache.txt" ]; then
    cmake --preset "$preset" >"build/configure-$preset.log" 2>&1 ||
      { cat "build/configure-$preset.log"; exit 1; }
  fi
  cmake --build --preset "$preset" >"build/build-$preset.log" 2>&1 ||
    { cat "build/build-$preset.log"; exit 1; }
done
