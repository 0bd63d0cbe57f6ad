#!/usr/bin/env bash
# Trains the Rasa model only when the training data, domain or config changed.
# Rasa's own fingerprint cache decides (`rasa train --dry-run` exits 0 when nothing
# changed); the model is always models/trustcoach.tar.gz. Rasa 3.6's dry run misses two
# kinds of domain change: the session_config, and the responses' texts and buttons (a
# plain `rasa train` then only repackages, in about ten seconds), so both are compared
# with what the model holds. The safety net's look-alikes (coach/safety/lookalikes.yml) are read
# by the component itself, so a newer file than the model retrains too.
set -euo pipefail
cd "$(dirname "$0")/.."
MODEL=models/trustcoach.tar.gz
train() { .venv/bin/rasa train --fixed-model-name trustcoach --out models --quiet "$@"; }
domain_changed() {
  .venv/bin/python - "$MODEL" <<'PY'
import sys, tarfile, yaml
with tarfile.open(sys.argv[1]) as model:
    trained = yaml.safe_load(model.extractfile("components/domain_provider/domain.yml"))
with open("domain.yml", encoding="utf-8") as domain:
    wanted = yaml.safe_load(domain)
changed = any(trained.get(key) != wanted.get(key) for key in ("session_config", "responses"))
sys.exit(0 if changed else 1)
PY
}
if [ ! -f "$MODEL" ]; then
  echo "No model yet: training one (about two minutes)..."
  train
elif ! .venv/bin/rasa train --dry-run --quiet >/dev/null 2>&1; then
  echo "Training data or config changed: retraining..."
  train
elif domain_changed; then
  echo "The domain's responses or session settings changed: retraining..."
  train --force
elif [ coach/safety/lookalikes.yml -nt "$MODEL" ]; then
  # the safety net reads its look-alikes itself, outside Rasa's fingerprint of the training data
  echo "The safety net's look-alikes changed: retraining..."
  train --force
else
  echo "Model is up to date: $MODEL"
fi
