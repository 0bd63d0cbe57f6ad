"""The retaliation flow's pause: "Let's wait 20 minutes, I'll check back".

A one-off nudge 20 minutes from now, saved without the reminder form's questions (the time
zone defaults to UTC when we don't know it; the nudge names the local time).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.reminder_common import CONTINUE_BUTTON, chat_of, say_cap_reached
from coach.reminders import preferences, repository
from coach.reminders.schedule import Schedule

RETALIATION_TOPIC = "retaliation"
CHECK_BACK_NOTE = "checking back after your 20-minute pause"
WAIT = timedelta(minutes=20)


class ActionWait20Minutes(Action):
    """"Let's wait 20 minutes, I'll check back": a one-off nudge in 20 minutes, no questions asked."""

    def name(self) -> str:
        return "action_wait_20_minutes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(response="utter_reminder_not_a_chat")
            return []
        db = common.database()
        now = common.now_utc()
        zone = await asyncio.to_thread(preferences.timezone_of, db, chat_id) or "UTC"
        first = (now + WAIT).replace(microsecond=0)
        local_time = first.astimezone(ZoneInfo(zone)).time()
        schedule = Schedule("once", first, None, local_time, zone, CHECK_BACK_NOTE, explicit_time=True)
        try:
            await asyncio.to_thread(repository.create_reminder, db, chat_id, schedule, RETALIATION_TOPIC)
        except repository.ReminderCapReached:
            say_cap_reached(dispatcher)
            return []
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(response="utter_reminder_check_back", time=f"{local_time:%H:%M}", buttons=buttons)
        return []
