"""Reminder conversations: set one in your own words, list, cancel, time zone, discreet mode.

Setting a reminder is a Rasa form (``reminder_form``): ``action_start_reminder`` takes the
person's message as the first answer to "when?", the form asks for the time zone if we
don't know it yet, reads the time with ``parse_schedule`` in that zone, and asks
"... OK?" with Yes/No before anything is saved (the understood schedule waits in the
``reminder_pending`` slot). Unclear times get examples and guided choices, times in the
past are questioned, more often than hourly is refused, and the per-person cap is kept.
"stop" or a crisis message leaves the form with nothing saved.

``/timezone`` is a one-question form (``timezone_form``). Listing and cancelling answer
with buttons (``rem:...``) that the front end handles directly. Database work runs in a
worker thread on the action server's own engine (same ``DATABASE_URL``).
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from coach.content.guidance import load_guidance
from actions.people import database
from coach.reminders import preferences, repository
from coach.reminders.buttons import preset_buttons
from coach.reminders.listing import list_buttons, list_text
from coach.reminders.nudges import GENERAL_TOPIC, REFLECTION_TOPIC, Buttons, MissedNote
from coach.reminders.schedule import QUIET_END, QUIET_START, Schedule, ScheduleProblem, parse_schedule
from coach.reminders.timezones import describe_zone, parse_timezone
from coach.reminders.timing import first_due, from_db

UTC = timezone.utc
REMINDER_SLOTS = (
    "reminder_when", "reminder_confirmed", "reminder_pending", "reminder_request", "reminder_problem", "reminder_timezone",
    "reminder_topic",
)
SUGGESTION_SLOT = "reminder_suggestion"  # words for "when", offered with a "Remind me ..." button
TOPIC_SLOT = "reminder_topic"  # the nudges topic that goes with the suggestion
YES, NO = "yes", "no"
RETALIATION_TOPIC = "retaliation"
CHECK_BACK_NOTE = "checking back after your 20-minute pause"
WAIT = timedelta(minutes=20)

WHEN_QUESTION = (
    "When should I nudge you? Say it in your own words, like 'tomorrow at 8am', 'in 20 minutes', "
    "'every evening at 9' or 'weekdays at 8', or pick one:"
)
ZONE_QUESTION = (
    "Which time zone are you in? A city works ('Copenhagen', 'New York') or a UTC offset ('UTC+2'). "
    "You can change it later with /timezone."
)
ZONE_UNKNOWN = (
    "I couldn't place that one. Try a big city near you, like 'Berlin' or 'Chicago', or an offset like 'UTC-5'."
)
CONFIRM_BUTTONS = [{"title": "Yes, save it", "payload": "/affirm"}, {"title": "No, change it", "payload": "/deny"}]
STOP_BUTTON = {"title": "Never mind", "payload": "/stop"}
CONTINUE_BUTTON = {"title": "Back to where we were", "payload": "/flow_next"}
CAP_REACHED = (
    f"You already have {repository.MAX_LIVE_REMINDERS} reminders, which is as many as I keep at once. "
    "Cancel one you no longer need with /reminders, then try again."
)
NOT_A_CHAT = "I can only keep reminders in a private chat with me."
CONFIRM_AGAIN = "Shall I save it as it is? Tap Yes or No, or tell me a different time."
PASSED_MEANWHILE = "That time passed while we were talking, so I didn't save it. Tell me a new time with /remind."
_ZONE_LEAD_IN = re.compile(
    r"^(?:(?:please|ok|okay)[\s,]+)?(?:(?:change|set|switch|update)\s+(?:my\s+)?(?:time\s*zone|tz)\s+to"
    r"|my\s+(?:time\s*zone|tz)\s+is(?:\s+now)?|(?:i\s*(?:'m|am)|im)\s+(?:now\s+)?(?:in|based in|living in)"
    r"|i\s+live\s+in|(?:time\s*zone|tz)\s*:?)\s+",
    re.IGNORECASE,
)


def now_utc() -> datetime:
    """The current time; tests replace it to pin the clock."""
    return datetime.now(UTC)


def chat_of(tracker: Tracker) -> int | None:
    return preferences.chat_id_for_sender(tracker.sender_id)


def is_answer(value: Any) -> bool:
    """Words the person typed. The form also hands over slots just cleared (None) and
    button payloads or commands ("/set_reminder"); those are no answer and pass silently."""
    return isinstance(value, str) and bool(value.strip()) and not value.strip().startswith("/")


def rasa_buttons(buttons: Buttons) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in buttons]


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


def confirmation_text(schedule: Schedule, now: datetime) -> str:
    """E.g. "Every day at 21:00 (Europe/Copenhagen), first today (Mon 23 Nov): "call Sam". OK?"."""
    text = schedule.describe(now) + (f": \"{schedule.note}\"" if schedule.note else "")
    due = first_due(schedule)
    if due != schedule.first_fire_at:
        local = due.astimezone(ZoneInfo(schedule.tz_name))
        text += f". That's in quiet hours ({QUIET_START:%H:%M}-{QUIET_END:%H:%M}), so the first nudge comes at {local:%H:%M}"
    elif any(freq in (schedule.rrule or "") for freq in ("FREQ=HOURLY", "FREQ=MINUTELY")):
        text += f". I'll hold any that fall in quiet hours ({QUIET_START:%H:%M}-{QUIET_END:%H:%M}) until the morning"
    return text + ". OK?"


def topic_of(tracker: Tracker) -> str:
    """The nudges topic: the one that came with a suggested reminder, else the guidance
    flow the person is in, for fitting prompts."""
    nudges = load_guidance().nudges
    suggested = tracker.get_slot(TOPIC_SLOT)
    if suggested in nudges or suggested == REFLECTION_TOPIC:
        return suggested
    flow = tracker.get_slot("flow")
    return flow if flow in nudges else GENERAL_TOPIC


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


def reset_events() -> list[EventType]:
    return [SlotSet(slot, None) for slot in REMINDER_SLOTS]


async def save_zone(dispatcher: CollectingDispatcher, chat_id: int, text: str, now: datetime) -> str | None:
    """Store the zone named in ``text`` and confirm it; None (after saying so) if unknown."""
    zone = parse_timezone(_ZONE_LEAD_IN.sub("", text.strip()))
    if zone is None:
        dispatcher.utter_message(text=ZONE_UNKNOWN)
        return None
    db = database()
    await asyncio.to_thread(preferences.save_timezone, db, chat_id, zone.key)
    moved = await asyncio.to_thread(repository.move_to_zone, db, chat_id, zone.key, now)
    follow = " Your regular reminders keep their local times in it." if moved else ""
    dispatcher.utter_message(text=f"Got it: {describe_zone(zone, now)}.{follow}")
    return zone.key


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
        db = database()
        if await asyncio.to_thread(repository.count_live, db, chat_id) >= repository.MAX_LIVE_REMINDERS:
            return []  # ends the form; action_save_reminder explains
        if await asyncio.to_thread(preferences.timezone_of, db, chat_id) is None:
            return domain_slots
        return [slot for slot in domain_slots if slot != "reminder_timezone"]

    async def validate_reminder_timezone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_timezone": None}
        now = now_utc()
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
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_when": None}
        zone = await asyncio.to_thread(preferences.timezone_of, database(), chat_id)
        if zone is None:
            return {"reminder_when": value}  # read once the time zone is known
        return slots_for(value, tracker, zone, now_utc())

    async def validate_reminder_confirmed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value == YES and tracker.get_slot("reminder_pending"):
            return {"reminder_confirmed": YES}
        if value == NO:
            dispatcher.utter_message(text="No problem, let's fix it.")
            return {"reminder_confirmed": None, "reminder_when": None, "reminder_pending": None, "reminder_problem": None}
        if value is None:
            return {"reminder_confirmed": None}
        chat_id = chat_of(tracker)
        zone = await asyncio.to_thread(preferences.timezone_of, database(), chat_id) if chat_id is not None else None
        if zone and is_answer(value):
            updated = slots_for(value, tracker, zone, now_utc())
            if updated["reminder_pending"]:  # a different time: confirm that one instead
                return {**updated, "reminder_confirmed": None}
        dispatcher.utter_message(text=CONFIRM_AGAIN)
        return {"reminder_confirmed": None}


class ActionAskReminderWhen(Action):
    """Ask when: the reason the last answer didn't work, or the plain question, with choices."""

    def name(self) -> str:
        return "action_ask_reminder_when"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        problem = tracker.get_slot("reminder_problem")
        text = f"{problem} Or pick one:" if problem else WHEN_QUESTION
        dispatcher.utter_message(text=text, buttons=rasa_buttons(preset_buttons()) + [STOP_BUTTON])
        return [SlotSet("reminder_problem", None)]


