"""``SafetyNet``: a Rasa NLU component that overrides the intent when the safety net fires.

It sits in the pipeline after ``DIETClassifier`` and before ``FallbackClassifier``. For
every message with text it runs ``detect_crisis``; on a hit the message's intent becomes
``crisis_self_harm`` or ``crisis_abuse`` with confidence 1.0, and the intent ranking is
reduced to that one entry. Keeping the classifier's entries would let the
``FallbackClassifier`` see a close second and replace the crisis with ``nlu_fallback``
(its ambiguity check compares the top two confidences), so the classifier's own top
intent is kept under ``safety_net["classifier_intent"]`` instead. ``safety_net`` is added
as an output property, so it reaches ``tracker.latest_message`` (the processor copies
output properties into the parse data, and ``UserUttered`` keeps the whole parse data).
Messages without a hit are left untouched.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text, Type

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from coach.safety.detector import CrisisMatch, detect_crisis, warm_up

SAFETY_NET_KEY = "safety_net"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class SafetyNet(GraphComponent, IntentClassifier):
    """Sets a crisis intent when the deterministic safety net matches the message text."""

    @classmethod
    def required_components(cls) -> List[Type]:
        """Nothing: the component runs its own spaCy pipeline on the raw text."""
        return []

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """No settings: the rules live in ``coach.safety.detector``."""
        return {}

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Keeps the config and builds the matchers, so the first message is not slow."""
        self.component_config = config
        warm_up()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        """Creates the component (see parent class for full docstring)."""
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        """Overrides the intent of every message in which the safety net finds a crisis."""
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            match = detect_crisis(text)
            if match is not None:
                _mark_crisis(message, match)
        return messages


def _mark_crisis(message: Message, match: CrisisMatch) -> None:
    crisis_intent = {INTENT_NAME_KEY: match.kind, PREDICTED_CONFIDENCE_KEY: 1.0}
    classifier_intent = message.get(INTENT)
    message.set(INTENT, crisis_intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [dict(crisis_intent)], add_to_output=True)
    message.set(
        SAFETY_NET_KEY,
        {"rule": match.rule, "phrase": match.phrase, "classifier_intent": classifier_intent},
        add_to_output=True,
    )
