#!/usr/bin/env bash
# The same registry on SQLite and on PostgreSQL, one and two servers, in one run on one machine.
# Usage: bench/storage-bench.sh [COUNT] [SECONDS]   (default 20000 certificates, 10 s per run)
# Needs wrk and PostgreSQL 15 (Debian wrk postgresql-15); builds with `make` first.
#
# Issues COUNT certificates into SQLite (tisheng-bench-issue), copies the registry to a throwaway
# PostgreSQL with `tisheng migrate`, then loads, with wrk -t2 -c64:
#   scans  GET /c/{TOKEN} (random tokens)
#   mix    4 scans to 1 POST /api/v1/entries (bench/mix.lua)
# on: SQLite (one server), PostgreSQL one server, PostgreSQL two servers (one wrk each, -c32).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
seconds=${2:-10}
work=$(mktemp -d /tmp/tisheng-storage-bench.XXXXXX)
chmod 755 "$work"
pg="$work/postgres"
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  scripts/test-postgres.sh stop "$pg" || true
  rm -rf "$work"
}
trap cleanup EXIT
export TISHENG_SECURITY_PASSWORD_COST=10 TISHENG_SERVER_MAX_THREADS=128 \
  TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 TISHENG_SCHEDULER_INTERVAL_SECONDS=0 \
  TISHENG_KEYS_KEK="storage bench key-encryption key, not a secret"

echo "== issuing $count certificates into SQLite"
./build/bench/tisheng-bench-issue "$work/sqlite" "$count" "$work/tokens.txt" | tail -1
TISHENG_STORAGE_DATA_DIR="$work/sqlite" ./build/server/tisheng admin create-user \
  --username bench --role city_admin > "$work/user.txt"
password=$(sed -n 's/.*with password \([^ ]*\) .*/\1/p' "$work/user.txt")

echo "== copying it to PostgreSQL"
admin_url=$(scripts/test-postgres.sh start "$pg")
psql -q "$admin_url" -c "CREATE DATABASE bench"
pg_url="${admin_url/\/postgres?//bench?}"
./build/server/tisheng migrate --from "sqlite:$work/sqlite/tisheng.db" --to "$pg_url" | tail -3

start() {  # start NAME PORT [URL]
  mkdir -p "$work/$1"
  TISHENG_SERVER_PORT=$2 TISHENG_STORAGE_DATA_DIR="$work/$1" TISHENG_STORAGE_URL="${3:-}" \
    ./build/server/tisheng serve > "$work/$1.out" 2> "$work/$1.err" &
  echo $! > "$work/$1.pid"
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$2/healthz" > /dev/null && return; sleep 0.2; done
  echo "server $1 did not start" >&2; cat "$work/$1.err" >&2; exit 1
}
bearer() {  # bearer PORT
  curl -sf "http://127.0.0.1:$1/api/v1/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"bench\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
load() {  # load LABEL SCRIPT PORT...
  local label=$1 script=$2
  shift 2
  local connections=$((64 / $#)) port runs=()
  export BEARER
  BEARER=$(bearer "$1")
  for port in "$@"; do
    TOKENS="$work/tokens.txt" wrk -t2 -c$connections -d"${seconds}s" --latency -s "$script" \
      "http://127.0.0.1:$port" > "$work/wrk-$port.txt" &
    runs+=($!)
  done
  wait "${runs[@]}"
  local total=0
  for port in "$@"; do
    rate=$(awk '/Requests\/sec/ {print $2}' "$work/wrk-$port.txt")
    total=$(awk -v a="$total" -v b="$rate" 'BEGIN {print a + b}')
  done
  p99=$(awk '/ 99%/ {print $2}' "$work/wrk-$1.txt")
  errors=$(awk '/non-2xx replies/ {print $3}' "$work/wrk-$1.txt")
  printf '%-34s %10.0f req/s   p99 %-9s non-2xx %s\n' "$label" "$total" "$p99" "${errors:-0}"
}

echo "== SQLite, one server"
start sqlite-serve 18101 "sqlite:$work/sqlite/tisheng.db"
load "scans, SQLite, 1 server" bench/random-token.lua 18101
load "mix, SQLite, 1 server" bench/mix.lua 18101
kill "$(cat "$work/sqlite-serve.pid")"; wait "$(cat "$work/sqlite-serve.pid")" || true

echo "== PostgreSQL, one then two servers"
start pg-a 18102 "$pg_url"
load "scans, PostgreSQL, 1 server" bench/random-token.lua 18102
load "mix, PostgreSQL, 1 server" bench/mix.lua 18102
start pg-b 18103 "$pg_url"
load "scans, PostgreSQL, 2 servers" bench/random-token.lua 18102 18103
load "mix, PostgreSQL, 2 servers" bench/mix.lua 18102 18103
