#!/usr/bin/env bash
# The cross-engine tests drive Debian's Firefox ESR and WebKitGTK (WebKitWebDriver, and MiniBrowser from
# libwebkit2gtk-4.1-0), WebKitGTK under Xvfb: each installed when missing, never downloaded otherwise.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/ensure-apt.sh" FIREFOX_PATH /usr/bin/firefox-esr firefox-esr
bash "$here/ensure-apt.sh" WEBKIT_DRIVER_PATH /usr/bin/WebKitWebDriver webkit2gtk-driver
bash "$here/ensure-apt.sh" XVFB_RUN_PATH /usr/bin/xvfb-run xvfb
