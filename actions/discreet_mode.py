"""``/discreet``: reminder notifications with neutral texts, on or off."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.reminder_common import chat_of
from coach.reminders import preferences


class ActionToggleDiscreet(Action):
    """/discreet: neutral notification texts on or off."""

    def name(self) -> str:
        return "action_toggle_discreet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(response="utter_reminder_not_a_chat")
            return []
        discreet = await asyncio.to_thread(preferences.toggle_discreet, common.database(), chat_id)
        dispatcher.utter_message(response="utter_discreet_on" if discreet else "utter_discreet_off")
        return []
