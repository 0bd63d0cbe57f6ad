"""The crisis head (coach/safety/head.py): fitted on labelled embeddings, it scores how likely any
crisis is and which kind, the same as the scikit-learn model it was fitted as, and survives a
save and load. (Inside a trained model it is exercised through the real bridge by
test_understanding.py.)"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from coach.safety.head import CrisisHead
from coach.safety.semantic import SAFE


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def labelled() -> tuple[np.ndarray, list[str]]:
    """Three clusters on a 16-dim sphere: self-harm, abuse, and ordinary intents (two names)."""
    rng = np.random.default_rng(7)
    centres = np.eye(16)[:4] * 3
    rows, labels = [], []
    for centre, label in zip(centres, ("crisis_self_harm", "crisis_abuse", "greet", "struggle_dwelling")):
        rows.append(centre + rng.normal(size=(40, 16)))
        labels += [label] * 40
    return _unit(np.vstack(rows)), labels


def test_a_message_near_the_crisis_examples_scores_high_and_names_the_kind(labelled) -> None:
    embeddings, labels = labelled
    head = CrisisHead.fit(embeddings, labels, c=10.0)
    near_abuse, near_ordinary = _unit(np.eye(16)[[1, 3]] * 3 + 0.1)
    assert head.score(near_abuse).kind == "crisis_abuse"
    assert head.score(near_abuse).crisis > 0.9
    assert head.score(near_ordinary).crisis < 0.1


def test_every_other_intent_counts_as_safe_and_the_scores_match_scikit_learn(labelled) -> None:
    from sklearn.linear_model import LogisticRegression

    embeddings, labels = labelled
    head = CrisisHead.fit(embeddings, labels, c=10.0)
    assert sorted(head.classes) == sorted(["crisis_abuse", "crisis_self_harm", SAFE])
    target = [label if label.startswith("crisis_") else SAFE for label in labels]
    reference = LogisticRegression(C=10.0, max_iter=3000).fit(embeddings.astype(np.float64), target)
    expected = 1 - reference.predict_proba(embeddings)[:, list(reference.classes_).index(SAFE)]
    got = np.array([score.crisis for score in head.score_many(embeddings)])
    np.testing.assert_allclose(got, expected, atol=1e-5)


def test_saved_and_loaded_it_scores_the_same(labelled, tmp_path: Path) -> None:
    embeddings, labels = labelled
    head = CrisisHead.fit(embeddings, labels)
    head.save(tmp_path / "head.npz")
    again = CrisisHead.load(tmp_path / "head.npz")
    assert again is not None and again.classes == head.classes
    assert [s.crisis for s in again.score_many(embeddings[:5])] == [s.crisis for s in head.score_many(embeddings[:5])]
    assert CrisisHead.load(tmp_path / "missing.npz") is None


def test_a_head_without_a_safe_class_or_a_crisis_kind_is_refused() -> None:
    with pytest.raises(ValueError):
        CrisisHead(np.zeros((2, 4)), np.zeros(2), ["crisis_abuse", "crisis_self_harm"])
    with pytest.raises(ValueError):
        CrisisHead(np.zeros((2, 4)), np.zeros(2), [SAFE, "greet"])
    with pytest.raises(ValueError):
        CrisisHead(np.zeros((3, 4)), np.zeros(2), [SAFE, "crisis_abuse"])
