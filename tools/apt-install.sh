#!/bin/sh
# Installs the Debian packages named as arguments (nothing when there are none), with
# sudo when not root. Shared by install-browser-deps.sh and install-node-deps.sh.
set -eu
[ "$#" -gt 0 ] || exit 0
echo "Installing from Debian's packages: $*"
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=""; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
