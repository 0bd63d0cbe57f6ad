"""``SafetyNet``: the Rasa NLU component that makes the crisis decision for every message.

It sits after the intent classifier and before ``FallbackClassifier`` and combines four
layers (``coach.safety.decision``): the deterministic phrase net, the meaning of the
message (its sentence embedding, left on the message by ``SentenceFeaturizer``, against
labelled crisis examples and look-alikes), the crisis head (``coach.safety.head``, fitted on
the same labelled embeddings) and the classifier's own crisis intents. Inside
a form (``metadata`` set by ``bot/rasa/form_context.py``) the meaning and classifier layers
need stronger evidence. On a crisis (or a safety check) the message's intent becomes the
crisis kind with confidence 1.0 and the ranking is reduced to that one entry, so the
``FallbackClassifier`` can never turn it into ``nlu_fallback``; the verdict, the layer and
the classifier's own top intent are kept under ``safety_net`` (an output property, so it
reaches the tracker and ``action_crisis_response`` reads whether to answer or to ask). A
form answer that only the classifier read as a crisis keeps its other intents, and so does free
text the meaning layer clearly places among safe examples (``check_floor``): its crisis intents
are dropped, never left on top, where the dialogue would route them to the crisis reply.

Training stores the labelled embeddings (every intent example, plus ``lookalikes.yml``) and
the head fitted on them in the model, so loading costs no encoding and no fitting. Thresholds
are the component's config (``config.yml``), chosen on the dev sets
(``bench/safety_thresholds.py``, ``docs/SAFETY.md``).
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any, Dict, List, Optional, Text, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    METADATA,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa.sentence_features import SENTENCE_EMBEDDING
from coach.nlp.encoder import get_encoder
from coach.safety.context import in_form
from coach.safety.decision import ANSWER, SAFETY_NET_KEY, SafetyPolicy, Verdict, decide
from coach.safety.replies import CRISIS_KINDS
from coach.safety.detector import detect_crisis, told_as_over, warm_up
from coach.safety.head import CrisisHead
from coach.safety.semantic import LOOKALIKES_PATH, SAFE, SemanticNet, lookalike_texts

logger = logging.getLogger(__name__)

_NET_FILE = "semantic_net.npz"
_HEAD_FILE = "crisis_head.npz"
_POLICY_KEYS = tuple(SafetyPolicy.__dataclass_fields__)


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class SafetyNet(GraphComponent, IntentClassifier):
    """Sets a crisis intent when any safety layer finds a crisis in the message."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Nothing required: without ``SentenceFeaturizer`` the meaning layer is simply off."""
        return []

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """The policy's thresholds, ``k`` nearest examples, the head's inverse regularisation
        ``head_c``, and the encoder's directory."""
        policy = SafetyPolicy()
        return {**{key: getattr(policy, key) for key in _POLICY_KEYS}, "k": 3, "head_c": 10.0,
                "model_path": "build/encoder"}

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        """Retrain when the look-alikes change (they are not part of Rasa's training data)."""
        return hashlib.sha256(LOOKALIKES_PATH.read_bytes()).hexdigest()

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        net: Optional[SemanticNet] = None,
        head: Optional[CrisisHead] = None,
    ) -> None:
        """Keeps the config, the labelled embeddings and the head; builds the phrase matchers now."""
        self.component_config = config
        self._model_storage = model_storage
        self._resource = resource
        self._net = net
        self._head = head
        self._policy = SafetyPolicy(**{key: float(config[key]) for key in _POLICY_KEYS})
        warm_up()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        """Creates an untrained component (see parent class for full docstring)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyNet:
        """Loads the labelled embeddings and the head stored at training time (none: those
        layers off)."""
        net, head = None, None
        try:
            with model_storage.read_from(resource) as directory:
                path = directory / _NET_FILE
                if path.exists():
                    net = SemanticNet.load(path)
                head = CrisisHead.load(directory / _HEAD_FILE)
        except ValueError:  # nothing was persisted for this resource
            pass
        return cls(config, model_storage, resource, net, head)

    def train(self, training_data: TrainingData) -> Resource:
        """Keeps the embedding and intent of every example, plus the look-alikes, in the model,
        and the crisis head fitted on them."""
        examples = [m for m in training_data.intent_examples if m.get(SENTENCE_EMBEDDING) is not None]
        if not examples:
            logger.info("SafetyNet: no sentence embeddings in the training data; meaning layer off.")
            return self._resource
        embeddings = [np.asarray(m.get(SENTENCE_EMBEDDING), dtype=np.float32) for m in examples]
        labels = [str(m.get(INTENT)) for m in examples]
        lookalikes = lookalike_texts()
        if lookalikes:
            embeddings.extend(get_encoder(self.component_config["model_path"]).encode(lookalikes))
            labels.extend([SAFE] * len(lookalikes))
        self._net = SemanticNet(np.vstack(embeddings), labels, int(self.component_config["k"]))
        self._head = CrisisHead.fit(self._net.embeddings, labels, float(self.component_config["head_c"]))
        with self._model_storage.write_to(self._resource) as directory:
            self._net.save(directory / _NET_FILE)
            self._head.save(directory / _HEAD_FILE)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent of every message in which a layer finds a crisis."""
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            verdict = self.verdict(message)
            if verdict is None:
                continue
            if verdict.action == ANSWER:
                _read_as_answer(message, verdict)
            else:
                _mark_crisis(message, verdict)
        return messages

    def verdict(self, message: Message) -> Optional[Verdict]:
        """The four layers' verdict on one message with text."""
        ranking = [
            (str(entry.get(INTENT_NAME_KEY)), float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
            for entry in message.get(INTENT_RANKING_KEY) or []
        ]
        embedding = message.get(SENTENCE_EMBEDDING)
        semantic = self._net.scores(embedding) if self._net is not None and embedding is not None else None
        head = self._head.score(embedding) if self._head is not None and embedding is not None else None
        form = in_form(message.get(METADATA))
        text = message.get(TEXT)
        return decide(ranking, detect_crisis(text), semantic, form is not None, self._policy, told_as_over(text), head)


def _read_as_answer(message: Message, verdict: Verdict) -> None:
    """A message the classifier alone read as a crisis, the meaning not: its other intents stand."""
    full = message.get(INTENT_RANKING_KEY) or []
    ranking = [entry for entry in full if entry.get(INTENT_NAME_KEY) not in CRISIS_KINDS]
    top = dict(ranking[0]) if ranking else {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}
    message.set(SAFETY_NET_KEY, {"action": ANSWER, "layer": verdict.layer, "rule": verdict.detail,
                                 "classifier_intent": message.get(INTENT),
                                 "classifier_ranking": [dict(entry) for entry in full[:3]]}, add_to_output=True)
    message.set(INTENT, top, add_to_output=True)
    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)


def _mark_crisis(message: Message, verdict: Verdict) -> None:
    crisis_intent = {INTENT_NAME_KEY: verdict.kind, PREDICTED_CONFIDENCE_KEY: 1.0}
    classifier_intent = message.get(INTENT)
    classifier_ranking = [dict(entry) for entry in (message.get(INTENT_RANKING_KEY) or [])[:3]]
    message.set(INTENT, crisis_intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(crisis_intent)], add_to_output=True)
    message.set(
        SAFETY_NET_KEY,
        {
            "action": verdict.action,
            "layer": verdict.layer,
            "rule": verdict.detail,
            "classifier_intent": classifier_intent,
            "classifier_ranking": classifier_ranking,
        },
        add_to_output=True,
    )
