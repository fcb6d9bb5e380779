#!/usr/bin/env bash
# Style checks run by CTest: `check-style.sh format` (clang-format, no changes allowed) and
# `check-style.sh tidy BUILD_DIR` (clang-tidy on the library sources, warnings are errors).
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  format)
    git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror
    echo "format: ok"
    ;;
  tidy)
    build=${2:?usage: check-style.sh tidy BUILD_DIR}
    git ls-files 'rating-rules/*.cpp' 'server/*.cpp' 'certificates/*.cpp' \
      | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet
    echo "tidy: ok"
    ;;
  *)
    echo "usage: check-style.sh format | tidy BUILD_DIR" >&2
    exit 2
    ;;
esac
