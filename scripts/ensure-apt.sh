#!/usr/bin/env bash
# Installs a Debian package when its binary is missing (root on Debian, as in CI): the tests drive real
# programs (Chromium, redis-server), never downloads of their own.
# Usage: ensure-apt.sh <variable that may name the binary> <default path> <package>
set -euo pipefail
variable="$1" default="$2" package="$3"
binary="${!variable:-$default}"
if [ -x "$binary" ]; then exit 0; fi
echo "$package not found at $binary: installing Debian's $package package"
if [ "$(id -u)" != 0 ]; then echo "Run as root, or set $variable to a $package binary" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
