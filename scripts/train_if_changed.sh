#!/usr/bin/env bash
# Train the Rasa model only when its inputs changed: the generated config (which names the spaCy
# pipeline by content hash), domain, stories, NLU data, the safety model's extra examples, the
# custom NLU components and the Rasa lock file. The hash of those files is stored beside the model.
set -euo pipefail
cd "$(dirname "$0")/.."
out=var/models
model="$out/bot.tar.gz"
stamp="$out/bot.inputs.sha256"
config=var/build/config.yml
mkdir -p "$out"
if [ ! -f "$config" ]; then
  echo "missing $config: run 'make build' (it generates the config from config.yml)" >&2
  exit 1
fi

inputs_hash() {
  find "$config" bot/domain bot/stories data/nlu data/safety_model nlu_components requirements/rasa.lock -type f \
    -not -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1
}

want=$(inputs_hash)
if [ -f "$model" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "    model is current ($model); inputs unchanged, not retraining"
  exit 0
fi
echo "    training the Rasa model (inputs changed or no model yet)"
start=$SECONDS
RASA_TELEMETRY_ENABLED=false PYTHONWARNINGS="ignore::DeprecationWarning" .venv-rasa/bin/rasa train \
  --config "$config" --domain bot/domain --data data/nlu bot/stories \
  --out "$out" --fixed-model-name bot --quiet
echo "$want" > "$stamp"
echo "    model trained in $((SECONDS - start)) s"
