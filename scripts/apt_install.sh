#!/usr/bin/env bash
# Install one Debian package for a test stage: `scripts/apt_install.sh PACKAGE "what needs it"`.
# Exits 0 when installed, 1 (after saying why and what gets skipped) when it cannot be: the
# stages that call it go on, and the tests that need the package skip with that reason.
set -uo pipefail
package="$1" needed_by="$2"
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "    '$package' is not installed and cannot be installed here (needs root and apt-get);"
  echo "    $needed_by will be skipped. Install Debian's '$package' package to run them."
  exit 1
fi
echo "    installing '$package' from Debian's packages (a minute or two)"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "$package" >/dev/null; then
  exit 0
fi
echo "    apt-get could not install '$package'; $needed_by will be skipped." >&2
exit 1
