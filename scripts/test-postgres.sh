#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for the tests: `start DIR` creates a cluster in DIR (initdb), starts it
# listening only on a Unix socket in DIR, and prints its address; `stop DIR` stops it and deletes
# DIR. No system service, no TCP port, nothing left running. As root, the server runs as `nobody`
# (PostgreSQL refuses to run as root).
set -euo pipefail
action=${1:?usage: test-postgres.sh start|stop DIR}
dir=${2:?usage: test-postgres.sh start|stop DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server not installed (Debian postgresql-15)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

case $action in
  start)
    "$0" stop "$dir" 2>/dev/null || true
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown nobody "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U tisheng --auth=trust -E UTF8 --locale=C.UTF-8 \
      > "$dir/initdb.log"
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start -o \
      "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=300 \
       -c shared_buffers=64MB" > /dev/null
    echo "postgresql://tisheng@/postgres?host=$dir"
    ;;
  stop)
    [ -d "$dir/data" ] && as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: test-postgres.sh start|stop DIR" >&2; exit 2 ;;
esac
