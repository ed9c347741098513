#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium; install it when it is missing (root on Debian, as in CI).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
echo "Chromium not found at $chromium: installing Debian's chromium package"
if [ "$(id -u)" != 0 ]; then echo "Run as root, or set CHROMIUM_PATH to a Chromium binary" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
