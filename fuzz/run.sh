#!/usr/bin/env bash
# Run one fuzz target for TOTAL seconds in one process at a time. A plain libFuzzer run stops
# at the first crash; the rest of the time is then run in fork mode (-fork=1, one child at a
# time) with -ignore_crashes/-ignore_timeouts/-ignore_ooms so that the whole budget is used and
# every distinct crash lands in artifacts/<target>/.
# Usage: fuzz/run.sh TARGET [TOTAL_SECONDS=1800]   (logs: fuzz/logs/TARGET-*.log)
set -u
cd "$(dirname "$0")"
target=$1
total=${2:-1800}
mkdir -p logs
common=(-max_len=20000 -timeout=60 -report_slow_units=1 -print_final_stats=1)
start=$(date +%s)
RUSTC_BOOTSTRAP=1 cargo fuzz build "$target" || exit 2
seg=0
while :; do
  left=$(( total - ($(date +%s) - start) ))
  [ "$left" -gt 20 ] || break
  log=logs/$target-$seg.log
  if [ "$seg" -eq 0 ]; then
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- "${common[@]}" -max_total_time="$left" >"$log" 2>&1
  else
    RUSTC_BOOTSTRAP=1 cargo fuzz run "$target" -- "${common[@]}" -max_total_time="$left" \
      -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 >"$log" 2>&1
  fi
  rc=$?
  echo "segment $seg rc=$rc elapsed=$(( $(date +%s) - start ))s" | tee -a logs/$target-segments.txt
  seg=$((seg + 1))
  [ "$rc" -eq 0 ] && break
done
