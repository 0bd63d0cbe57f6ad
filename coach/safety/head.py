"""The crisis head: a signal of the safety net's own, apart from the intent classifier.

A multinomial logistic regression over the sentence embedding alone, with one class per
crisis kind and one for everything else (every other intent's training examples and the
look-alikes), fitted on the same labelled embeddings the meaning layer keeps. Where the
meaning layer asks "which labelled examples is this nearest to?", the head learns the
directions that separate crises from the rest, so a crisis worded like none of the examples
can still score high; and unlike the classifier's crisis intents it does not compete with
forty other intents, so a change in routing cannot quiet it. ``coach.safety.decision``
uses it where the other layers are silent (thresholds in ``SafetyPolicy``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from coach.safety.replies import CRISIS_KINDS
from coach.safety.semantic import SAFE


@dataclass(frozen=True)
class HeadScore:
    """The likeliest crisis kind and how likely any crisis is (1 - P(safe))."""

    kind: str
    crisis: float


class CrisisHead:
    """Softmax weights over unit sentence embeddings: ``classes`` x 384, plus a bias each."""

    def __init__(self, weights: np.ndarray, bias: np.ndarray, classes: Sequence[str]) -> None:
        if weights.shape[0] != len(classes) or bias.shape != (len(classes),):
            raise ValueError("one row of weights and one bias per class")
        if SAFE not in classes or not any(name in CRISIS_KINDS for name in classes):
            raise ValueError("the head needs the safe class and at least one crisis kind")
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)
        self.classes = [str(name) for name in classes]
        self._safe = self.classes.index(SAFE)
        self._crisis = [i for i, name in enumerate(self.classes) if name in CRISIS_KINDS]

    @classmethod
    def fit(cls, embeddings: np.ndarray, labels: Sequence[str], c: float = 10.0) -> "CrisisHead":
        """Fits the head on labelled embeddings (labels outside the crisis kinds count as safe)."""
        from sklearn.linear_model import LogisticRegression

        target = [label if label in CRISIS_KINDS else SAFE for label in labels]
        model = LogisticRegression(C=c, max_iter=3000).fit(np.asarray(embeddings, dtype=np.float64), target)
        return cls(model.coef_, model.intercept_, list(model.classes_))

    def score(self, vector: np.ndarray) -> HeadScore:
        """Scores one unit embedding (shape (d,))."""
        return self.score_many(np.asarray(vector, dtype=np.float32)[None, :])[0]

    def score_many(self, vectors: np.ndarray) -> list[HeadScore]:
        """Scores a batch of embeddings (shape (n, d))."""
        logits = np.asarray(vectors, dtype=np.float32) @ self.weights.T + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probabilities = np.exp(logits)
        probabilities /= probabilities.sum(axis=1, keepdims=True)
        kinds = np.asarray(self._crisis)[np.argmax(probabilities[:, self._crisis], axis=1)]
        return [HeadScore(self.classes[kind], float(1.0 - row[self._safe]))
                for kind, row in zip(kinds, probabilities)]

    def save(self, path: Path) -> None:
        np.savez(path, weights=self.weights, bias=self.bias, classes=np.asarray(self.classes))

    @classmethod
    def load(cls, path: Path) -> Optional["CrisisHead"]:
        """The head stored in a trained model, or None when the model has none."""
        if not path.exists():
            return None
        with np.load(path, allow_pickle=False) as data:
            return cls(data["weights"], data["bias"], [str(name) for name in data["classes"]])
