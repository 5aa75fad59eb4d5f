#!/bin/sh
# Installs what the browser tests and `make audit` need and a fresh machine lacks:
# Debian's Chromium (a test tool's own browser download cannot work here; Debian's
# package can), Java for the Nu HTML Checker, and (through install-node-deps.sh) Node,
# npm and the Node packages pinned in package-lock.json (vnu-jar, lighthouse).
set -eu
cd "$(dirname "$0")/.."

need_apt=""
[ -x /usr/bin/chromium ] || need_apt="$need_apt chromium"
fc-list 2>/dev/null | grep -qi dejavu || need_apt="$need_apt fonts-dejavu-core"
command -v java >/dev/null 2>&1 || need_apt="$need_apt default-jre-headless"

# shellcheck disable=SC2086 # one argument per package
sh tools/apt-install.sh $need_apt

/usr/bin/chromium --version >/dev/null 2>&1 || {
  echo "Chromium is still missing after installing it: run 'apt-get install chromium' and see what it says." >&2
  exit 1
}
java -version >/dev/null 2>&1 || {
  echo "Java is still missing after installing it: run 'apt-get install default-jre-headless' and see what it says." >&2
  exit 1
}

sh tools/install-node-deps.sh
[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || {
  echo "node_modules/vnu-jar/build/dist/vnu.jar is missing after 'npm ci': run 'npm ci' and see what it says." >&2
  exit 1
}
