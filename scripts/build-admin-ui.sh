#!/usr/bin/env bash
# Assembles the admin UI that `tisheng serve` serves under /admin/: the sources in admin-ui/
# plus Preact, htm and idb-keyval copied from node_modules (installed by `npm ci`, see
# scripts/install-deps.sh). No bundler: the one change to a vendor file is pointing the hooks
# module's bare `from "preact"` at the copied file, since an import map would be an inline
# script and the CSP allows none.
# usage: scripts/build-admin-ui.sh SOURCE_DIR OUTPUT_DIR
set -euo pipefail
source_dir=$1
out=$2
modules=$source_dir/node_modules
for file in preact/dist/preact.module.js preact/hooks/dist/hooks.module.js \
            htm/dist/htm.module.js idb-keyval/dist/index.js; do
  if [ ! -f "$modules/$file" ]; then
    echo "build-admin-ui: $modules/$file is missing; run 'npm ci' (make deps does)" >&2
    exit 1
  fi
done
staging=$(mktemp -d "$out.staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
cp -R "$source_dir/admin-ui/." "$staging/"
mkdir -p "$staging/vendor"
strip_map() { sed -e '/^\/\/# sourceMappingURL=/d' -e 's@//# sourceMappingURL=.*$@@' "$1"; }
strip_map "$modules/preact/dist/preact.module.js" > "$staging/vendor/preact.js"
strip_map "$modules/preact/hooks/dist/hooks.module.js" \
  | sed -e 's@from *"preact"@from"./preact.js"@g' > "$staging/vendor/hooks.js"
strip_map "$modules/htm/dist/htm.module.js" > "$staging/vendor/htm.js"
strip_map "$modules/idb-keyval/dist/index.js" > "$staging/vendor/idb-keyval.js"
if grep -q 'from *"preact"' "$staging/vendor/hooks.js"; then
  echo "build-admin-ui: hooks.js still imports a bare specifier" >&2
  exit 1
fi
# Preloads: the app shell's modules in index.html, each lazy screen's in src/preloads.js.
node "$source_dir/scripts/admin-ui-modules.mjs" "$staging"
# The service worker learns the files to keep offline and a version that changes with any of them.
files=$(cd "$staging" && find . -type f ! -name sw.js ! -name '.*' | sed 's@^\./@@' | LC_ALL=C sort)
version=$(cd "$staging" && echo "$files" | xargs sha256sum | sha256sum | cut -c1-16)
list=$(echo "$files" | sed 's/.*/"&"/' | paste -sd, -)
sed -i -e "s@^const version = .*@const version = '$version';@" \
       -e "s@^const files = \[\];@const files = [$list];@" "$staging/sw.js"
if ! grep -q "^const version = '$version';" "$staging/sw.js"; then
  echo "build-admin-ui: could not write the version into sw.js" >&2
  exit 1
fi
rm -rf "$out"
mv "$staging" "$out"
trap - EXIT
touch "$out/.built"
