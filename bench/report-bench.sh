#!/usr/bin/env bash
# The programme's reports on a large history: PLACES places (about ten inspections each, so
# 10,000 places make about 100,000 inspections) — the time and peak memory of the quarterly
# bulletin as PDF and HTML, of the figures as JSON, and of the year's report.
# Usage: bench/report-bench.sh [PLACES] [SPOT_CHECKS_PER_YEAR]   (default 10000, 3)
# Builds with `make` first. Peak memory is sampled by bench/peak-memory.py: resident in all, and
# split into anonymous (what the process allocated) and mapped files (database pages read through
# SQLite's mmap, the Noto CJK fonts), which the kernel shares with its page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
places=${1:-10000}
spot=${2:-3}
work=$(mktemp -d /tmp/tisheng-report-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "== a history of $places places"
./build/bench/tisheng-bench-history "$work/data" "$places" "$spot"
echo "   database: $(du -sh "$work/data" | cut -f1)"

run() {
  local what=$1
  shift
  echo "   $what: $(TISHENG_STORAGE_DATA_DIR="$work/data" bench/peak-memory.py \
    ./build/server/tisheng report "$@")"
}
echo "== reports (each a fresh process: start-up, reading the facts, computing, rendering)"
for round in 1 2 3; do
  run "2026-Q3 bulletin PDF (round $round)" --period 2026-Q3 --out "$work/q3.pdf"
done
run "2026-Q3 bulletin HTML" --period 2026-Q3 --out "$work/q3.html"
run "2026-Q3 figures JSON" --period 2026-Q3 --out "$work/q3.json"
run "2026-Q3 one county PDF" --period 2026-Q3 --county luonan --out "$work/luonan.pdf"
run "2026 yearly assessment PDF" --period 2026 --out "$work/2026.pdf"
run "2026-11 monthly dispatch PDF" --period 2026-11 --out "$work/2026-11.pdf"
pdfinfo "$work/q3.pdf" | grep -E "^Pages"
python3 - "$work/q3.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
f = r["flows"]["total"]
print("   Q3: certified %d (previous %d, a year earlier %d), new %d, renewed %d, removed %d, "
      "expired %d, inspections submitted %d" % (
      r["certified"]["total"], r["certified"]["previous"], r["certified"]["year_earlier"],
      f["newly_certified"], f["renewed"], f["removed"], f["expired"],
      sum(k["made"] for k in r["supervision"]["by_kind"])))
PY
