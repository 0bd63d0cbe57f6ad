"""The end of the reminder form: show the schedule as understood, ask for an OK, save it.

The confirmation is in the person's zone and says when quiet hours (22:00-08:00) hold a
nudge back. Nothing is stored before the OK; a time that passed during the conversation is
moved on (recurring) or not saved (one-off).
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.reminder_common import CAP_REACHED, CONTINUE_BUTTON, NOT_A_CHAT, STOP_BUTTON, chat_of, rasa_buttons
from actions.reminder_form import WHEN_QUESTION, YES, decode_schedule, reset_events
from actions.reminder_suggestions import topic_of
from coach.reminders import repository
from coach.reminders.buttons import preset_buttons
from coach.reminders.describe import describe_schedule
from coach.reminders.quiet_hours import QUIET_END, QUIET_START
from coach.reminders.schedule import Schedule
from coach.reminders.timing import first_due

CONFIRM_BUTTONS = [{"title": "Yes, save it", "payload": "/affirm"}, {"title": "No, change it", "payload": "/deny"}]
PASSED_MEANWHILE = "That time passed while we were talking, so I didn't save it. Tell me a new time with /remind."


def confirmation_text(schedule: Schedule, now: datetime) -> str:
    """E.g. "Every day at 21:00 (Europe/Copenhagen), first today (Mon 23 Nov): "call Sam". OK?"."""
    text = describe_schedule(schedule, now) + (f": \"{schedule.note}\"" if schedule.note else "")
    due = first_due(schedule)
    if due != schedule.first_fire_at:
        local = due.astimezone(ZoneInfo(schedule.tz_name))
        text += f". That's in quiet hours ({QUIET_START:%H:%M}-{QUIET_END:%H:%M}), so the first nudge comes at {local:%H:%M}"
    elif any(freq in (schedule.rrule or "") for freq in ("FREQ=HOURLY", "FREQ=MINUTELY")):
        text += f". I'll hold any that fall in quiet hours ({QUIET_START:%H:%M}-{QUIET_END:%H:%M}) until the morning"
    return text + ". OK?"


def still_ahead(schedule: Schedule, now: datetime) -> Schedule | None:
    """The schedule as confirmed, moved on if its first time passed during the conversation."""
    if schedule.first_fire_at > now:
        return schedule
    following = schedule.next_fire_after(now)
    return replace(schedule, first_fire_at=following) if following else None


class ActionAskReminderConfirmed(Action):
    """Show the schedule as understood, in the person's zone, and ask for an OK."""

    def name(self) -> str:
        return "action_ask_reminder_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        schedule = decode_schedule(tracker.get_slot("reminder_pending"))
        if schedule is None:  # not expected: the form only asks once a schedule is understood
            dispatcher.utter_message(text=WHEN_QUESTION, buttons=rasa_buttons(preset_buttons()) + [STOP_BUTTON])
            return [SlotSet("reminder_when", None)]
        dispatcher.utter_message(text=confirmation_text(schedule, common.now_utc()), buttons=CONFIRM_BUTTONS)
        return []


class ActionSaveReminder(Action):
    """The form is done: save the confirmed schedule (or explain why nothing was saved)."""

    def name(self) -> str:
        return "action_save_reminder"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = reset_events()
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(text=NOT_A_CHAT)
            return events
        schedule = decode_schedule(tracker.get_slot("reminder_pending"))
        if schedule is None or tracker.get_slot("reminder_confirmed") != YES:
            dispatcher.utter_message(text=CAP_REACHED)  # the only way the form ends unconfirmed
            return events
        now = common.now_utc()
        schedule = still_ahead(schedule, now)
        if schedule is None:
            dispatcher.utter_message(text=PASSED_MEANWHILE)
            return events
        try:
            await asyncio.to_thread(repository.create_reminder, common.database(), chat_id, schedule, topic_of(tracker))
        except repository.ReminderCapReached:
            dispatcher.utter_message(text=CAP_REACHED)
            return events
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(
            text="Saved. I'll nudge you then. You can see, pause or cancel your reminders with /reminders.",
            buttons=buttons,
        )
        return events
