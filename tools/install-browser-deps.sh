#!/bin/sh
# Installs what the browser tests need and a fresh machine lacks: Debian's Chromium.
# (A test tool's own browser download cannot work here; Debian's package can.)
set -eu

need_apt=""
[ -x /usr/bin/chromium ] || need_apt="$need_apt chromium"
fc-list 2>/dev/null | grep -qi dejavu || need_apt="$need_apt fonts-dejavu-core"

if [ -n "$need_apt" ]; then
  echo "Installing from Debian's packages:$need_apt"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need_apt >/dev/null
fi

/usr/bin/chromium --version >/dev/null 2>&1 || {
  echo "Chromium is still missing after installing it: run 'apt-get install chromium' and see what it says." >&2
  exit 1
}
