"""The person's time zone: ``/timezone`` (a one-question form, ``timezone_form``) and the
time zone question inside the reminder form.

A city ("Copenhagen") or an offset ("UTC+2") is stored, and recurring reminders keep their
local times in the new zone.
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.form_asides import TIMEZONE, aside
from actions.reminder_common import chat_of, is_answer
from coach.reminders import preferences, repository
from coach.reminders.timezones import describe_zone, parse_timezone

# The texts are responses in domain.yml (utter_timezone_*).
_ZONE_LEAD_IN = re.compile(
    r"^(?:(?:please|ok|okay)[\s,]+)?(?:(?:change|set|switch|update)\s+(?:my\s+)?(?:time\s*zone|tz)\s+to"
    r"|my\s+(?:time\s*zone|tz)\s+is(?:\s+now)?|(?:i\s*(?:'m|am)|im)\s+(?:now\s+)?(?:in|based in|living in)"
    r"|i\s+live\s+in|(?:time\s*zone|tz)\s*:?)\s+",
    re.IGNORECASE,
)


def zone_named_in(text: Any) -> ZoneInfo | None:
    """The zone an answer names ("Berlin", "my time zone is UTC+2"), or None."""
    return parse_timezone(_ZONE_LEAD_IN.sub("", str(text).strip())) if is_answer(text) else None


async def save_zone(dispatcher: CollectingDispatcher, chat_id: int, text: str, now: datetime) -> str | None:
    """Store the zone named in ``text`` and confirm it; None (after saying so) if unknown."""
    zone = zone_named_in(text)
    if zone is None:
        dispatcher.utter_message(response="utter_timezone_unknown")
        return None
    db = common.database()
    await asyncio.to_thread(preferences.save_timezone, db, chat_id, zone.key)
    moved = await asyncio.to_thread(repository.move_to_zone, db, chat_id, zone.key, now)
    saved = "utter_timezone_saved_moved" if moved else "utter_timezone_saved"
    dispatcher.utter_message(response=saved, zone=describe_zone(zone, now))
    return zone.key


class ActionAskReminderTimezone(Action):
    """Ask for the time zone (saying which one is set, if any)."""

    def name(self) -> str:
        return "action_ask_reminder_timezone"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        current = await asyncio.to_thread(preferences.timezone_of, common.database(), chat_id) if chat_id is not None else None
        if current:
            zone = describe_zone(ZoneInfo(current), common.now_utc())
            dispatcher.utter_message(response="utter_timezone_question_current", zone=zone)
        else:
            dispatcher.utter_message(response="utter_timezone_question")
        return []


class ValidateTimezoneForm(FormValidationAction):
    """/timezone: read the zone, store it, move recurring reminders along."""

    def name(self) -> str:
        return "validate_timezone_form"

    async def validate_reminder_timezone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if zone_named_in(value) is None and (asked_again := aside(TIMEZONE, "reminder_timezone", dispatcher, tracker)):
            return asked_again
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_timezone": None}
        return {"reminder_timezone": await save_zone(dispatcher, chat_id, value, common.now_utc())}


class ActionStartTimezone(Action):
    """Before the time zone form: a zone named in the message itself ("my time zone is Berlin") counts."""

    def name(self) -> str:
        return "action_start_timezone"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = (tracker.latest_message.get("text") or "").strip()
        return [SlotSet("reminder_timezone", text if is_answer(text) else None)]


class ActionTimezoneSaved(Action):
    """The time zone form is done (its validation already confirmed the zone)."""

    def name(self) -> str:
        return "action_timezone_saved"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        return [SlotSet("reminder_timezone", None)]
