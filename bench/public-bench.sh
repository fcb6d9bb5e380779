#!/usr/bin/env bash
# The public face under load: the open-data list API with ENTRIES certified places, and the time
# and peak memory of printing a brochure of 1,000 places.
# Usage: bench/public-bench.sh [ENTRIES] [SECONDS]   (default 100000 places, 10 s per run)
# Needs wrk and GNU time (Debian wrk time); builds with `make` first.
set -euo pipefail
cd "$(dirname "$0")/.."
entries=${1:-100000}
seconds=${2:-10}
work=$(mktemp -d /tmp/tisheng-public-bench.XXXXXX)
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export TISHENG_SERVER_MAX_THREADS=128 TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 \
  TISHENG_SCHEDULER_INTERVAL_SECONDS=0

echo "== a brochure of 1,000 places (3,000 places, a third of them homestays; no photos)"
./build/bench/tisheng-bench-issue "$work/brochure" 3000 "$work/brochure-tokens.txt" 3000 | tail -1
for format in pdf html; do
  /usr/bin/time -f "%e s, peak %M KB" -o "$work/time.txt" \
    env TISHENG_STORAGE_DATA_DIR="$work/brochure" \
    ./build/server/tisheng catalogue --category homestay --out "$work/homestays.$format"
  echo "   $format: $(cat "$work/time.txt"), $(stat -c %s "$work/homestays.$format") bytes"
done
pdfinfo "$work/homestays.pdf" | grep -E "^Pages"

echo "== $entries certified places for the open data"
./build/bench/tisheng-bench-issue "$work/register" "$entries" "$work/tokens.txt" "$entries" | tail -1
TISHENG_SERVER_PORT=8097 TISHENG_STORAGE_DATA_DIR="$work/register" ./build/server/tisheng serve \
  > "$work/serve.out" 2> "$work/serve.err" &
for _ in $(seq 50); do curl -sf http://127.0.0.1:8097/healthz > /dev/null && break; sleep 0.2; done

cat > "$work/pages.lua" <<LUA
-- A page of 100 after a random place, as a client paging through the list would ask.
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/public/entries?limit=100&cursor=a" .. math.random(0, $entries - 100))
end
LUA
run() {  # run LABEL PATH-OR-SCRIPT
  local label=$1 target=$2 args=()
  if [[ $target == *.lua ]]; then args=(-s "$target" http://127.0.0.1:8097/); else args=("http://127.0.0.1:8097$target"); fi
  wrk -t2 -c64 -d"${seconds}s" --latency "${args[@]}" > "$work/wrk.txt"
  printf "   %-34s %8s req/s  p50 %-8s p99 %s\n" "$label" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
}
echo "== wrk -t2 -c64, ${seconds}s each"
run "first page (100)" "/api/v1/public/entries?limit=100"
run "random pages (100)" "$work/pages.lua"
run "filtered (restaurant, certified)" "/api/v1/public/entries?category=restaurant&status=certified&limit=100"
run "search q=主体99 (scans names)" "/api/v1/public/entries?q=%E4%B8%BB%E4%BD%9399&limit=100"
run "one place" "/api/v1/public/entries/4242"
/usr/bin/time -f "%e s" -o "$work/time.txt" curl -sf -o "$work/all.csv" http://127.0.0.1:8097/api/v1/public/entries.csv
echo "   entries.csv (whole register): $(cat "$work/time.txt") first, $(stat -c %s "$work/all.csv") bytes"
/usr/bin/time -f "%e s" -o "$work/time.txt" curl -sf -o /dev/null http://127.0.0.1:8097/api/v1/public/entries.csv
echo "   entries.csv again: $(cat "$work/time.txt")"
