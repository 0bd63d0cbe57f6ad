"""Crisis replies: interrupt anything in progress and point to real help.

Reached by the ``crisis_self_harm`` / ``crisis_abuse`` / ``crisis_emergency`` intents, whether the classifier or
the deterministic safety net (``coach.safety``) found them. The reply text comes from
``coach.safety.replies`` with the configured emergency line and the person's country.
While the ``crisis`` slot is set, no coaching nudges are sent; "I'm safe now" clears it.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.people import country_for, set_crisis_flag
from coach.config import Settings
from coach.safety.decision import CHECK, SAFETY_NET_KEY
from coach.safety.replies import (
    CRISIS_KINDS,
    CRISIS_MARKER,
    SELF_HARM_KIND,
    crisis_reply,
    safe_again_reply,
    safety_check_reply,
)

SAFE_BUTTON = {"title": "I'm safe right now", "payload": "/safe_now"}
CHECK_SAFE_BUTTON = {"title": "I'm safe, let's go on", "payload": "/safe_now"}
NEED_HELP_TITLE = "I need help now"


class ActionCrisisResponse(Action):
    """Calm, short crisis reply with the emergency line and helplines; stops any flow or form."""

    def name(self) -> str:
        return "action_crisis_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        kind = tracker.latest_message.get("intent", {}).get("name")
        if kind not in CRISIS_KINDS:
            kind = SELF_HARM_KIND
        if (tracker.latest_message.get(SAFETY_NET_KEY) or {}).get("action") == CHECK:
            # Only the classifier saw a crisis: ask, never coach; "I need help" is the crisis reply.
            dispatcher.utter_message(
                text=safety_check_reply(),
                buttons=[CHECK_SAFE_BUTTON, {"title": NEED_HELP_TITLE, "payload": f"/{kind}"}],
            )
            dispatcher.utter_message(json_message={CRISIS_MARKER: CHECK})
            return []
        settings = Settings.from_env()
        country = await country_for(tracker.sender_id)
        text = crisis_reply(kind, country=country, emergency_line=settings.emergency_line)
        dispatcher.utter_message(text=text, buttons=[SAFE_BUTTON])
        # The structured marker the bot reads (never shown): this turn got the crisis reply.
        dispatcher.utter_message(json_message={CRISIS_MARKER: kind})
        await set_crisis_flag(tracker.sender_id, True)
        return [
            ActiveLoop(None),
            SlotSet("crisis", True),
            SlotSet("flow", None),
            SlotSet("flow_step", None),
            SlotSet("pending_flow", None),
        ]


class ActionSafeNow(Action):
    """The person says they are safe: clear the crisis flag, gently."""

    def name(self) -> str:
        return "action_safe_now"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text=safe_again_reply())
        await set_crisis_flag(tracker.sender_id, False)
        return [SlotSet("crisis", False)]
