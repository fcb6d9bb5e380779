#!/usr/bin/env bash
# The shipped production front, config/nginx/tisheng.conf, in front of `tisheng serve`:
# HTTPS with a redirect from HTTP, the client's address passed on, and a slow-header attack
# (300 connections sending their request one byte a second) that leaves tisheng serving
# everyone else. Usage: nginx-front.sh TISHENG_BINARY
set -euo pipefail
binary=$1
source=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/tisheng-nginx.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- nginx error log"; tail -20 "$work/error.log" 2> /dev/null || true
  echo "--- tisheng"; tail -20 "$work/tisheng.log" 2> /dev/null || true
  exit 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
app=$(free_port); http=$(free_port); https=$(free_port)

front=("$source/scripts/nginx-front.sh" "$work" "$app" "$http" "$https")
"${front[@]}" --check > /dev/null 2>&1 || { "${front[@]}" --check; fail "nginx rejects the shipped configuration"; }

# tisheng with few workers, as the attack would need against it alone, trusting nginx.
(cd "$source" && TISHENG_SERVER_PORT=$app TISHENG_STORAGE_DATA_DIR="$work/data" \
  TISHENG_SERVER_MAX_THREADS=8 TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 \
  TISHENG_SERVER_TRUSTED_PROXIES=127.0.0.1 TISHENG_SERVER_PUBLIC_URL=https://v.example.cn \
  TISHENG_SCHEDULER_INTERVAL_SECONDS=0 TISHENG_SECURITY_PASSWORD_COST=10 \
  exec "$binary" serve > "$work/tisheng.log" 2>&1) &
pids+=($!)
"${front[@]}" &
pids+=($!)
for _ in $(seq 100); do
  curl -skf "https://127.0.0.1:$https/healthz" > /dev/null 2>&1 && break
  sleep 0.1
done
curl -skf "https://127.0.0.1:$https/healthz" > /dev/null || fail "not serving through nginx"

# HTTPS with HSTS; plain HTTP is redirected.
headers=$(curl -sk -D - -o /dev/null "https://127.0.0.1:$https/healthz")
grep -qi '^strict-transport-security: max-age=31536000' <<< "$headers" || fail "no HSTS: $headers"
grep -qi '^x-content-type-options: nosniff' <<< "$headers" || fail "tisheng's headers lost"
redirect=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http/directory")
[ "$redirect" = "301 https://127.0.0.1/directory" ] || fail "HTTP not redirected: $redirect"

# The client's address reaches tisheng: a failed login from 127.0.0.2 is throttled as 127.0.0.2,
# and the session cookie is Secure.
status=$(curl -sk --interface 127.0.0.2 -o /dev/null -w '%{http_code}' \
  -d '{"username": "nobody", "password": "wrong password"}' "https://127.0.0.1:$https/api/v1/login")
[ "$status" = 401 ] || fail "login through nginx answered $status"
address=$(sqlite3 "$work/data/tisheng.db" "SELECT address FROM login_failures")
[ "$address" = 127.0.0.2 ] || fail "tisheng saw the client as '$address'"

# The attack: 300 TLS connections sending a request head one byte a second for 25 s.
python3 - "$https" > "$work/attack.log" 2>&1 <<'PY' &
import socket, ssl, sys, time
port = int(sys.argv[1])
context = ssl.create_default_context()
context.check_hostname = False
context.verify_mode = ssl.CERT_NONE
connections = []
for _ in range(300):
    raw = socket.create_connection(("127.0.0.1", port))
    connections.append(context.wrap_socket(raw, server_hostname="v.example.cn"))
head = b"GET /directory HTTP/1.1\r\nHost: v.example.cn\r\nX-Slow: " + b"a" * 40
print("open", len(connections), flush=True)
for byte in head[:25]:
    for c in connections:
        try:
            c.send(bytes([byte]))
        except OSError:
            pass
    time.sleep(1)
PY
pids+=($!)
for _ in $(seq 100); do grep -q '^open' "$work/attack.log" && break; sleep 0.1; done
grep -q '^open 300' "$work/attack.log" || fail "the attack did not start: $(cat "$work/attack.log")"
answered=0
for probe in 1 2 3 4 5 6; do
  sleep 2
  code=$(curl -sk --interface 127.0.0.3 --max-time 5 -o /dev/null -w '%{http_code}' \
    "https://127.0.0.1:$https/healthz" || true)
  [ "$code" = 200 ] && answered=$((answered + 1))
done
[ "$answered" -eq 6 ] || fail "only $answered of 6 probes answered during the attack"
echo "nginx front: TLS, redirect, client address, and 6 of 6 probes answered under a slow-header attack"
