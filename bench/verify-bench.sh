#!/usr/bin/env bash
# GET /c/{TOKEN} under load, beside nginx serving a static page of the same size and the
# server's own in-memory reply: kept pages (one plaque, 5,000 plaques), pages made afresh (random
# tokens out of COUNT), and the JSON twin.
# Usage: bench/verify-bench.sh [COUNT] [SECONDS]   (default 100000 certificates, 15 s per run)
# Needs wrk and nginx (apt-get install wrk nginx-light); builds with `make` first.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
seconds=${2:-15}
work=$(mktemp -d /tmp/tisheng-bench.XXXXXX)
chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

echo "== issuing $count certificates"
./build/bench/tisheng-bench-issue "$work/data" "$count" "$work/tokens.txt"

echo "== starting tisheng on 127.0.0.1:18090"
TISHENG_SERVER_PORT=18090 TISHENG_STORAGE_DATA_DIR="$work/data" TISHENG_SERVER_MAX_THREADS=128 TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 \
  ./build/server/tisheng serve > "$work/tisheng.out" 2> /dev/null &
for _ in $(seq 50); do curl -sf http://127.0.0.1:18090/healthz > /dev/null && break; sleep 0.2; done

# A static page exactly as large as a real verification page.
mkdir -p "$work/www"
curl -s "http://127.0.0.1:18090/c/$(head -1 "$work/tokens.txt")" > "$work/www/page.html"
size=$(wc -c < "$work/www/page.html")
cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:18091;
    root $work/www;
    location / { try_files /page.html =404; }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
sleep 0.5

run() {
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" | tee -a "$work/wrk.txt"
}
echo "== nginx, static page of $size bytes"
run http://127.0.0.1:18091/c/x
echo "== tisheng GET /.well-known/jwks.json (in memory: the framework's floor)"
run http://127.0.0.1:18090/.well-known/jwks.json
echo "== tisheng GET /c/{TOKEN}, one plaque scanned over and over (kept page)"
run "http://127.0.0.1:18090/c/$(head -1 "$work/tokens.txt")"
echo "== tisheng GET /c/{TOKEN}, random tokens out of $count (more pages than are kept)"
TOKENS="$work/tokens.txt" run -s bench/random-token.lua http://127.0.0.1:18090
echo "== tisheng GET /c/{TOKEN}, random tokens out of the first 5,000 (all kept after a pass)"
head -5000 "$work/tokens.txt" > "$work/hot.txt"
TOKENS="$work/hot.txt" run -s bench/random-token.lua http://127.0.0.1:18090 > /dev/null
TOKENS="$work/hot.txt" run -s bench/random-token.lua http://127.0.0.1:18090
echo "== tisheng GET /api/v1/public/verify/{TOKEN}, random tokens out of $count"
PREFIX=/api/v1/public/verify/ TOKENS="$work/tokens.txt" run -s bench/random-token.lua \
  http://127.0.0.1:18090
pid=$(pgrep -f "tisheng serve" | head -1)
echo "== tisheng memory after the runs: $(grep -E '^(VmRSS|RssAnon|RssFile)' "/proc/$pid/status" | tr -s ' \t' ' ' | paste -sd ';')"
