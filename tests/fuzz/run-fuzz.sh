#!/usr/bin/env bash
# Runs a libFuzzer target over every input of its seed corpus, then for SECONDS on new inputs
# (kept in a temporary directory: the committed corpus only changes by hand). Fails on any
# crash, hang, leak or sanitizer report, leaving the input that caused it in ARTIFACTS (default:
# the temporary directory, printed).
# Usage: run-fuzz.sh TARGET CORPUS_DIR SECONDS [ARTIFACTS_DIR]
set -euo pipefail
target=$1
corpus=$2
seconds=$3
work=$(mktemp -d /tmp/tisheng-fuzz.XXXXXX)
artifacts=${4:-$work/artifacts}
mkdir -p "$artifacts" "$work/new"
cleanup() { [ -n "${4:-}" ] || [ -n "$(ls -A "$artifacts")" ] || rm -rf "$work"; }
trap cleanup EXIT
options=(-timeout=10 -rss_limit_mb=2048 -max_len=65536 "-artifact_prefix=$artifacts/")
"$target" "${options[@]}" "$corpus"/* > "$work/seeds.log" 2>&1 || {
  tail -40 "$work/seeds.log"
  echo "FAIL: a seed input crashed $(basename "$target"); see $artifacts"
  exit 1
}
"$target" "${options[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work/new" "$corpus" \
  > "$work/fuzz.log" 2>&1 || {
  tail -60 "$work/fuzz.log"
  echo "FAIL: $(basename "$target") found a crashing input; see $artifacts"
  exit 1
}
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/fuzz.log" | grep -o '[0-9]*$')
echo "$(basename "$target"): $(ls "$corpus" | wc -l) seeds, $runs executions in ${seconds}s, no finding"
