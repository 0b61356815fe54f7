#!/usr/bin/env bash
# Create or update the two virtual environments from the checked-in lock files.
#   .venv-app   Python 3.11: API, knowledge base, routing, web, most tests
#   .venv-rasa  Python 3.10: Rasa 3.6 (which does not support 3.11) and the action server
# An environment is only reinstalled when its lock file changed (stamp holds the lock's hash).
set -euo pipefail
cd "$(dirname "$0")/.."

# Some machines configure extra local package folders that may be absent; pip then prints one
# warning per package. Hide only that noise, keep every other message and pip's exit status.
pip_quietly() {
  local python="$1"; shift
  "$python" -m pip "$@" 2>&1 | grep -v "is ignored: it is neither a file nor a directory" || true
  return "${PIPESTATUS[0]}"
}

ensure_env() {
  local dir="$1" version="$2" lock="$3"
  local stamp="$dir/.lock.sha256" want
  want=$(sha256sum "$lock" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/bin/python" ]; then
    echo "    $dir is up to date ($lock unchanged)"
    return 0
  fi
  local python
  python=$(scripts/find_python.sh "$version")
  if [ ! -x "$dir/bin/python" ]; then
    echo "    creating $dir with $python"
    "$python" -m venv "$dir"
  fi
  echo "    installing $lock into $dir (first time takes a few minutes)"
  local start=$SECONDS
  pip_quietly "$dir/bin/python" install --quiet --upgrade "pip>=23.2"
  pip_quietly "$dir/bin/python" install --quiet --progress-bar off -r "$lock"
  echo "$want" > "$stamp"
  echo "    $dir ready in $((SECONDS - start)) s"
}

ensure_env .venv-app 3.11 requirements/app.lock
ensure_env .venv-rasa 3.10 requirements/rasa.lock
