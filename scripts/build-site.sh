#!/usr/bin/env bash
# The third command: installs what is missing, builds the WebAssembly module, and writes the
# distributables to dist/ (scripts/build-site.mjs): dist/site/ (a static folder for any web
# server), dist/actlab.html (the whole lecture in one file) and dist/actlab-scorm12.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh wasm
node scripts/build-site.mjs
