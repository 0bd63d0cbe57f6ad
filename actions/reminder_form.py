"""Setting a reminder in your own words: the reminder form (``reminder_form``) and its answers.

``action_start_reminder`` takes the person's message as the first answer to "when?", the
form asks for the time zone if we don't know it yet (``actions.timezone_form``), reads the
time with ``parse_schedule`` in that zone, and asks "... OK?" with Yes/No before anything is
saved (``actions.reminder_confirm``; the understood schedule waits in the
``reminder_pending`` slot). Unclear times get examples and guided choices, times in the
past are questioned, more often than hourly is refused, and the per-person cap is kept.
"stop" or a crisis message leaves the form with nothing saved.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import reminder_common as common
from actions.form_asides import REMINDER, aside
from actions.reminder_common import STOP_BUTTON, chat_of, is_answer, rasa_buttons
from actions.reminder_suggestions import SUGGESTION_SLOT, TOPIC_SLOT, fresh_suggestion
from actions.timezone_form import save_zone, zone_named_in
from coach.reminders import preferences, repository
from coach.reminders.buttons import preset_buttons
from coach.reminders.schedule import Schedule
from coach.reminders.when_words import ScheduleProblem, parse_schedule

REMINDER_SLOTS = (
    "reminder_when", "reminder_confirmed", "reminder_pending", "reminder_request", "reminder_problem", "reminder_timezone",
    "reminder_topic",
)
YES, NO = "yes", "no"  # the texts are responses in domain.yml (utter_reminder_*)


# -- the understood schedule, kept in a slot until the person says OK ------------------------


def encode_schedule(schedule: Schedule) -> str:
    return json.dumps(
        {
            "kind": schedule.kind,
            "first_fire_at": schedule.first_fire_at.isoformat(),
            "rrule": schedule.rrule,
            "local_time": schedule.local_time.strftime("%H:%M"),
            "tz_name": schedule.tz_name,
            "note": schedule.note,
            "explicit_time": schedule.explicit_time,
        }
    )


def decode_schedule(raw: str | None) -> Schedule | None:
    if not raw:
        return None
    try:
        data = json.loads(raw)
        return Schedule(
            kind=data["kind"],
            first_fire_at=datetime.fromisoformat(data["first_fire_at"]),
            rrule=data["rrule"],
            local_time=time.fromisoformat(data["local_time"]),
            tz_name=data["tz_name"],
            note=data["note"],
            explicit_time=bool(data["explicit_time"]),
        )
    except (ValueError, KeyError, TypeError):
        return None


def understand(text: str, request: str | None, now: datetime, tz: ZoneInfo) -> Schedule | ScheduleProblem:
    """Read ``text`` as a schedule; keep the note from an earlier message that lacked a time.

    "remind me to call Sam" followed by "every evening at 9" becomes "every evening at 9"
    with the note "call Sam", as long as reading both together means the same schedule.
    """
    alone = parse_schedule(text, now, tz)
    if not isinstance(alone, Schedule) or alone.note or not request or request == text:
        return alone
    together = parse_schedule(f"{request} {text}", now, tz)
    if isinstance(together, Schedule) and (together.rrule, together.first_fire_at) == (alone.rrule, alone.first_fire_at):
        return together
    return alone


def slots_for(text: str, tracker: Tracker, tz_name: str, now: datetime) -> dict[str, Any]:
    """Slot values after reading ``text`` as the answer to "when?"."""
    request = tracker.get_slot("reminder_request")
    result = understand(text, request, now, ZoneInfo(tz_name))
    if isinstance(result, Schedule):
        return {"reminder_when": text, "reminder_pending": encode_schedule(result), "reminder_problem": None}
    first_message_without_a_time = result.reason == "unparseable" and text == request
    return {
        "reminder_when": None,
        "reminder_pending": None,
        "reminder_problem": None if first_message_without_a_time else result.message,
    }


def reads_as_time(value: Any) -> bool:
    """The answer reads as a time or schedule (in any zone): an answer, whatever its intent
    ("in 20 minutes" may also look like the 20-minute pause, "check in daily" like a check-in)."""
    return is_answer(value) and isinstance(parse_schedule(str(value), common.now_utc(), ZoneInfo("UTC")), Schedule)


def reset_events() -> list[EventType]:
    return [SlotSet(slot, None) for slot in REMINDER_SLOTS]


# -- setting a reminder ----------------------------------------------------------------------


class ActionStartReminder(Action):
    """Before the reminder form: forget any earlier attempt, take this message as "when"."""

    def name(self) -> str:
        return "action_start_reminder"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        text = (tracker.latest_message.get("text") or "").strip()
        words = text if is_answer(text) else None
        topic = None
        suggestion = fresh_suggestion(tracker) if words is None else None
        if suggestion is not None:
            words, topic = suggestion
        return reset_events() + [
            SlotSet("reminder_when", words),
            SlotSet("reminder_request", words),
            SlotSet(TOPIC_SLOT, topic),
            SlotSet(SUGGESTION_SLOT, None),
        ]


class ValidateReminderForm(FormValidationAction):
    """Reads the answers: time zone (first time only), when, and the final OK."""

    def name(self) -> str:
        return "validate_reminder_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[str]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            return []
        db = common.database()
        if await asyncio.to_thread(repository.count_live, db, chat_id) >= repository.MAX_LIVE_REMINDERS:
            return []  # ends the form; action_save_reminder explains
        if await asyncio.to_thread(preferences.timezone_of, db, chat_id) is None:
            return domain_slots
        return [slot for slot in domain_slots if slot != "reminder_timezone"]

    async def validate_reminder_timezone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if zone_named_in(value) is None and (asked_again := aside(REMINDER, "reminder_timezone", dispatcher, tracker)):
            return asked_again
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_timezone": None}
        now = common.now_utc()
        zone = await save_zone(dispatcher, chat_id, value, now)
        if zone is None:
            return {"reminder_timezone": None}
        slots: dict[str, Any] = {"reminder_timezone": zone}
        when = tracker.get_slot("reminder_when")
        if when:  # the request came before we knew the zone: read it now
            slots.update(slots_for(when, tracker, zone, now))
        return slots

    async def validate_reminder_when(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if not reads_as_time(value) and (asked_again := aside(REMINDER, "reminder_when", dispatcher, tracker)):
            return asked_again
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_when": None}
        zone = await asyncio.to_thread(preferences.timezone_of, common.database(), chat_id)
        if zone is None:
            return {"reminder_when": value}  # read once the time zone is known
        return slots_for(value, tracker, zone, common.now_utc())

    async def validate_reminder_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value not in (YES, NO) and not reads_as_time(value):
            if asked_again := aside(REMINDER, "reminder_confirmed", dispatcher, tracker):
                return asked_again
        if value == YES and tracker.get_slot("reminder_pending"):
            return {"reminder_confirmed": YES}
        if value == NO:
            dispatcher.utter_message(response="utter_reminder_fix_it")
            return {"reminder_confirmed": None, "reminder_when": None, "reminder_pending": None, "reminder_problem": None}
        if value is None:
            return {"reminder_confirmed": None}
        chat_id = chat_of(tracker)
        zone = (
            await asyncio.to_thread(preferences.timezone_of, common.database(), chat_id) if chat_id is not None else None
        )
        if zone and is_answer(value):
            updated = slots_for(value, tracker, zone, common.now_utc())
            if updated["reminder_pending"]:  # a different time: confirm that one instead
                return {**updated, "reminder_confirmed": None}
        dispatcher.utter_message(response="utter_reminder_confirm_again")
        return {"reminder_confirmed": None}


class ActionAskReminderWhen(Action):
    """Ask when: the reason the last answer didn't work, or the plain question, with choices."""

    def name(self) -> str:
        return "action_ask_reminder_when"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        problem = tracker.get_slot("reminder_problem")
        buttons = rasa_buttons(preset_buttons()) + [STOP_BUTTON]
        if problem:
            dispatcher.utter_message(response="utter_reminder_when_problem", problem=problem, buttons=buttons)
        else:
            dispatcher.utter_message(response="utter_reminder_when_question", buttons=buttons)
        return [SlotSet("reminder_problem", None)]


class ActionReminderStopped(Action):
    """"stop" while setting a reminder or the time zone: nothing saved, slots cleared."""

    def name(self) -> str:
        return "action_reminder_stopped"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(response="utter_reminder_stopped")
        return reset_events()
