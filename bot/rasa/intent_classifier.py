"""``IntentClassifier``: Rasa's logistic regression with its weights laid out for one message.

Rasa 3.6's ``LogisticRegressionClassifier`` asks scikit-learn for ``X @ coef_.T`` with ``X``
one sparse row. ``coef_`` is stored row-major (classes x features), so its transpose is
column-major, and scipy's sparse-times-dense product flattens it with ``ravel()``: a copy
of the whole weight matrix (63 classes x ~50,000 count and embedding columns) on every
message, about 3.4 ms of a parse in the profile (``python -m bench.profile_handle``).
Keeping ``coef_`` column-major makes that transpose row-major, so the product reads the
weights in place. The numbers are the same to the last bit (the same products and sums);
training, the persisted file and everything else are Rasa's own.

    - name: bot.rasa.intent_classifier.IntentClassifier
      max_iter: 100
"""

from __future__ import annotations

from typing import Any, Dict, Text

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.training_data import TrainingData


def lay_out_for_prediction(classifier: Any) -> None:
    """Store a fitted scikit-learn linear model's ``coef_`` column-major (no-op if unfitted)."""
    coef = getattr(classifier, "coef_", None)
    if isinstance(coef, np.ndarray) and not coef.flags.f_contiguous:
        classifier.coef_ = np.asfortranarray(coef)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class IntentClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` whose weights are read in place when predicting."""

    def train(self, training_data: TrainingData) -> Resource:
        """Train as Rasa does, then lay the weights out for prediction."""
        resource = super().train(training_data)
        lay_out_for_prediction(self.clf)
        return resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "IntentClassifier":
        """Load as Rasa does, then lay the weights out for prediction."""
        component = super().load(config, model_storage, resource, execution_context, **kwargs)
        lay_out_for_prediction(component.clf)
        return component
