#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; `playwright install` cannot
# download browsers on these machines). Installs the `chromium` package when missing and allowed
# (root with apt-get). Without it the browser tests are skipped, with this reason printed.
set -uo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  echo "    Chromium present: $("$CHROMIUM" --version 2>/dev/null | head -1)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "    Chromium is not installed and cannot be installed here (needs root and apt-get);"
  echo "    the browser tests will be skipped. Install Debian's 'chromium' package to run them."
  exit 0
fi
echo "    installing Chromium from Debian's packages (a minute or two)"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "    installed: $("$CHROMIUM" --version 2>/dev/null | head -1)"
else
  echo "    apt-get could not install Chromium; the browser tests will be skipped." >&2
fi
exit 0
