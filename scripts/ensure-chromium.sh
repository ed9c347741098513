#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium: installed when it is missing.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-apt.sh" CHROMIUM_PATH /usr/bin/chromium chromium
