#!/usr/bin/env bash
# The cluster tests share state between processes through a real Redis (Debian's redis-server): install it
# when it is missing (root on Debian, as in CI). Tests start their own server on 127.0.0.1 and stop it by pid.
set -euo pipefail
redis="${REDIS_SERVER_PATH:-/usr/bin/redis-server}"
if [ -x "$redis" ]; then exit 0; fi
echo "redis-server not found at $redis: installing Debian's redis-server package"
if [ "$(id -u)" != 0 ]; then echo "Run as root, or set REDIS_SERVER_PATH to a redis-server binary" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq redis-server >/dev/null
# The package starts a system service; the tests run their own server, so it is stopped (if systemd runs at all).
if command -v systemctl >/dev/null && systemctl is-active --quiet redis-server 2>/dev/null; then systemctl stop redis-server || true; fi
