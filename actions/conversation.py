"""Conversation helpers: the welcome for /start, and a clarifying question when unsure.

/start is one short message with the topic buttons. When NLU confidence is low
(FallbackClassifier's ``nlu_fallback``), the coach never dead-ends: it offers at least two
likely topics from the intent ranking as buttons, plus "Something else". A message with
next to no words in it (an emoji, one word, a typo storm) gets a kind "tell me a bit
more" with every topic instead: a guess from nothing would only confuse.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from coach.content.guidance import load_guidance

# The texts are responses in domain.yml (utter_conversation_*).
MAX_SUGGESTIONS = 3
MIN_SUGGESTIONS = 2
SOMETHING_ELSE_BUTTON = {"title": "Something else", "payload": "/help"}  # after the suggestions
WORD = re.compile(r"[^\W\d_]{3,}")  # three or more letters, in any script


def too_little_to_go_on(text: str | None) -> bool:
    """An emoji, a single word, a filler ("ok so"), or nothing readable."""
    return len(WORD.findall(text or "")) < 2


class ActionWelcome(Action):
    """/start: what the coach is and is not, how data is kept, and where to begin."""

    def name(self) -> str:
        return "action_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_conversation_welcome")  # with the topic list
        return []


class ActionClarify(Action):
    """Low confidence: offer the likeliest struggles as buttons, and all topics."""

    def name(self) -> str:
        return "action_clarify"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if too_little_to_go_on(tracker.latest_message.get("text")):
            dispatcher.utter_message(response="utter_conversation_tell_more")  # with the topic list
            return []
        flows = list(load_guidance().flows.values())
        flows_by_intent = {flow.intent: flow for flow in flows}
        ranking = tracker.latest_message.get("intent_ranking") or []
        suggestions = [
            flows_by_intent[item["name"]]
            for item in ranking
            if item.get("name") in flows_by_intent
        ][:MAX_SUGGESTIONS]
        for flow in flows:  # the ranking named fewer than two topics: the first in the guide
            if len(suggestions) >= MIN_SUGGESTIONS:
                break
            if flow not in suggestions:
                suggestions.append(flow)
        buttons = [{"title": flow.title, "payload": f"/{flow.intent}"} for flow in suggestions]
        buttons.append(SOMETHING_ELSE_BUTTON)
        dispatcher.utter_message(response="utter_conversation_clarify", buttons=buttons)
        return []
