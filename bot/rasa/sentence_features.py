"""``SentenceFeaturizer``: a Rasa NLU component adding all-MiniLM-L6-v2 sentence embeddings.

For every message with text (training examples and parsed messages alike) it encodes the
text with ``coach.nlp.encoder`` and adds

- a dense SENTENCE-level feature for TEXT: the 384-d unit embedding, blended with the
  encoder's middle layer (``middle_weight``: the unit vector of embedding + weight x middle),
  times ``scale``. The blend keeps the number of columns, so the fitting time (docs/NLU.md,
  stop 22: weight 0.5 in config.yml).
  ``LogisticRegressionClassifier`` reads only sentence-level features (sparse and dense,
  stacked side by side) and fixes C=1, so with unit-length vectors the embedding would
  weigh little against the count vectors; ``scale`` (default 10) sets its weight. No
  sequence-level feature is added: the classifier does not use one, and the encoder's
  WordPiece tokens do not line up with the pipeline's tokens, which Rasa requires of
  sequence features (so DIET would need a different setup);
- the raw unit embedding, float32 of shape (384,), under ``message.get("sentence_embedding")``
  (``SENTENCE_EMBEDDING``), for later components such as the safety net, so nothing is
  encoded twice. It is not an output property: it stays out of the parse data and the
  tracker. It is an ``Embedding`` (a float32 ndarray with a ``fingerprint``): Rasa
  fingerprints every training example after each graph node, and a plain array in a
  message's data is fingerprinted through ``str(array)``, numpy's printer.

The encoder is loaded once per process and directory (``coach.nlp.encoder.get_encoder``),
so other code in the process gets the same instance. Config:

    - name: bot.rasa.sentence_features.SentenceFeaturizer
      model_path: build/encoder    # relative to the working directory
      scale: 10
      middle_weight: 0.5           # 0: the sentence embedding alone
"""

from __future__ import annotations

import hashlib
import os
from typing import Any, Dict, List, Text, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.exceptions import InvalidConfigException
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from coach.nlp.encoder import DEFAULT_DIR, SentenceEncoder, get_encoder

SENTENCE_EMBEDDING = "sentence_embedding"


class Embedding(np.ndarray):
    """A message's unit sentence embedding, fingerprinted by its bytes.

    ``rasa.shared.utils.io.deep_container_fingerprint`` uses an object's ``fingerprint()``
    when it has one, else hashes ``str(obj)``; for an ndarray that is numpy's printer, which
    cost 6.7 s of a 99.9 s clean ``rasa train`` (docs/BENCHMARKS.md, stop 19).
    ``np.asarray`` gives the plain array back.
    """

    def fingerprint(self) -> str:
        """The sha256 of the float32 bytes: exact, and stable across processes."""
        return hashlib.sha256(np.ascontiguousarray(self, dtype=np.float32).tobytes()).hexdigest()


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False
)
class SentenceFeaturizer(DenseFeaturizer, GraphComponent):
    """Adds the scaled sentence embedding of TEXT as a dense sentence-level feature."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Nothing: the encoder tokenizes the raw text itself."""
        return []

    @staticmethod
    def required_packages() -> List[Text]:
        """The encoder's tokenizer and the runtime of its ONNX graph."""
        return ["tokenizers", "onnxruntime"]

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """``model_path``: the encoder's directory; ``scale``: the feature's multiplier;
        ``middle_weight``: the middle layer's share of the feature."""
        return {
            **DenseFeaturizer.get_default_config(),
            "model_path": str(DEFAULT_DIR),
            "scale": 10.0,
            "middle_weight": 0.0,
        }

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """``scale`` must be a positive number, ``middle_weight`` a number >= 0 and
        ``model_path`` a non-empty string."""
        for key, lowest_ok in (("scale", False), ("middle_weight", True)):
            value = config.get(key)
            if (isinstance(value, bool) or not isinstance(value, (int, float))
                    or value < 0 or (value == 0 and not lowest_ok)):
                kind = "a number >= 0" if lowest_ok else "a positive number"
                raise InvalidConfigException(f"{cls.__name__}: '{key}' must be {kind}, got {value!r}.")
        if not isinstance(config.get("model_path"), str) or not config["model_path"]:
            raise InvalidConfigException(f"{cls.__name__}: 'model_path' must be a path.")

    def __init__(self, config: Dict[Text, Any], name: Text) -> None:
        """Loads (or reuses) the process's encoder, so the first message is not slow."""
        super().__init__(name, config)
        self._scale = np.float32(config["scale"])
        self._middle_weight = np.float32(config["middle_weight"])
        self._encoder: SentenceEncoder = get_encoder(config["model_path"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SentenceFeaturizer:
        """Creates the component (see parent class for full docstring)."""
        return cls(config, execution_context.node_name)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Featurizes every training example that has text, in batches, on every core
        (training has the machine to itself: 12.5 -> 6.5 s for 5,556 examples on two cores, stop 19)."""
        self._featurize(training_data.training_examples, workers=os.cpu_count() or 1)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        """Featurizes the messages that have text; the others are left as they are."""
        return self._featurize(messages, workers=1)

    def _featurize(self, messages: List[Message], workers: int) -> List[Message]:
        with_text = [message for message in messages if message.get(TEXT)]
        if not with_text:
            return messages
        layers = self._encoder.encode_layers([message.get(TEXT) for message in with_text], workers=workers)
        features = self._blend(layers) * self._scale
        for message, embedding, feature in zip(with_text, layers[:, 0], features):
            message.set(SENTENCE_EMBEDDING, np.ascontiguousarray(embedding).view(Embedding))
            self.add_features_to_message(
                sequence=None,
                sentence=feature[np.newaxis, :],
                attribute=TEXT,
                message=message,
            )
        return messages

    def _blend(self, layers: np.ndarray) -> np.ndarray:
        """(n, 2, 384) encoder layers -> (n, 384) unit rows: embedding + middle_weight x middle."""
        if not self._middle_weight:
            return layers[:, 0]
        blended = layers[:, 0] + self._middle_weight * layers[:, 1]
        return blended / np.maximum(np.linalg.norm(blended, axis=1, keepdims=True), np.float32(1e-12))
