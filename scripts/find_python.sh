#!/usr/bin/env bash
# Print the path of a Python interpreter of the requested minor version (3.10 or 3.11).
# Order: $PYTHON310 / $PYTHON311, pythonX.Y on PATH, ~/.pyenv/versions/X.Y*/bin/python,
# `uv python find X.Y`. Exits 1 with installation advice when none is found.
set -euo pipefail
want="${1:?usage: find_python.sh 3.10|3.11}"
var="PYTHON${want/./}"

is_version() {
  [ -x "$1" ] || return 1
  local got
  got=$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || return 1
  [ "$got" = "$want" ]
}

candidates=()
[ -n "${!var:-}" ] && candidates+=("${!var}")
command -v "python$want" >/dev/null 2>&1 && candidates+=("$(command -v "python$want")")
for p in "$HOME"/.pyenv/versions/"$want"*/bin/python; do
  [ -e "$p" ] && candidates+=("$p")
done
if command -v uv >/dev/null 2>&1; then
  found=$(uv python find "$want" 2>/dev/null || true)
  [ -n "$found" ] && candidates+=("$found")
fi

for c in "${candidates[@]}"; do
  if is_version "$c"; then
    # Resolve pyenv shims to the real interpreter so venvs do not depend on the shim.
    "$c" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done

# printf is a builtin: the advice is printed even on a PATH without coreutils.
printf '%s\n' \
  "error: no Python $want found." \
  "  Looked at \$$var, python$want on PATH, ~/.pyenv/versions/$want*, and 'uv python find $want'." \
  "  Install one, for example:" \
  "    pyenv install $want        (then re-run)" \
  "    uv python install $want" \
  "    apt-get install python$want python$want-venv   (where your distribution ships it)" \
  "  or point \$$var at an existing interpreter." >&2
exit 1
