#!/usr/bin/env bash
# The main job: install what is missing, build the WebAssembly module, serve the page at
# http://127.0.0.1:8000 (PORT=8123 scripts/serve.sh for another port).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh wasm
exec node scripts/static-server.mjs "${PORT:-8000}"
