#!/usr/bin/env bash
# Two `tisheng serve` on one PostgreSQL behind the shipped nginx front with
# config/nginx/upstream-two-servers.conf: requests reach both, a session made through one is good
# on the other, and when one is killed -9 nginx keeps answering from the other (reads retried,
# writes served). Usage: nginx-two-servers.sh TISHENG_BINARY
set -euo pipefail
binary=$1
source=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/tisheng-two.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
  "$source/scripts/test-postgres.sh" stop "$work/postgres" || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  for log in a b; do echo "--- tisheng $log"; tail -5 "$work/$log.log" 2> /dev/null || true; done
  echo "--- nginx"; tail -20 "$work/error.log" 2> /dev/null || true
  exit 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
appA=$(free_port); appB=$(free_port); http=$(free_port); https=$(free_port)

admin_url=$("$source/scripts/test-postgres.sh" start "$work/postgres")
psql -q "$admin_url" -c "CREATE DATABASE registry"
export TISHENG_STORAGE_URL="${admin_url/\/postgres?//registry?}"
export TISHENG_KEYS_KEK="the two servers' key-encryption key, a test one"
export TISHENG_SERVER_MAX_CONNECTIONS_PER_ADDRESS=0 TISHENG_SERVER_TRUSTED_PROXIES=127.0.0.1 \
  TISHENG_SCHEDULER_INTERVAL_SECONDS=60 TISHENG_SECURITY_PASSWORD_COST=10
cd "$source"
TISHENG_STORAGE_DATA_DIR="$work/a" "$binary" admin add-county --code shangzhou --zh 商州区 > /dev/null
created=$(TISHENG_STORAGE_DATA_DIR="$work/a" "$binary" admin create-user --username chief --role city_admin)
password=$(sed -n 's/.*with password \([^ ]*\) .*/\1/p' <<< "$created")

TISHENG_SERVER_PORT=$appA TISHENG_STORAGE_DATA_DIR="$work/a" "$binary" serve > "$work/a.log" 2>&1 &
pids+=($!)
serverA=$!
TISHENG_SERVER_PORT=$appB TISHENG_STORAGE_DATA_DIR="$work/b" "$binary" serve > "$work/b.log" 2>&1 &
pids+=($!)
front=("$source/scripts/nginx-front.sh" "$work" "$appA" "$http" "$https")
SECOND_APP_PORT=$appB "${front[@]}" --check > /dev/null 2>&1 ||
  { SECOND_APP_PORT=$appB "${front[@]}" --check; fail "nginx rejects the two-server upstream"; }
SECOND_APP_PORT=$appB "${front[@]}" &
pids+=($!)
for port in "$appA" "$appB"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.1; done
done
for _ in $(seq 100); do curl -skf "https://127.0.0.1:$https/healthz" > /dev/null 2>&1 && break; sleep 0.1; done

site="https://127.0.0.1:$https"
token=$(curl -skf "$site/api/v1/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"chief\",\"password\":\"$password\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
[ -n "$token" ] || fail "no login through nginx"
for _ in $(seq 20); do
  code=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$site/api/v1/session")
  [ "$code" = 200 ] || fail "the session was refused ($code) by one of the servers"
done
# The access log is written every 100 ms.
for _ in $(seq 20); do
  onA=$(grep -c 'GET /api/v1/session' "$work/a.log" || true)
  onB=$(grep -c 'GET /api/v1/session' "$work/b.log" || true)
  [ "$onA" -gt 0 ] && [ "$onB" -gt 0 ] && break
  sleep 0.1
done
[ "$onA" -gt 0 ] && [ "$onB" -gt 0 ] || fail "requests did not reach both servers ($onA, $onB)"

# One server dies: nginx answers from the other, reads and writes.
kill -9 "$serverA"
wait "$serverA" 2> /dev/null || true
for _ in $(seq 10); do
  code=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$site/api/v1/session")
  [ "$code" = 200 ] || fail "a read answered $code after one server died"
done
code=$(curl -sk -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d '{"category":"restaurant","name":{"zh":"商州老街面馆"},"county":"shangzhou"}' "$site/api/v1/entries")
[ "$code" = 201 ] || fail "a write answered $code after one server died"
echo "two servers behind nginx: both served ($onA and $onB of 20 session checks), one session on both, reads and writes go on after kill -9 of one"
