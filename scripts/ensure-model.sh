#!/usr/bin/env bash
# Trains the Rasa model only when the training data, domain or config changed.
# Rasa's own fingerprint cache decides (`rasa train --dry-run` exits 0 when nothing
# changed); the model is always models/trustcoach.tar.gz. Rasa 3.6's fingerprint leaves
# out the domain's session_config, so a change there is checked for separately.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=models/trustcoach.tar.gz
train() { .venv/bin/rasa train --fixed-model-name trustcoach --out models --quiet "$@"; }
session_config_changed() {
  .venv/bin/python - "$MODEL" <<'PY'
import sys, tarfile, yaml
with tarfile.open(sys.argv[1]) as model:
    trained = yaml.safe_load(model.extractfile("components/domain_provider/domain.yml"))
with open("domain.yml", encoding="utf-8") as domain:
    wanted = yaml.safe_load(domain)
sys.exit(0 if trained.get("session_config") != wanted.get("session_config") else 1)
PY
}
if [ ! -f "$MODEL" ]; then
  echo "No model yet: training one (about two minutes)..."
  train
elif ! .venv/bin/rasa train --dry-run --quiet >/dev/null 2>&1; then
  echo "Training data or config changed: retraining..."
  train
elif session_config_changed; then
  echo "The domain's session settings changed: retraining..."
  train --force
else
  echo "Model is up to date: $MODEL"
fi
