#!/usr/bin/env bash
# Installs the Debian packages Tisheng needs to build, run and test, if any are missing.
# Idempotent: does nothing (and needs no network) when everything is installed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  # build
  build-essential cmake pkg-config git clang-format clang-tidy
  # the sanitizer build and libFuzzer
  clang
  libpoco-dev libsqlite3-dev libssl-dev libqrencode-dev nlohmann-json3-dev
  libcairo2-dev libpango1.0-dev libpng-dev libcctz-dev tzdata
  libturbojpeg0-dev libexif-dev
  # the PostgreSQL backend (libpq), and the server the tests start for themselves
  libpq-dev postgresql-15
  # plaques: Chinese and monospace fonts
  fonts-noto-cjk fonts-dejavu-core
  # tests: the tools that check what we produce
  catch2 curl openssl zbar-tools poppler-utils python3-yaml libjpeg-turbo-progs
  libimage-exiftool-perl sqlite3
  # the production front, tested with its shipped configuration; load for the soak test
  nginx-light wrk
  # browser tests: Debian's Chromium driven by playwright-core from npm
  chromium
)

missing=()
command -v node > /dev/null || missing+=(nodejs)
command -v npm > /dev/null || missing+=(npm)
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  # The tests start their own PostgreSQL (scripts/test-postgres.sh): no system cluster wanted.
  if [[ " ${missing[*]} " == *" postgresql-15 "* ]]; then
    $sudo mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf > /dev/null
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confold "${missing[@]}"
fi

# playwright-core drives the system Chromium; it never downloads a browser of its own. Preact,
# htm and idb-keyval are copied into the admin UI by scripts/build-admin-ui.sh.
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/preact ] ||
   [ ! -d node_modules/htm ] || [ ! -d node_modules/idb-keyval ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
