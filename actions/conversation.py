"""Conversation helpers: the welcome for /start, and a clarifying question when unsure.

When NLU confidence is low (FallbackClassifier's ``nlu_fallback``), the coach never
dead-ends: it offers the likeliest topics from the intent ranking as buttons, plus the
full topic list.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from coach.content.guidance import load_guidance

# The texts are responses in domain.yml (utter_conversation_*).
MAX_SUGGESTIONS = 3
SOMETHING_ELSE_BUTTON = {"title": "Something else", "payload": "/help"}  # after the suggestions


class ActionWelcome(Action):
    """/start: what the coach is and is not, how data is kept, and where to begin."""

    def name(self) -> str:
        return "action_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_conversation_welcome")
        dispatcher.utter_message(response="utter_help")
        return []


class ActionClarify(Action):
    """Low confidence: offer the likeliest struggles as buttons, and all topics."""

    def name(self) -> str:
        return "action_clarify"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        flows_by_intent = {flow.intent: flow for flow in load_guidance().flows.values()}
        ranking = tracker.latest_message.get("intent_ranking") or []
        suggestions = [
            flows_by_intent[item["name"]]
            for item in ranking
            if item.get("name") in flows_by_intent
        ][:MAX_SUGGESTIONS]
        buttons = [{"title": flow.title, "payload": f"/{flow.intent}"} for flow in suggestions]
        buttons.append(SOMETHING_ELSE_BUTTON)
        dispatcher.utter_message(response="utter_conversation_clarify", buttons=buttons)
        return []
