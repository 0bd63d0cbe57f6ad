"""``IntentClassifier``: Rasa's logistic regression with its weights laid out for one message.

Rasa 3.6's ``LogisticRegressionClassifier`` asks scikit-learn for ``X @ coef_.T`` with ``X``
one sparse row. ``coef_`` is stored row-major (classes x features), so its transpose is
column-major, and scipy's sparse-times-dense product flattens it with ``ravel()``: a copy
of the whole weight matrix (63 classes x ~50,000 count and embedding columns) on every
message, about 3.4 ms of a parse in the profile (``python -m bench.profile_handle``).
Keeping ``coef_`` column-major makes that transpose row-major, so the product reads the
weights in place. The numbers are the same to the last bit (the same products and sums);
training is Rasa's own.

The fitted weights are stored as plain arrays (``weights.npz``: ``coef_``, ``intercept_``,
``classes_``, read with ``allow_pickle=False``), not with Rasa's skops file: importing
``skops.io`` scans every loaded module's public names and took 6.1 of the model's 8.4 s
load on this machine (and as long again in training, to write the file). Numbers are
unchanged to the bit (float64, as fitted). A model stored by Rasa's own classifier still
loads through Rasa.

The training matrix is stacked once (every example's sparse row, then every dense row)
instead of Rasa's two small matrices joined per example and then stacked: the same matrix
to the bit, and `rasa train` from clean 95.3 -> 79.2 s (docs/BENCHMARKS.md, stop 22).

Its probabilities are then blended with the nearest training example's vote
(``coach.nlp.nearest_vote``; ``vote_weight`` 0 turns it off): the training examples' unit
sentence embeddings (``SENTENCE_EMBEDDING``, set by the sentence featurizer) are kept beside
the classifier in ``nearest_vote.npz``. A model trained without it loads without a vote.

    - name: bot.rasa.intent_classifier.IntentClassifier
      max_iter: 100
      vote_weight: 0.4
      vote_temperature: 0.05
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, vstack

from bot.rasa.sentence_features import SENTENCE_EMBEDDING
from coach.nlp.nearest_vote import NearestVote

logger = logging.getLogger(__name__)
_VOTE_FILE = "nearest_vote.npz"
_WEIGHTS_FILE = "weights.npz"


def lay_out_for_prediction(classifier: Any) -> None:
    """Store a fitted scikit-learn linear model's ``coef_`` column-major (no-op if unfitted)."""
    coef = getattr(classifier, "coef_", None)
    if isinstance(coef, np.ndarray) and not coef.flags.f_contiguous:
        classifier.coef_ = np.asfortranarray(coef)


def _restore(classifier: Any, path: Any) -> None:
    """Give an unfitted scikit-learn logistic regression the fitted arrays stored at ``path``."""
    with np.load(path, allow_pickle=False) as stored:
        classifier.coef_ = stored["coef"]
        classifier.intercept_ = stored["intercept"]
        classifier.classes_ = stored["classes"]
    classifier.n_features_in_ = classifier.coef_.shape[1]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` read in place, blended with the nearest example's vote."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Rasa's, plus the vote's weight (0: off) and softmax temperature."""
        return {**LogisticRegressionClassifier.get_default_config(), "vote_weight": 0.0, "vote_temperature": 0.05}

    def __init__(self, config: Dict[Text, Any], name: Text, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        self.vote: Optional[NearestVote] = None

    def _create_X(self, messages: List[Message]) -> csr_matrix:
        """Rasa's matrix (sparse sentence features, then dense), stacked in one pass."""
        sparse = [message.get_sparse_features(attribute=TEXT)[1] for message in messages]
        dense = [message.get_dense_features(attribute=TEXT)[1] for message in messages]
        if not messages or any(s is None for s in sparse) or any(d is None for d in dense):
            return super()._create_X(messages)  # Rasa's own path for the unusual cases
        rows = vstack([s.features for s in sparse], format="csr")
        return hstack([rows, csr_matrix(np.vstack([d.features for d in dense]))], format="csr")

    def train(self, training_data: TrainingData) -> Resource:
        """Train as Rasa does, keep the examples' embeddings for the vote, lay the weights out."""
        X, y = self._create_training_matrix(training_data)
        if X.shape[0] == 0:
            return self._resource
        self.clf.fit(X, y)
        examples = [m for m in training_data.intent_examples if m.get(INTENT) and m.get(TEXT)]
        embeddings = [m.get(SENTENCE_EMBEDDING) for m in examples]
        if self.config["vote_weight"] > 0 and all(e is not None for e in embeddings):
            self.vote = NearestVote(np.stack(embeddings), [m.get(INTENT) for m in examples],
                                    [str(name) for name in self.clf.classes_])
        self.persist()
        lay_out_for_prediction(self.clf)
        return self._resource

    def persist(self) -> None:
        """The fitted weights as plain arrays, and the vote's embeddings beside them."""
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / _WEIGHTS_FILE, coef=np.ascontiguousarray(self.clf.coef_),
                     intercept=self.clf.intercept_, classes=np.asarray([str(name) for name in self.clf.classes_]))
            if self.vote is not None:
                self.vote.save(directory / _VOTE_FILE)

    def process(self, messages: List[Message]) -> List[Message]:
        """Rasa's ranking, or with a vote: the blended probabilities, ranked the same way."""
        if self.vote is None or self.config["vote_weight"] <= 0 or not messages:
            return super().process(messages)
        probabilities = self.clf.predict_proba(self._create_X(messages))
        for message, row in zip(messages, probabilities):
            embedding = message.get(SENTENCE_EMBEDDING)
            if embedding is not None:
                row = self.vote.blend(row, embedding, self.config["vote_weight"], self.config["vote_temperature"])
            ranking = sorted(({"name": str(name), "confidence": float(value)} for name, value in zip(self.clf.classes_, row)),
                             key=lambda entry: -entry["confidence"])
            message.set(INTENT, ranking[0], add_to_output=True)
            length = self.config["ranking_length"]
            message.set(INTENT_RANKING_KEY, ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "IntentClassifier":
        """Read the weights (or Rasa's own file), lay them out for prediction, read the vote if stored."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                if (directory / _WEIGHTS_FILE).exists():
                    _restore(component.clf, directory / _WEIGHTS_FILE)
                else:  # stored by Rasa's own classifier (skops)
                    component = super().load(config, model_storage, resource, execution_context, **kwargs)
                if (directory / _VOTE_FILE).exists():
                    component.vote = NearestVote.load(directory / _VOTE_FILE)
        except ValueError:
            logger.debug("No intent classifier stored; it is untrained.")
        lay_out_for_prediction(component.clf)
        classes = [str(name) for name in getattr(component.clf, "classes_", [])]
        if component.vote is not None and component.vote.classes != classes:
            logger.warning("The stored nearest-example vote does not match the classifier's intents; not used.")
            component.vote = None
        return component
