#!/usr/bin/env bash
# Trains the Rasa model only when the training data, domain or config changed.
# Rasa's own fingerprint cache decides (`rasa train --dry-run` exits 0 when nothing
# changed); the model is always models/trustcoach.tar.gz.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=models/trustcoach.tar.gz
train() { .venv/bin/rasa train --fixed-model-name trustcoach --out models --quiet; }
if [ ! -f "$MODEL" ]; then
  echo "No model yet: training one (about two minutes)..."
  train
elif .venv/bin/rasa train --dry-run --quiet >/dev/null 2>&1; then
  echo "Model is up to date: $MODEL"
else
  echo "Training data or config changed: retraining..."
  train
fi
