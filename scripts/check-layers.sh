#!/bin/sh
# The server's folders depend one way (README "Layout"): each may include only the folders
# listed for it. Run by CTest as style.layers; prints every include that breaks the rule.
set -eu
cd "$(dirname "$0")/../server"
allowed() {
  case "$1" in
    domain) echo "" ;;
    security) echo "domain" ;;
    storage) echo "domain security" ;;
    services) echo "domain security storage" ;;
    http) echo "security" ;;
    web) echo "domain http services" ;;
    api) echo "domain security storage services http web" ;;
    app) echo "domain security storage services http web api" ;;
    cli) echo "domain security storage services http web api app" ;;
  esac
}
status=0
for folder in domain security storage services http web api app cli; do
  ok=$(allowed "$folder")
  for line in $(grep -rnoE '#include "[a-z]+/' "$folder" | sed -E 's/#include "//; s/\/$//'); do
    target=${line##*:}
    [ "$target" = "$folder" ] && continue
    case " $ok rules certificates " in
      *" $target "*) ;;
      *) echo "server/${line%:*}: $folder/ may not include $target/"; status=1 ;;
    esac
  done
done
[ "$status" -eq 0 ] && echo "layers: ok"
exit "$status"
