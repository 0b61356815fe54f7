#!/usr/bin/env bash
# Train the Rasa model only when its inputs changed: config, domain, stories, NLU data and the
# Rasa lock file. The hash of those files is stored beside the model.
set -euo pipefail
cd "$(dirname "$0")/.."
out=var/models
model="$out/bot.tar.gz"
stamp="$out/bot.inputs.sha256"
mkdir -p "$out"

inputs_hash() {
  find config.yml bot/domain bot/stories data/nlu requirements/rasa.lock -type f -name '*' -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

want=$(inputs_hash)
if [ -f "$model" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "    model is current ($model); inputs unchanged, not retraining"
  exit 0
fi
echo "    training the Rasa model (inputs changed or no model yet)"
start=$SECONDS
RASA_TELEMETRY_ENABLED=false PYTHONWARNINGS="ignore::DeprecationWarning" .venv-rasa/bin/rasa train \
  --config config.yml --domain bot/domain --data data/nlu bot/stories \
  --out "$out" --fixed-model-name bot --quiet
echo "$want" > "$stamp"
echo "    model trained in $((SECONDS - start)) s"
