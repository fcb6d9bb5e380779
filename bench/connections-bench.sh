#!/usr/bin/env bash
# The connection model under keep-alive clients: a kept plaque page (/c/ hot) at 64 and 512
# connections, straight to the server with several server.max_threads, and through nginx with
# the production front's upstream pool (config/nginx/tisheng.conf: keepalive 32).
# Usage: bench/connections-bench.sh [SECONDS]   (default 10 s per run)
# Needs wrk and nginx (Debian wrk nginx-light); builds with `make` first.
#
# Poco's server gives each open connection a thread for as long as it stays open; connections
# beyond server.max_threads wait in a queue (server.max_queued) until a thread is free, which
# is when a connection closes (server.keep_alive_seconds idle, or after
# server.max_keep_alive_requests replies).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
work=$(mktemp -d /tmp/tisheng-connections.XXXXXX)
chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
export TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 TISHENG_SCHEDULER_INTERVAL_SECONDS=0
site=http://127.0.0.1:18090

./build/bench/tisheng-bench-issue "$work/data" 1000 "$work/tokens.txt" | tail -1
token=$(head -1 "$work/tokens.txt")

start() {  # start MAX_THREADS
  [ -f "$work/serve.pid" ] && { kill "$(cat "$work/serve.pid")"; wait "$(cat "$work/serve.pid")" || true; }
  TISHENG_SERVER_MAX_THREADS=$1 TISHENG_SERVER_PORT=18090 TISHENG_STORAGE_DATA_DIR="$work/data" \
    ./build/server/tisheng serve > "$work/tisheng.out" 2> /dev/null &
  echo $! > "$work/serve.pid"
  for _ in $(seq 50); do curl -sf "$site/healthz" > /dev/null && return; sleep 0.2; done
  echo "the server did not start" >&2; exit 1
}
run() {  # run PATH MAX_THREADS CLIENTS URL
  wrk -t2 -c"$3" -d"${seconds}s" --timeout 5s --latency "$4/c/$token" > "$work/wrk.txt" &
  local load=$!
  sleep $(( seconds / 2 ))
  local threads
  threads=$(awk '/^Threads:/ {print $2}' "/proc/$(cat "$work/serve.pid")/status")
  wait "$load"
  local errors
  errors=$(sed -n 's/.*Socket errors: \(.*\)/\1/p' "$work/wrk.txt")
  printf '| %s | %s | %s | %.0f | %s | %s | %s | %s |\n' "$1" "$2" "$3" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" "$(awk '/ 50%/ {print $2}' "$work/wrk.txt")" \
    "$(awk '/ 99%/ {print $2}' "$work/wrk.txt")" "$threads" "${errors:-none}"
}

cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 2048; }
http {
  access_log off;
  upstream tisheng {
    server 127.0.0.1:18090;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:18091;
    location / {
      proxy_pass http://tisheng;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
NGINX
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' &
sleep 0.5

echo "| path | server.max_threads | clients | req/s | p50 | p99 | server threads | wrk socket errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---|"
for threads in 64 128 600; do
  start "$threads"
  for clients in 64 512; do run direct "$threads" "$clients" "$site"; done
done
for threads in 64 600; do
  start "$threads"
  for clients in 64 512; do run "nginx (keepalive 32)" "$threads" "$clients" http://127.0.0.1:18091; done
done