class ActionAskReminderTimezone(Action):
    """Ask for the time zone (saying which one is set, if any)."""

    def name(self) -> str:
        return "action_ask_reminder_timezone"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        current = await asyncio.to_thread(preferences.timezone_of, database(), chat_id) if chat_id is not None else None
        if current:
            text = f"Your time zone is {describe_zone(ZoneInfo(current), now_utc())}. Which one should I use?"
        else:
            text = ZONE_QUESTION
        dispatcher.utter_message(text=text, buttons=[STOP_BUTTON])
        return []


class ActionAskReminderConfirmed(Action):
    """Show the schedule as understood, in the person's zone, and ask for an OK."""

    def name(self) -> str:
        return "action_ask_reminder_confirmed"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        schedule = decode_schedule(tracker.get_slot("reminder_pending"))
        if schedule is None:  # not expected: the form only asks once a schedule is understood
            dispatcher.utter_message(text=WHEN_QUESTION, buttons=rasa_buttons(preset_buttons()) + [STOP_BUTTON])
            return [SlotSet("reminder_when", None)]
        dispatcher.utter_message(text=confirmation_text(schedule, now_utc()), buttons=CONFIRM_BUTTONS)
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
        now = now_utc()
        schedule = still_ahead(schedule, now)
        if schedule is None:
            dispatcher.utter_message(text=PASSED_MEANWHILE)
            return events
        try:
            await asyncio.to_thread(repository.create_reminder, database(), chat_id, schedule, topic_of(tracker))
        except repository.ReminderCapReached:
            dispatcher.utter_message(text=CAP_REACHED)
            return events
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(
            text="Saved. I'll nudge you then. You can see, pause or cancel your reminders with /reminders.",
            buttons=buttons,
        )
        return events


