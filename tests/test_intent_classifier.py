"""The intent classifier's stored weights (bot/rasa/intent_classifier.py): plain arrays, read back to the bit."""

from __future__ import annotations

import tarfile
from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from scipy.sparse import csr_matrix

from bot.rasa.intent_classifier import IntentClassifier
from testing.harness import require_model


def _context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), node_name="intent_classifier")


def test_stored_weights_load_back_and_predict_the_same_to_the_bit(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("intent_classifier")
    trained = IntentClassifier.create({"max_iter": 50}, storage, resource, _context())
    rng = np.random.default_rng(7)
    features = csr_matrix(rng.random((60, 12)))
    labels = ["apology", "anxiety", "money"] * 20
    trained.clf.fit(features, labels)
    trained.persist()

    loaded = IntentClassifier.load({"max_iter": 50}, storage, resource, _context())

    queries = csr_matrix(rng.random((5, 12)))
    assert list(loaded.clf.classes_) == ["anxiety", "apology", "money"]
    assert np.array_equal(loaded.clf.predict_proba(queries), trained.clf.predict_proba(queries))
    stored = sorted(path.name for path in (tmp_path / resource.name).iterdir())
    assert stored == ["weights.npz"]  # no pickle, no skops file


def test_the_trained_model_stores_plain_arrays_not_a_skops_file() -> None:
    with tarfile.open(require_model()) as model:
        names = [name for name in model.getnames() if "IntentClassifier" in name]
    assert any(name.endswith("weights.npz") for name in names)
    assert not any(name.endswith(".skops") for name in names)


def test_the_training_matrix_is_rasas_own_to_the_bit(tmp_path: Path) -> None:
    """Stacked in one pass, the matrix equals Rasa's per-example join: values, dtype, layout."""
    from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
    from rasa.shared.nlu.constants import TEXT
    from rasa.shared.nlu.training_data.features import Features
    from rasa.shared.nlu.training_data.message import Message
    from scipy.sparse import coo_matrix

    rng = np.random.default_rng(11)
    messages = []
    for i in range(40):
        counts = coo_matrix(rng.integers(0, 3, size=(1, 30)) * (rng.random((1, 30)) < 0.2))
        message = Message(data={TEXT: f"message {i}", "intent": "apology" if i % 2 else "money"})
        message.add_features(Features(counts, "sentence", TEXT, "count_vectors"))
        message.add_features(Features(rng.random((1, 8)).astype(np.float32) * 20, "sentence", TEXT, "encoder"))
        messages.append(message)
    classifier = IntentClassifier.create({}, LocalModelStorage(tmp_path), Resource("intent_classifier"), _context())

    ours = classifier._create_X(messages)
    rasas = LogisticRegressionClassifier._create_X(classifier, messages)
    assert ours.shape == rasas.shape == (40, 38) and ours.dtype == rasas.dtype
    assert ours.format == "csr" and (ours != rasas).nnz == 0
    assert np.array_equal(ours.toarray(), rasas.toarray())
    # one message, as at prediction time
    assert np.array_equal(classifier._create_X(messages[:1]).toarray(), rasas[:1].toarray())
