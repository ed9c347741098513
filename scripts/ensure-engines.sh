#!/usr/bin/env bash
# The cross-engine tests drive Debian's Firefox ESR and WebKitGTK (WebKitWebDriver, and MiniBrowser from
# libwebkit2gtk-4.1-0), WebKitGTK under Xvfb: those missing are installed, never downloaded otherwise.
set -euo pipefail
exec bash "$(dirname "$0")/ensure-apt.sh" \
  FIREFOX_PATH /usr/bin/firefox-esr firefox-esr \
  WEBKIT_DRIVER_PATH /usr/bin/WebKitWebDriver webkit2gtk-driver \
  XVFB_RUN_PATH /usr/bin/xvfb-run xvfb
