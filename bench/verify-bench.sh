#!/usr/bin/env bash
# Plaque scans under load (wrk -t2 -c64), in one run, beside nginx serving a static page of the
# same size and the server's own in-memory reply; ends with a table of req/s, p50, p99 and the
# ratios to both.
# Usage: bench/verify-bench.sh [COUNT] [SECONDS]   (default 100000 certificates, 10 s per run)
# Needs wrk, nginx and PostgreSQL 15 (Debian wrk nginx-light postgresql-15); builds with `make`
# first. Without PostgreSQL the PostgreSQL rows are left out.
#
#   hot      one plaque scanned over and over (its page kept)
#   304      the same with If-None-Match (a phone that scans again)
#   cold     every token in turn (bench/every-token.lua), each scan a token not kept
#   kept     random tokens out of COUNT, every page kept (server.plaque_cache_mb = 512), beside
#            one token through the same wrk script
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
seconds=${2:-10}
work=$(mktemp -d /tmp/tisheng-bench.XXXXXX)
chmod 755 "$work"
pg="$work/postgres"
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  [ -d "$pg" ] && scripts/test-postgres.sh stop "$pg"
  rm -rf "$work"
}
trap cleanup EXIT
export TISHENG_SERVER_MAX_THREADS=128 TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 \
  TISHENG_SCHEDULER_INTERVAL_SECONDS=0 TISHENG_KEYS_KEK="verify bench key-encryption key, not a secret"
site=http://127.0.0.1:18090

echo "== issuing $count certificates"
./build/bench/tisheng-bench-issue "$work/data" "$count" "$work/tokens.txt" | tail -1
token=$(head -1 "$work/tokens.txt")

start() {  # start [ENV=VALUE...]: the server on the data directory (or TISHENG_STORAGE_URL)
  [ -f "$work/serve.pid" ] && { kill "$(cat "$work/serve.pid")"; wait "$(cat "$work/serve.pid")" || true; }
  env "$@" TISHENG_SERVER_PORT=18090 TISHENG_STORAGE_DATA_DIR="$work/data" \
    ./build/server/tisheng serve > "$work/tisheng.out" 2> /dev/null &
  echo $! > "$work/serve.pid"
  for _ in $(seq 50); do curl -sf "$site/healthz" > /dev/null && return; sleep 0.2; done
  echo "the server did not start" >&2; exit 1
}
memory() {  # the server's memory: resident, of it anonymous (its own) and file-backed (mapped)
  grep -E '^(VmRSS|RssAnon|RssFile)' "/proc/$(cat "$work/serve.pid")/status" | tr -s ' \t' ' ' \
    | paste -sd ';'
}
run() {  # run NAME WRK-ARGUMENTS...: one row of the table
  local name=$1
  shift
  wrk -t2 -c64 -d"${seconds}s" --latency "$@" > "$work/wrk.txt"
  grep -q 'Non-2xx' "$work/wrk.txt" && { cat "$work/wrk.txt"; echo "FAIL: errors in $name" >&2; exit 1; }
  printf '%s|%s|%s|%s\n' "$name" "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" \
    "$(awk '/ 50%/ {print $2}' "$work/wrk.txt")" "$(awk '/ 99%/ {print $2}' "$work/wrk.txt")" \
    | tee -a "$work/rows.txt"
}

start
# A static page exactly as large as a real verification page.
mkdir -p "$work/www"
curl -s "$site/c/$token" > "$work/www/page.html"
size=$(wc -c < "$work/www/page.html")
etag=$(curl -s -D - -o /dev/null "$site/c/$token" | sed -n 's/^ETag: \(.*\)\r$/\1/p')
[ -n "$etag" ] || { echo "FAIL: the page has no ETag" >&2; exit 1; }
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

echo "== SQLite, server.plaque_cache_mb = 32 (the default); a page is $size bytes"
run "nginx, static page" http://127.0.0.1:18091/c/x
run "in-memory (/.well-known/jwks.json)" "$site/.well-known/jwks.json"
run "/c/ hot" "$site/c/$token"
run "/c/ 304 (If-None-Match)" -H "If-None-Match: $etag" "$site/c/$token"
TOKENS="$work/tokens.txt" run "/c/ cold" -s bench/every-token.lua "$site"
run "/api/v1/public/verify hot" "$site/api/v1/public/verify/$token"
PREFIX=/api/v1/public/verify/ TOKENS="$work/tokens.txt" run "/api/v1/public/verify cold" \
  -s bench/every-token.lua "$site"
echo "== memory after these runs: $(memory)"

echo "== SQLite, server.plaque_cache_mb = 512: every page kept"
start TISHENG_SERVER_PLAQUE_CACHE_MB=512
echo "   memory before: $(memory)"
TOKENS="$work/tokens.txt" wrk -t2 -c64 -d"$(( count / 4000 + 5 ))s" -s bench/every-token.lua \
  "$site" > /dev/null
echo "   memory with the $count pages kept: $(memory)"
# wrk's script costs wrk time on the same cores: the same script on one token is the baseline.
head -1 "$work/tokens.txt" > "$work/one.txt"
TOKENS="$work/one.txt" run "/c/ hot, through the script" -s bench/random-token.lua "$site"
TOKENS="$work/tokens.txt" run "/c/ kept, random of $count" -s bench/random-token.lua "$site"

if scripts/test-postgres.sh start "$pg" > "$work/pg-url.txt" 2> /dev/null; then
  echo "== PostgreSQL 15 (the registry copied with tisheng migrate)"
  admin_url=$(cat "$work/pg-url.txt")
  psql -q "$admin_url" -c "CREATE DATABASE bench"
  pg_url="${admin_url/\/postgres?//bench?}"
  ./build/server/tisheng migrate --from "sqlite:$work/data/tisheng.db" --to "$pg_url" > /dev/null
  start TISHENG_STORAGE_URL="$pg_url"
  run "/c/ hot, PostgreSQL" "$site/c/$token"
  TOKENS="$work/tokens.txt" run "/c/ cold, PostgreSQL" -s bench/every-token.lua "$site"
fi

echo
echo "| run | req/s | p50 | p99 | × in-memory | × nginx |"
echo "|---|---:|---:|---:|---:|---:|"
awk -F'|' 'NR == FNR {if (FNR == 1) nginx = $2; if (FNR == 2) floor = $2; next}
  {printf "| %s | %.0f | %s | %s | %.2f | %.2f |\n", $1, $2, $3, $4, $2 / floor, $2 / nginx}' \
  "$work/rows.txt" "$work/rows.txt"
