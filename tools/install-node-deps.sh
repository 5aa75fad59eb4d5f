#!/bin/sh
# Installs Node and npm from Debian's packages when they are missing, then the Node
# packages pinned in package-lock.json (the HTML checker, Lighthouse, Decap CMS and its
# local server) when node_modules is missing or older than the lock file.
set -eu
cd "$(dirname "$0")/.."

need_apt=""
command -v node >/dev/null 2>&1 || need_apt="$need_apt nodejs"
command -v npm >/dev/null 2>&1 || need_apt="$need_apt npm"

# shellcheck disable=SC2086 # one argument per package
sh tools/apt-install.sh $need_apt

command -v npm >/dev/null 2>&1 || {
  echo "npm is still missing after installing it: run 'apt-get install nodejs npm' and see what it says." >&2
  exit 1
}

# npm ci writes node_modules/.package-lock.json: older than the lock file means stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the Node packages pinned in package-lock.json (npm ci)"
  # --ignore-scripts: vnu-jar's install script would download a Java of its own; we use Debian's.
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
