"""The semantic safety layer: is a message's meaning nearer to labelled crises or to look-alikes?

Every labelled example (the crisis intents' training examples, every other intent's, and
the look-alikes in ``lookalikes.yml``: owning a wrong, figures of speech about dying,
anger, hurt) is kept as a unit sentence embedding with its label. A message is scored by
its ``k`` nearest examples of each crisis kind and its ``k`` nearest non-crisis examples
(mean cosine); ``SemanticScores.margin`` is how much nearer the closest crisis kind is.
Thresholds are not decided here but in ``coach.safety.decision``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np
import yaml

from coach.safety.replies import CRISIS_KINDS

SAFE = "safe"
LOOKALIKES_PATH = Path(__file__).with_name("lookalikes.yml")


def lookalike_texts(path: Path = LOOKALIKES_PATH) -> list[str]:
    """Every look-alike message in the YAML file (its groups flattened)."""
    groups = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [str(text) for texts in groups.values() for text in texts or ()]


@dataclass(frozen=True)
class SemanticScores:
    """The nearest crisis kind, how near it is, and how near the nearest safe examples are."""

    kind: Optional[str]
    crisis: float
    safe: float

    @property
    def margin(self) -> float:
        return self.crisis - self.safe


class SemanticNet:
    """Labelled unit embeddings, scored by the mean cosine of the k nearest of each label."""

    def __init__(self, embeddings: np.ndarray, labels: Sequence[str], k: int = 3) -> None:
        if len(embeddings) != len(labels):
            raise ValueError("one label per embedding")
        self.embeddings = np.asarray(embeddings, dtype=np.float32)
        self.labels = np.asarray([label if label in CRISIS_KINDS else SAFE for label in labels])
        self.k = k
        self._groups = {
            label: np.flatnonzero(self.labels == label) for label in (*CRISIS_KINDS, SAFE)
        }

    def _nearest(self, similarities: np.ndarray, label: str) -> float:
        members = self._groups[label]
        if members.size == 0:
            return -1.0
        values = similarities[members]
        k = min(self.k, values.size)
        return float(np.mean(np.partition(values, -k)[-k:]))

    def scores(self, vector: np.ndarray) -> SemanticScores:
        """Scores one unit embedding (shape (d,))."""
        similarities = self.embeddings @ np.asarray(vector, dtype=np.float32)
        crisis = {kind: self._nearest(similarities, kind) for kind in CRISIS_KINDS}
        kind = max(crisis, key=crisis.__getitem__)
        if crisis[kind] <= -1.0:
            return SemanticScores(None, -1.0, self._nearest(similarities, SAFE))
        return SemanticScores(kind, crisis[kind], self._nearest(similarities, SAFE))

    def save(self, path: Path) -> None:
        np.savez(path, embeddings=self.embeddings, labels=self.labels, k=np.int64(self.k))

    @classmethod
    def load(cls, path: Path) -> "SemanticNet":
        with np.load(path, allow_pickle=False) as data:
            return cls(data["embeddings"], [str(label) for label in data["labels"]], int(data["k"]))

    @classmethod
    def from_examples(cls, embeddings: np.ndarray, labels: Iterable[str], k: int = 3) -> "SemanticNet":
        return cls(embeddings, list(labels), k)
