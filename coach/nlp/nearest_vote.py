"""The nearest training example's vote on a message's intent, to blend with the classifier's.

The logistic regression reads count vectors and the sentence embedding side by side and
learns one weight per column; a message worded unlike any training example leans on the
words it shares with them. The vote asks a different question: which intent's closest
training example is nearest in meaning (cosine of unit sentence embeddings)? Turned into
a distribution with a softmax of the per-intent best cosines (``temperature``), it is
mixed into the classifier's probabilities with ``weight``:

    p = (1 - weight) * classifier + weight * softmax(best cosine per intent / temperature)

Measured on the held-out sets that are not trained on (docs/NLU.md, stop 17).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np


class NearestVote:
    """Unit embeddings of the training examples, grouped by intent in the classifier's order."""

    def __init__(self, embeddings: np.ndarray, labels: Sequence[str], classes: Sequence[str]) -> None:
        index = {name: i for i, name in enumerate(classes)}
        codes = np.array([index[label] for label in labels])
        if len(embeddings) != len(codes) or set(codes) != set(range(len(classes))):
            raise ValueError("every class needs at least one example and every example a class")
        order = np.argsort(codes, kind="stable")
        self.embeddings = np.ascontiguousarray(np.asarray(embeddings, dtype=np.float32)[order])
        self.starts = np.searchsorted(codes[order], np.arange(len(classes)))
        self.classes = list(classes)

    def nearest(self, embedding: np.ndarray) -> np.ndarray:
        """Per class (in the classifier's order), the cosine of its nearest training example."""
        return np.maximum.reduceat(self.embeddings @ np.asarray(embedding, dtype=np.float32), self.starts)

    def vote(self, embedding: np.ndarray, temperature: float) -> np.ndarray:
        """The nearest cosines as a distribution over the classes."""
        best = self.nearest(embedding)
        scaled = np.exp((best - best.max()) / temperature)
        return scaled / scaled.sum()

    def blend(self, probabilities: np.ndarray, embedding: np.ndarray, weight: float, temperature: float) -> np.ndarray:
        """The classifier's probabilities mixed with the vote (both sum to 1, so does the mix)."""
        return (1.0 - weight) * np.asarray(probabilities) + weight * self.vote(embedding, temperature)

    def save(self, path: Path) -> None:
        np.savez(path, embeddings=self.embeddings, starts=self.starts, classes=np.asarray(self.classes))

    @classmethod
    def load(cls, path: Path) -> "NearestVote":
        with np.load(path, allow_pickle=False) as data:
            vote = cls.__new__(cls)
            vote.embeddings = np.ascontiguousarray(data["embeddings"], dtype=np.float32)
            vote.starts = data["starts"]
            vote.classes = [str(name) for name in data["classes"]]
        return vote
