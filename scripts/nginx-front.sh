#!/usr/bin/env bash
# Runs the shipped production front, config/nginx/tisheng.conf, on this machine's loopback for
# tests and benchmarks: the site changed only in ports, upstream and certificate paths (a fresh
# self-signed certificate; no IPv6), in nginx in the foreground with everything under WORK
# (error.log, nginx.pid, temp/). With --check it only tests the configuration. When
# SECOND_APP_PORT is set, the upstream is config/nginx/upstream-two-servers.conf on APP_PORT and
# SECOND_APP_PORT.
# usage: scripts/nginx-front.sh WORK APP_PORT HTTP_PORT HTTPS_PORT [--check]
set -euo pipefail
work=$1 app=$2 http=$3 https=$4
source=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$work/temp"
[ -f "$work/cert.pem" ] || openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
  -nodes -days 2 -subj /CN=v.example.cn -keyout "$work/key.pem" -out "$work/cert.pem" 2> /dev/null
sed -e "/listen \[::\]/d" -e "s/listen 80;/listen 127.0.0.1:$http;/" \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$https ssl http2;/" \
    -e "s/server 127.0.0.1:8080;/server 127.0.0.1:$app;/" \
    -e "s|/etc/ssl/tisheng/fullchain.pem|$work/cert.pem|" \
    -e "s|/etc/ssl/tisheng/privkey.pem|$work/key.pem|" \
    "$source/config/nginx/tisheng.conf" > "$work/site.conf"
if [ -n "${SECOND_APP_PORT:-}" ]; then
  sed -e "s/server 127.0.0.1:8080 /server 127.0.0.1:$app /" \
      -e "s/server 127.0.0.1:8081 /server 127.0.0.1:$SECOND_APP_PORT /" \
      "$source/config/nginx/upstream-two-servers.conf" > "$work/upstream.conf"
  sed -i -e "/^upstream tisheng {/,/^}/d" "$work/site.conf"
  sed -i "1r $work/upstream.conf" "$work/site.conf"
fi
cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/temp/body;
  proxy_temp_path $work/temp/proxy;
  fastcgi_temp_path $work/temp/fastcgi;
  uwsgi_temp_path $work/temp/uwsgi;
  scgi_temp_path $work/temp/scgi;
  include $work/site.conf;
}
CONF
[ "$(id -u)" -eq 0 ] && sed -i "1i user root root;" "$work/nginx.conf"
if [ "${5:-}" = "--check" ]; then
  exec nginx -t -p "$work" -c "$work/nginx.conf"
fi
exec nginx -p "$work" -c "$work/nginx.conf"
