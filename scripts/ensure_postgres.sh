#!/usr/bin/env bash
# Make PostgreSQL's server binaries available for the knowledge-base tests, which start their own
# throw-away cluster on loopback. Installs Debian's `postgresql` package when missing and allowed
# (root with apt-get). Without it the PostgreSQL half of those tests is skipped, with the reason.
set -uo pipefail
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "    PostgreSQL server binaries present: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "    PostgreSQL is not installed and cannot be installed here (needs root and apt-get);"
  echo "    the PostgreSQL knowledge-base tests will be skipped. Install Debian's 'postgresql' to run them."
  exit 0
fi
echo "    installing PostgreSQL from Debian's packages (about a minute)"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends postgresql >/dev/null; then
  # The package may start a default cluster; the tests use their own, so stop it again.
  command -v pg_ctlcluster >/dev/null 2>&1 && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1
  done
  echo "    installed: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
else
  echo "    apt-get could not install PostgreSQL; the PostgreSQL tests will be skipped." >&2
fi
exit 0
