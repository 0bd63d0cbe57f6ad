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

WELCOME = (
    "Hi, I'm trustcoach, a coach for rebuilding trust after a betrayal, whichever side of it you're on. "
    "I draw on published advice about trust, forgiveness and honest apologies.\n\n"
    "I'm not a therapist and not a crisis service. If you're ever in danger, I'll point you to people who can help right away.\n\n"
    "I keep our conversation and your settings in this coach's database so I can remember where we were; message text never goes into logs. "
    "Type /privacy to read more, /export for a copy of your data and /forget to delete it.\n\n"
    "What's on your mind? Tell me in your own words, or pick a topic."
)
CLARIFY = "I want to make sure I get this right. Is it closest to one of these?"
MAX_SUGGESTIONS = 3


class ActionWelcome(Action):
    """/start: what the coach is and is not, how data is kept, and where to begin."""

    def name(self) -> str:
        return "action_welcome"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=WELCOME)
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
        buttons.append({"title": "Something else", "payload": "/help"})
        dispatcher.utter_message(text=CLARIFY, buttons=buttons)
        return []
