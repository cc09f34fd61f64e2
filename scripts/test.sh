#!/usr/bin/env bash
# Every test, from a fresh Debian 12 machine: installs what is missing, builds both targets
# and dist/ (scripts/build-site.mjs), then runs the three levels (GoogleTest for the core;
# node tests of the wasm module against the native CLI; browser tests in headless Chromium,
# the distributables' among them) and ends with one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1
scripts/build.sh native wasm || exit 1
node scripts/build-site.mjs || exit 1 # dist/, which the distribution tests load

passed=0
failed=0
log_dir=build/test-logs
mkdir -p "$log_dir"

# Adds one level's counts to the totals; prints its log when it failed.
report() {
  local name=$1 status=$2 pass=$3 fail=$4 log=$5
  passed=$((passed + pass))
  failed=$((failed + fail))
  if [ "$status" -ne 0 ] && [ "$fail" -eq 0 ]; then failed=$((failed + 1)); fi
  printf '%-34s %s passed, %s failed\n' "$name" "$pass" "$fail"
  if [ "$status" -ne 0 ]; then cat "$log"; fi
}

ctest --preset native >"$log_dir/native.log" 2>&1
status=$?
total=$(sed -nE 's/.* tests failed out of ([0-9]+).*/\1/p' "$log_dir/native.log")
fail=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$log_dir/native.log")
report "native (GoogleTest):" "$status" "$((${total:-0} - ${fail:-0}))" "${fail:-0}" "$log_dir/native.log"

# The native suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
if [ ! -f build/asan/CMakeCache.txt ]; then
  cmake --preset asan >"$log_dir/asan-configure.log" 2>&1 || cat "$log_dir/asan-configure.log"
fi
{ cmake --build --preset asan && ctest --preset asan; } >"$log_dir/asan.log" 2>&1
status=$?
total=$(sed -nE 's/.* tests failed out of ([0-9]+).*/\1/p' "$log_dir/asan.log")
fail=$(sed -nE 's/.* ([0-9]+) tests failed out of.*/\1/p' "$log_dir/asan.log")
report "native (ASan + UBSan):" "$status" "$((${total:-0} - ${fail:-0}))" "${fail:-0}" "$log_dir/asan.log"

for level in wasm web; do
  node --test --test-reporter=tap "tests/$level/" >"$log_dir/$level.log" 2>&1
  status=$?
  pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$log_dir/$level.log")
  fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$log_dir/$level.log")
  case $level in
    wasm) name="wasm module (node):" ;;
    web) name="page (node + headless Chromium):" ;;
  esac
  report "$name" "$status" "${pass:-0}" "${fail:-0}" "$log_dir/$level.log"
done

# The formatters the style guide names: the C++ and the JS stay as they format them.
find native wasm tests bench \( -name '*.cpp' -o -name '*.hpp' \) -print0 |
  xargs -0 clang-format --dry-run -Werror >"$log_dir/clang-format.log" 2>&1
status=$?
report "clang-format --dry-run -Werror:" "$status" "$((status == 0))" 0 "$log_dir/clang-format.log"
npx --no-install prettier --check "**/*.{js,mjs}" >"$log_dir/prettier.log" 2>&1
status=$?
report "prettier --check:" "$status" "$((status == 0))" 0 "$log_dir/prettier.log"

echo "actlab: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
