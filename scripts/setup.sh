#!/usr/bin/env bash
# Installs what actlab needs on a Debian 12 machine, only what is missing; silent when all
# is in place. Debian packages: the compilers, Eigen, GoogleTest, Emscripten, Chromium,
# clang-format, zip and unzip (the SCORM package and its test);
# npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ make libeigen3-dev libgtest-dev nlohmann-json3-dev emscripten chromium clang-format zip unzip)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "actlab setup: installing ${missing[*]} (apt-get)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "actlab setup: installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
