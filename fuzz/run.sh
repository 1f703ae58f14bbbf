#!/usr/bin/env bash
# Run one fuzz target for TOTAL seconds of fuzzing, one fuzzing process at a time.
#  * Builds once with `cargo fuzz build`, then runs the built binary directly (what
#    `cargo fuzz run` would run), so edits to the main crate during the run do not trigger a
#    rebuild that eats the budget; the build's `git diff` hash is logged.
#  * A plain libFuzzer run stops at the first crash; the rest of the time is then run in fork
#    mode (-fork=1: one child at a time) with -ignore_crashes/-ignore_timeouts/-ignore_ooms so
#    that the whole budget is used and every distinct crash lands in artifacts/TARGET/.
# Usage: fuzz/run.sh TARGET [TOTAL_SECONDS=1800]   (logs: fuzz/logs/TARGET-*.log)
set -u
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_odr_violation=0}   # as `cargo fuzz run` sets it
cd "$(dirname "$0")"
target=$1
total=${2:-1800}
mkdir -p logs "artifacts/$target" "corpus/$target"
RUSTC_BOOTSTRAP=1 cargo fuzz build "$target" || exit 2
bin=target/x86_64-unknown-linux-gnu/release/$target
echo "built $(date -Is) main crate: $(git -C .. rev-parse --short HEAD) + diff $(git -C .. diff -- src grammar Cargo.toml | sha1sum | cut -c1-12)" \
  | tee -a "logs/$target-segments.txt"
common=(-artifact_prefix="$PWD/artifacts/$target/" -max_len=20000 -timeout=60
        -report_slow_units=1 -print_final_stats=1)
start=$(date +%s)   # the budget counts fuzzing time, not the build
seg=0
while :; do
  left=$(( total - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  log=logs/$target-$seg.log
  if [ "$seg" -eq 0 ]; then
    "$bin" "${common[@]}" -max_total_time="$left" "corpus/$target" >"$log" 2>&1
  else
    "$bin" "${common[@]}" -max_total_time="$left" \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 "corpus/$target" >"$log" 2>&1
  fi
  rc=$?
  echo "segment $seg rc=$rc elapsed=$(( $(date +%s) - start ))s" | tee -a "logs/$target-segments.txt"
  seg=$((seg + 1))
  [ "$rc" -eq 0 ] && break
done
