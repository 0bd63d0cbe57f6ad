"""``/discreet``: reminder notifications with neutral texts, on or off."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.reminder_common import NOT_A_CHAT, chat_of
from coach.reminders import preferences


class ActionToggleDiscreet(Action):
    """/discreet: neutral notification texts on or off."""

    def name(self) -> str:
        return "action_toggle_discreet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(text=NOT_A_CHAT)
            return []
        discreet = await asyncio.to_thread(preferences.toggle_discreet, common.database(), chat_id)
        if discreet:
            text = (
                "Discreet mode is on. A reminder's notification will only say \"Your check-in is ready\"; "
                "tap Open to see the rest. Type /discreet again to turn it off."
            )
        else:
            text = "Discreet mode is off. Reminders will show their full text again."
        dispatcher.utter_message(text=text)
        return []
