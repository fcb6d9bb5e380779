#!/usr/bin/env bash
# Installs the Debian packages Tisheng needs to build, run and test, if any are missing.
# Idempotent: does nothing (and needs no network) when everything is installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git clang-format clang-tidy
  libpoco-dev libsqlite3-dev libssl-dev libqrencode-dev nlohmann-json3-dev
  catch2
  curl
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
