#!/usr/bin/env bash
# Installs Debian packages whose binaries are missing (root on Debian, as in CI): the tests drive real
# programs (Chromium, Firefox ESR, WebKitGTK, redis-server), never downloads of their own. The missing
# ones are installed together: one package index update, one install.
# Usage: ensure-apt.sh <variable that may name the binary> <default path> <package> [<variable> <path> <package> ...]
set -euo pipefail
missing=()
while [ "$#" -ge 3 ]; do
  variable="$1" default="$2" package="$3"
  shift 3
  binary="${!variable:-$default}"
  if [ -x "$binary" ]; then continue; fi
  echo "$package not found at $binary: installing Debian's $package package"
  if [ "$(id -u)" != 0 ]; then echo "Run as root, or set $variable to a $package binary" >&2; exit 1; fi
  missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
