#!/usr/bin/env bash
# Soak: 64 connections of mixed traffic (plaque scans, logins, score saves, photo uploads) for
# SECONDS against the demo server; reports errors and how much the server's memory grew after
# a warm-up, and fails on any error or on growth of 10 % or more (make test runs it).
# Usage: bench/soak.sh [SECONDS [BINARY]]  (default 60 and build/server/tisheng; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
binary=${2:-./build/server/tisheng}
work=$(mktemp -d /tmp/tisheng-soak.XXXXXX)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
port=18095
TISHENG_SERVER_PORT=$port TISHENG_STORAGE_DATA_DIR="$work/data" TISHENG_SERVER_MAX_THREADS=128 \
  TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 TISHENG_SECURITY_PASSWORD_COST=12 \
  MALLOC_ARENA_MAX=2 \
  "$binary" serve --demo > "$work/out.txt" 2> "$work/access.log" &
server=$!
for _ in $(seq 100); do grep -q "Plaques to try" "$work/out.txt" 2> /dev/null && break; sleep 0.2; done
sleep 1
password() { sed -n "s/.*: $1 \/ \(\S*\)$/\1/p" "$work/out.txt"; }
token() {
  curl -sf -d "{\"username\": \"$1\", \"password\": \"$(password "$1")\"}" \
    "http://127.0.0.1:$port/api/v1/login" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
# Inspection 2 of the demo is a restaurant being scored by inspector.li.
export ADMIN=$(token admin) INSPECTOR=$(token inspector.li) INSPECTION=2 ENTRY=1
export LOGIN="{\"username\": \"inspector.li\", \"password\": \"$(password inspector.li)\"}"
export PLAQUE=$(grep -o '/c/[A-Z2-7]*' "$work/out.txt" | head -1)
python3 - "$work/photo.png" <<'PY'
import struct, sys, zlib
width = height = 96
rows = b"".join(b"\0" + bytes((x * 2 + y) % 256 for x in range(width * 3)) for y in range(height))
chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
PY
export PHOTO="$work/photo.png"
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
settled_rss() { sleep 3; rss; }

warmup=${WARMUP:-30}
echo "== warm-up ${warmup} s"
wrk -t2 -c64 -d"${warmup}s" -s bench/soak.lua "http://127.0.0.1:$port" > /dev/null 2>&1
warm=$(settled_rss)
rounds=${ROUNDS:-4}
echo "== soak ${seconds} s in $rounds rounds, 64 connections (RSS at rest after warm-up ${warm} kB)"
# The memory at rest after each round; the lowest is judged. Under load RSS swings by 100 MB
# with what is in flight, and at rest by tens of MB with what the allocator keeps for its
# threads; a leak raises every sample, the lowest included.
lowest=
for round in $(seq "$rounds"); do
  wrk -t2 -c64 -d"$(( seconds / rounds ))s" -s bench/soak.lua "http://127.0.0.1:$port" \
    | tee "$work/wrk.txt" | grep -a "^requests\|^latency"
  grep -q 'socket errors connect 0 read 0 write 0 timeout 0, non-2xx 0$' "$work/wrk.txt" \
    || { cat "$work/wrk.txt"; echo "FAIL: errors during the soak"; exit 1; }
  at_rest=$(settled_rss)
  echo "RSS at rest after round $round: $at_rest kB"
  [ -z "$lowest" ] || [ "$at_rest" -lt "$lowest" ] && lowest=$at_rest
done
growth=$(( (lowest - warm) * 100 / warm ))
errors=$(grep -c ' 5[0-9][0-9] ' "$work/access.log" || true)
echo "RSS at rest after warm-up ${warm} kB, lowest at rest after a round ${lowest} kB: growth ${growth} %"
echo "5xx in the access log: $errors"
curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && echo "healthz after the soak: ok"
[ "$errors" -eq 0 ] || {
  grep -B3 -A3 " 5[0-9][0-9] \|failed:" "$work/access.log" | head -40
  echo "FAIL: 5xx replies"
  exit 1
}
[ "$growth" -lt 10 ] || { echo "FAIL: memory grew ${growth} % after the warm-up"; exit 1; }
