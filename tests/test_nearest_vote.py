"""The nearest training example's vote (coach/nlp/nearest_vote.py) and its place in the classifier."""

from __future__ import annotations

import json
import tarfile

import numpy as np
import pytest

from coach.nlp.nearest_vote import NearestVote
from testing.harness import require_model


def _unit(*values: float) -> np.ndarray:
    vector = np.asarray(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


@pytest.fixture
def vote() -> NearestVote:
    # examples given out of class order: the vote must group them itself
    embeddings = np.stack([_unit(0, 1, 0), _unit(1, 0, 0), _unit(0.9, 0.1, 0), _unit(0, 0, 1)])
    return NearestVote(embeddings, ["b", "a", "a", "c"], classes=["a", "b", "c"])


def test_each_class_scores_its_nearest_example(vote: NearestVote) -> None:
    query = _unit(1, 0.2, 0)
    nearest = vote.nearest(query)
    assert nearest.argmax() == 0
    assert nearest[0] == pytest.approx(max(float(_unit(1, 0, 0) @ query), float(_unit(0.9, 0.1, 0) @ query)), abs=1e-6)
    assert nearest[1] == pytest.approx(float(_unit(0, 1, 0) @ query), abs=1e-6)
    assert nearest[2] == pytest.approx(0.0, abs=1e-6)


def test_the_vote_is_a_distribution_that_sharpens_as_the_temperature_falls(vote: NearestVote) -> None:
    soft, sharp = vote.vote(_unit(1, 0.5, 0), 1.0), vote.vote(_unit(1, 0.5, 0), 0.05)
    assert soft.sum() == pytest.approx(1.0) and sharp.sum() == pytest.approx(1.0)
    assert sharp.argmax() == soft.argmax() == 0
    assert sharp[0] > soft[0]


def test_blending_moves_an_unsure_classifier_towards_the_nearest_example(vote: NearestVote) -> None:
    classifier = np.array([0.3, 0.4, 0.3])  # "b" on top, barely
    blended = vote.blend(classifier, _unit(0, 0, 1), weight=0.4, temperature=0.05)
    assert blended.sum() == pytest.approx(1.0)
    assert blended.argmax() == 2
    assert np.allclose(vote.blend(classifier, _unit(0, 0, 1), weight=0.0, temperature=0.05), classifier)


def test_it_survives_a_save_and_load(vote: NearestVote, tmp_path) -> None:
    vote.save(tmp_path / "vote.npz")
    loaded = NearestVote.load(tmp_path / "vote.npz")
    query = _unit(0.2, 1, 0.1)
    assert loaded.classes == ["a", "b", "c"]
    assert np.allclose(loaded.vote(query, 0.05), vote.vote(query, 0.05))


def test_a_class_without_examples_is_refused() -> None:
    with pytest.raises(ValueError):
        NearestVote(np.stack([_unit(1, 0, 0)]), ["a"], classes=["a", "b"])


def test_the_trained_model_keeps_the_vote_beside_the_classifier() -> None:
    with tarfile.open(require_model()) as model:
        names = model.getnames()
        metadata = json.load(model.extractfile("metadata.json"))
    nodes = json.dumps(metadata["predict_schema"])
    assert '"vote_weight": 0.4' in nodes.replace("0.40", "0.4")
    assert any(name.endswith("nearest_vote.npz") for name in names)
