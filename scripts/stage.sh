#!/usr/bin/env bash
# Run one named stage of `make run` / `make test` and print how long it took.
#   scripts/stage.sh "name" command args...
set -uo pipefail
name="$1"; shift
printf '\n==> %s\n' "$name"
start=$(date +%s.%N)
"$@"
status=$?
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
if [ $status -eq 0 ]; then
  printf '<== %s: ok in %s s\n' "$name" "$elapsed"
else
  printf '<== %s: FAILED (exit %s) after %s s\n' "$name" "$status" "$elapsed" >&2
fi
exit $status
