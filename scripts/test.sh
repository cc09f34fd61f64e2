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

echo "actlab: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
