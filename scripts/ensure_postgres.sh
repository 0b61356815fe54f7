#!/usr/bin/env bash
# Make PostgreSQL's server binaries available for the knowledge-base tests, which start their own
# throw-away cluster on loopback. Installs Debian's `postgresql` package when missing and allowed
# (root with apt-get). Without it the PostgreSQL half of those tests is skipped, with the reason.
set -uo pipefail
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  "$(dirname "$0")/apt_install.sh" postgresql "the PostgreSQL knowledge-base tests" || exit 0
  # The package may start a default cluster; the tests use their own, so stop it again.
  command -v pg_ctlcluster >/dev/null 2>&1 && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1
  done
fi
echo "    PostgreSQL server binaries: $(ls -d /usr/lib/postgresql/*/bin | tail -1)"
