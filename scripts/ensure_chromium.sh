#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; `playwright install` cannot
# download browsers on these machines). Without it the browser tests skip, with the reason.
set -uo pipefail
CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  "$(dirname "$0")/apt_install.sh" chromium "the browser tests" || exit 0
fi
echo "    Chromium: $("$CHROMIUM" --version 2>/dev/null | head -1)"
