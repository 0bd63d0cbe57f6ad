"""Seeing your reminders: ``/reminders`` lists them and "cancel my reminder" asks which one.

Each reminder comes with a cancel button, plus pause/resume/cancel all. The buttons
(``rem:...``) are handled by the front end directly (``coach.reminders.buttons``). One-off
reminders missed while the bot was down are reported once, with the list.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.reminder_common import chat_of, rasa_buttons
from actions.responses import verbatim
from coach.reminders import repository
from coach.reminders.listing import list_buttons, list_text
from coach.reminders.nudges import Buttons, MissedNote
from coach.reminders.timing import from_db


def _listing(chat_id: int, now: datetime) -> tuple[str, Buttons]:
    """The list's text (``coach.reminders.listing``) and buttons (none when there are no reminders)."""
    db = common.database()
    reminders = repository.live_reminders(db, chat_id)
    missed = [
        MissedNote(item.note, from_db(item.next_fire_at), item.tz_name) for item in repository.take_missed(db, chat_id)
    ]
    if not reminders:
        return list_text([], now, missed), ()
    return list_text(reminders, now, missed), list_buttons(reminders)


class ActionListReminders(Action):
    """The person's reminders, each with a cancel button, plus pause/resume/cancel all.

    The list is sent as ``coach.reminders.listing`` writes it (the front end shows the same
    list after a button press); asking which one to cancel puts a response above it.
    """

    heading: str | None = None  # the response above a list that has reminders

    def name(self) -> str:
        return "action_list_reminders"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(response="utter_reminder_not_a_chat")
            return []
        text, buttons = await asyncio.to_thread(_listing, chat_id, common.now_utc())
        if self.heading and buttons:
            dispatcher.utter_message(response=self.heading, listing=verbatim(text), buttons=rasa_buttons(buttons))
        else:
            dispatcher.utter_message(text=text, buttons=rasa_buttons(buttons))
        return []


class ActionCancelReminder(ActionListReminders):
    """"Cancel my reminder": the same list, asking which one."""

    heading = "utter_reminder_cancel_which"

    def name(self) -> str:
        return "action_cancel_reminder"
