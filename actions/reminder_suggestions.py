"""Offering a reminder from another conversation, and the nudges topic a reminder gets.

Other actions (apology draft, check-ins) call ``suggest_reminder`` next to a "Remind me ..."
button; pressing it starts the reminder form with the suggested "when" already filled in.
"""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.reminder_common import is_answer
from coach.content.guidance import load_guidance
from coach.reminders.nudges import GENERAL_TOPIC, REFLECTION_TOPIC

SUGGESTION_SLOT = "reminder_suggestion"  # words for "when", offered with a "Remind me ..." button
TOPIC_SLOT = "reminder_topic"  # the nudges topic that goes with the suggestion


def suggest_reminder(when: str, topic: str) -> list[EventType]:
    """Offer a reminder: pair these events with a "Remind me ..." button (payload
    ``/set_reminder``); pressing it next starts the form with ``when`` already filled in."""
    return [SlotSet(SUGGESTION_SLOT, when), SlotSet(TOPIC_SLOT, topic)]


def fresh_suggestion(tracker: Tracker) -> tuple[str, str | None] | None:
    """The suggestion (when, topic) offered in the bot's last turn, if this message answers
    it. A "Remind me ..." button pressed later (a stale one) gets the plain question."""
    user_messages = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            user_messages += 1
            if user_messages == 2:
                return None
        elif user_messages == 1 and event.get("event") == "slot" and event.get("name") == SUGGESTION_SLOT:
            when = event.get("value")
            return (when, tracker.get_slot(TOPIC_SLOT)) if is_answer(when) else None
    return None


def topic_of(tracker: Tracker) -> str:
    """The nudges topic: the one that came with a suggested reminder, else the guidance
    flow the person is in, for fitting prompts."""
    nudges = load_guidance().nudges
    suggested = tracker.get_slot(TOPIC_SLOT)
    if suggested in nudges or suggested == REFLECTION_TOPIC:
        return suggested
    flow = tracker.get_slot("flow")
    return flow if flow in nudges else GENERAL_TOPIC
