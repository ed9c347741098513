#!/usr/bin/env bash
# The cluster tests share state between processes through a real Redis (Debian's redis-server): installed
# when it is missing. Tests start their own server on 127.0.0.1 and stop it by pid; the service the package
# starts on install is stopped again (it is ours: this script started it).
set -euo pipefail
if [ -x "${REDIS_SERVER_PATH:-/usr/bin/redis-server}" ]; then exit 0; fi
bash "$(dirname "$0")/ensure-apt.sh" REDIS_SERVER_PATH /usr/bin/redis-server redis-server
if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then systemctl stop redis-server || true
elif command -v service >/dev/null; then service redis-server stop >/dev/null 2>&1 || true; fi