def still_ahead(schedule: Schedule, now: datetime) -> Schedule | None:
    """The schedule as confirmed, moved on if its first time passed during the conversation."""
    if schedule.first_fire_at > now:
        return schedule
    following = schedule.next_fire_after(now)
    return replace(schedule, first_fire_at=following) if following else None


class ActionReminderStopped(Action):
    """"stop" while setting a reminder or the time zone: nothing saved, slots cleared."""

    def name(self) -> str:
        return "action_reminder_stopped"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        dispatcher.utter_message(text="Okay, we'll leave it there. Nothing was changed.")
        return reset_events()


class ValidateTimezoneForm(FormValidationAction):
    """/timezone: read the zone, store it, move recurring reminders along."""

    def name(self) -> str:
        return "validate_timezone_form"

    async def validate_reminder_timezone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        chat_id = chat_of(tracker)
        if not is_answer(value) or chat_id is None:
            return {"reminder_timezone": None}
        return {"reminder_timezone": await save_zone(dispatcher, chat_id, value, now_utc())}


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


# -- seeing and changing reminders -----------------------------------------------------------


def _listing(chat_id: int, now: datetime, heading: str) -> tuple[str, Buttons]:
    db = database()
    reminders = repository.live_reminders(db, chat_id)
    missed = [
        MissedNote(item.note, from_db(item.next_fire_at), item.tz_name) for item in repository.take_missed(db, chat_id)
    ]
    if not reminders:
        return list_text([], now, missed), ()
    return list_text(reminders, now, missed, heading=heading), list_buttons(reminders)


class ActionListReminders(Action):
    """The person's reminders, each with a cancel button, plus pause/resume/cancel all."""

    heading = ""

    def name(self) -> str:
        return "action_list_reminders"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(text=NOT_A_CHAT)
            return []
        text, buttons = await asyncio.to_thread(_listing, chat_id, now_utc(), self.heading)
        dispatcher.utter_message(text=text, buttons=rasa_buttons(buttons))
        return []


class ActionCancelReminder(ActionListReminders):
    """"Cancel my reminder": the same list, asking which one."""

    heading = "Which one should I cancel? Tap it below."

    def name(self) -> str:
        return "action_cancel_reminder"


class ActionToggleDiscreet(Action):
    """/discreet: neutral notification texts on or off."""

    def name(self) -> str:
        return "action_toggle_discreet"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(text=NOT_A_CHAT)
            return []
        discreet = await asyncio.to_thread(preferences.toggle_discreet, database(), chat_id)
        if discreet:
            text = (
                "Discreet mode is on. A reminder's notification will only say \"Your check-in is ready\"; "
                "tap Open to see the rest. Type /discreet again to turn it off."
            )
        else:
            text = "Discreet mode is off. Reminders will show their full text again."
        dispatcher.utter_message(text=text)
        return []


class ActionWait20Minutes(Action):
    """"Let's wait 20 minutes, I'll check back": a one-off nudge in 20 minutes, no questions asked."""

    def name(self) -> str:
        return "action_wait_20_minutes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        chat_id = chat_of(tracker)
        if chat_id is None:
            dispatcher.utter_message(text=NOT_A_CHAT)
            return []
        db = database()
        now = now_utc()
        zone = await asyncio.to_thread(preferences.timezone_of, db, chat_id) or "UTC"
        first = (now + WAIT).replace(microsecond=0)
        local_time = first.astimezone(ZoneInfo(zone)).time()
        schedule = Schedule("once", first, None, local_time, zone, CHECK_BACK_NOTE, explicit_time=True)
        try:
            await asyncio.to_thread(repository.create_reminder, db, chat_id, schedule, RETALIATION_TOPIC)
        except repository.ReminderCapReached:
            dispatcher.utter_message(text=CAP_REACHED)
            return []
        buttons = [CONTINUE_BUTTON] if tracker.get_slot("flow") else []
        dispatcher.utter_message(
            text=f"Okay. I'll check back with you in 20 minutes, at {local_time:%H:%M}. Nothing needs to happen before then.",
            buttons=buttons,
        )
        return []
