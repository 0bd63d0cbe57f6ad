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
from actions.reminder_common import CONTINUE_BUTTON, STOP_BUTTON, chat_of, rasa_buttons, say_cap_reached
from actions.reminder_form import YES, decode_schedule, reset_events
from actions.reminder_suggestions import topic_of
from actions.responses import verbatim
from coach.reminders import repository
from coach.reminders.buttons import preset_buttons
from coach.reminders.describe import describe_schedule
from coach.reminders.quiet_hours import QUIET_END, QUIET_START
from coach.reminders.schedule import Schedule
from coach.reminders.timing import first_due


def confirmation(schedule: Schedule, now: datetime) -> tuple[str, dict[str, str]]:
    """The response that asks for the OK, and its variables. Its text reads e.g. "Every day at
    21:00 (Europe/Copenhagen), first today (Mon 23 Nov): "call Sam". OK?", saying when quiet
    hours hold the first nudge, or later ones, back."""
    variables = {"schedule": verbatim(describe_schedule(schedule, now) + (f": \"{schedule.note}\"" if schedule.note else ""))}
    quiet = {"quiet_start": f"{QUIET_START:%H:%M}", "quiet_end": f"{QUIET_END:%H:%M}"}
    due = first_due(schedule)
    if due != schedule.first_fire_at:
        local = due.astimezone(ZoneInfo(schedule.tz_name))
        return "utter_reminder_confirm_quiet_first", {**variables, **quiet, "first_nudge": f"{local:%H:%M}"}
    if any(freq in (schedule.rrule or "") for freq in ("FREQ=HOURLY", "FREQ=MINUTELY")):
        return "utter_reminder_confirm_quiet_hold", {**variables, **quiet}
    return "utter_reminder_confirm", variables


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
            dispatcher.utter_message(
                response="utter_reminder_when_question", buttons=rasa_buttons(preset_buttons()) + [STOP_BUTTON]
            )
            return [SlotSet("reminder_when", None)]
        response, variables = confirmation(schedule, common.now_utc())
        dispatcher.utter_message(response=response, **variables)
        return []


class ActionSaveReminder(Action):
    """The form is done: save the confirmed schedule (or explain why nothing was saved)."""

    def name(self) -> str:
        return "action_save_reminder"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = reset_events()
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(response="utter_reminder_not_a_chat")
            return events
        schedule = decode_schedule(tracker.get_slot("reminder_pending"))
        if schedule is None or tracker.get_slot("reminder_confirmed") != YES:
            say_cap_reached(dispatcher)  # the only way the form ends unconfirmed
            return events
        now = common.now_utc()
        schedule = still_ahead(schedule, now)
        if schedule is None:
            dispatcher.utter_message(response="utter_reminder_passed_meanwhile")
            return events
        try:
            await asyncio.to_thread(repository.create_reminder, common.database(), chat_id, schedule, topic_of(tracker))
        except repository.ReminderCapReached:
            say_cap_reached(dispatcher)
            return events
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(response="utter_reminder_saved", buttons=buttons)
        return events
