"""Check-in conversations: rate today 1-5, add a line, see the chart, read the week back.

``/checkin`` runs ``checkin_form``: ``action_start_checkin`` clears earlier answers (and
says so if today already has a check-in, which the new one will replace), the form asks
for the score (buttons ``/checkin_score_one`` .. ``_five``, or typed: "4", "four",
"a 3 out of 5") and then for an optional one-line note ("Skip" is ``/flow_next``), and
``action_submit_checkin`` saves both on the person's local day. Nothing is stored before
that, so "stop" or a crisis message (handled by the general rules) leaves nothing behind.

``/progress`` asks the front end for the ``progress_chart`` attachment (``coach.checkins.chart``);
``/week`` sends ``weekly_reflection`` (``coach.checkins.reflection``). Database work runs in a worker
thread on the action server's own engine (same ``DATABASE_URL``).
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.flows import OFFER_BUTTONS
from actions.form_asides import CHECKIN, aside
from actions.reminder_suggestions import suggest_reminder
from actions.people import database
from actions.responses import response_text
from coach.checkins.stats import current_streak
from coach.checkins.reflection import weekly_reflection
from coach.reminders import repository
from coach.reminders.nudges import REFLECTION_TOPIC
from coach.people import chat_for_sender
from coach.checkins.store import MAX_SCORE, checkin_days, checkin_on, has_checkins, local_day, save_checkin
from coach.storage.db import Database

CHECKIN_SLOTS = ("checkin_score", "checkin_note")
SCORE_INTENTS = {
    "checkin_score_one": 1,
    "checkin_score_two": 2,
    "checkin_score_three": 3,
    "checkin_score_four": 4,
    "checkin_score_five": 5,
}
SCORE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
# "3 out of 5", "3/5", "3 of 5": the scale, not a second score.
_OUT_OF_FIVE = re.compile(r"\b(?:out\s+of|of)\s+(?:5|five)\b|/\s*(?:5|five)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\b(\d+|one|two|three|four|five)\b", re.IGNORECASE)
# "this one", "no one", "one of": the pronoun, not a score.
_PRONOUN_ONE = re.compile(
    r"\b(?:this|that|the|which|each|every|any|no|some|new|other|another)\s+one\b|\bone\s+of\b", re.IGNORECASE
)
SKIP_INTENT = "flow_next"  # the "Skip" button
SKIP_WORDS = {"skip", "no", "nope", "no thanks", "nothing", "nothing to add", "no note", "none", "pass", "not today"}
NOTE_MAX_LENGTH = 500
PROGRESS_DAYS = {"show_progress": 30, "show_progress_long": 90}

# The texts are responses in domain.yml (utter_checkin_*), most with their buttons; these
# buttons go with a message only sometimes, or in an order that depends on the message.
SAVED_RESPONSES = {  # (replaced an earlier check-in today, a streak to mention): the reply
    (False, False): "utter_checkin_saved",
    (False, True): "utter_checkin_saved_streak",
    (True, False): "utter_checkin_updated",
    (True, True): "utter_checkin_updated_streak",
}
HARDEST_SCORE = 1
ENCOURAGEMENT = "utter_checkin_encouragement_{score}"  # the line for each score, in the reply above
CHECKIN_BUTTON = {"title": "Check in now", "payload": "/checkin"}
PROGRESS_BUTTON = {"title": "See my progress", "payload": "/show_progress"}
LONG_VIEW_BUTTON = {"title": "Last 90 days", "payload": "/show_progress_long"}
SHORT_VIEW_BUTTON = {"title": "Last 30 days", "payload": "/show_progress"}
WEEK_BUTTON = {"title": "My week", "payload": "/weekly_reflection"}
REMINDER_BUTTON = {"title": "Remind me to check in daily", "payload": "/set_reminder"}
REMINDER_SUGGESTION = "every evening at 9 to do my daily check-in"  # confirmed in the reminder form
CHECKIN_TOPIC = "checkin"  # nudges: checkin in guidance.yml, with a "Check in now" button
WEEKLY_BUTTON = {"title": "Send me this every Sunday", "payload": "/set_reminder"}
WEEKLY_SUGGESTION = "every Sunday at 7pm to look back on my week"


def live_topics(db: Database, chat_id: int) -> set[str]:
    """The topics of the person's live (active or paused) reminders."""
    return {reminder.topic for reminder in repository.live_reminders(db, chat_id)}


def now_utc() -> datetime:
    """The current time; tests replace it to pin the clock."""
    return datetime.now(timezone.utc)


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def score_from(text: str | None, intent: str | None) -> int | None:
    """A score 1-5 from a score button, or from typed digits or number words (whatever the
    classifier made of them); None if there is none, or more than one."""
    if not text:
        return None
    if text.strip().startswith("/"):
        return SCORE_INTENTS.get(intent) if text.strip() == f"/{intent}" else None
    numbers = {
        SCORE_WORDS.get(found.lower()) or int(found)
        for found in _NUMBER.findall(_PRONOUN_ONE.sub(" ", _OUT_OF_FIVE.sub(" ", text)))
    }
    if len(numbers) != 1:
        return None
    (number,) = numbers
    return number if 1 <= number <= MAX_SCORE else None


def note_from(text: str | None, intent: str | None) -> str | None:
    """The note in one line: "" when skipped (the button, or words like "skip"), None when
    the message is no note at all (another button or a command)."""
    if not text:
        return None
    if text.strip().startswith("/"):
        return "" if text.strip() == f"/{SKIP_INTENT}" and intent == SKIP_INTENT else None
    line = " ".join(text.split())
    return "" if line.lower().strip(".!, ") in SKIP_WORDS else line


class ActionStartCheckin(Action):
    """Before the form: clear earlier answers; say so if today's check-in will be replaced."""

    def name(self) -> str:
        return "action_start_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        chat_id = chat_for_sender(tracker.sender_id)
        if chat_id is not None:
            db = database()
            today = await asyncio.to_thread(local_day, db, chat_id, now_utc())
            earlier = await asyncio.to_thread(checkin_on, db, chat_id, today)
            if earlier is not None:
                dispatcher.utter_message(response="utter_checkin_already_today", score=earlier.score, top=MAX_SCORE)
        return [SlotSet(slot, None) for slot in CHECKIN_SLOTS]


class ActionAskCheckinScore(Action):
    """The form's first question, with a button per score."""

    def name(self) -> str:
        return "action_ask_checkin_score"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_checkin_score_question")
        return []


class ActionAskCheckinNote(Action):
    """The form's second question: an optional line, or Skip."""

    def name(self) -> str:
        return "action_ask_checkin_note"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        dispatcher.utter_message(response="utter_checkin_note_question")
        return []


class ValidateCheckinForm(FormValidationAction):
    """Turns the answers into a score 1-5 and a one-line note; asks again, kindly, if not."""

    def name(self) -> str:
        return "validate_checkin_form"

    async def validate_checkin_score(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if slot_value is None:  # cleared by action_start_checkin: no answer yet
            return {"checkin_score": None}
        score = score_from(slot_value if isinstance(slot_value, str) else None, latest_intent(tracker))
        if score is None and (asked_again := aside(CHECKIN, "checkin_score", dispatcher, tracker)):
            return asked_again
        if score is None:
            dispatcher.utter_message(response="utter_checkin_score_again")
        return {"checkin_score": score}

    async def validate_checkin_note(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if slot_value is None:
            return {"checkin_note": None}
        if (asked_again := aside(CHECKIN, "checkin_note", dispatcher, tracker)) is not None:
            return asked_again
        note = note_from(slot_value if isinstance(slot_value, str) else None, latest_intent(tracker))
        if note is None:
            dispatcher.utter_message(response="utter_checkin_note_again")
        elif len(note) > NOTE_MAX_LENGTH:
            dispatcher.utter_message(response="utter_checkin_note_too_long", max_length=NOTE_MAX_LENGTH)
            note = None
        return {"checkin_note": note}


class ActionSubmitCheckin(Action):
    """Save today's check-in (replacing an earlier one of the same day) and say thanks."""

    def name(self) -> str:
        return "action_submit_checkin"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        clear = [SlotSet(slot, None) for slot in CHECKIN_SLOTS]
        chat_id = chat_for_sender(tracker.sender_id)
        if chat_id is None:
            dispatcher.utter_message(response="utter_checkin_not_a_chat")
            return clear
        score = int(tracker.get_slot("checkin_score"))  # validate_checkin_form only lets 1-5 through
        note = tracker.get_slot("checkin_note") or None
        db = database()
        today = await asyncio.to_thread(local_day, db, chat_id, now_utc())
        result = await asyncio.to_thread(save_checkin, db, chat_id, today, score, note)
        streak = current_streak(await asyncio.to_thread(checkin_days, db, chat_id, today), today)
        # After the response's own "See my progress"; a 1 ("not at all safe") also gets the helplines.
        buttons = [OFFER_BUTTONS["safety_resources"]] if score == HARDEST_SCORE else []
        events: list[EventType] = clear
        if CHECKIN_TOPIC not in await asyncio.to_thread(live_topics, db, chat_id):
            buttons.append(REMINDER_BUTTON)
            events = events + suggest_reminder(REMINDER_SUGGESTION, CHECKIN_TOPIC)
        dispatcher.utter_message(
            response=SAVED_RESPONSES[(result.replaced is not None, streak > 1)],
            score=score,
            top=MAX_SCORE,
            days=streak,
            encouragement=response_text(domain, ENCOURAGEMENT.format(score=score)),
            buttons=buttons,
        )
        return events


class ActionShowProgress(Action):
    """The chart of the last 30 (or 90) days, or a nudge to start if there are no check-ins."""

    def name(self) -> str:
        return "action_show_progress"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        chat_id = chat_for_sender(tracker.sender_id)
        if chat_id is None or not await asyncio.to_thread(has_checkins, database(), chat_id):
            dispatcher.utter_message(response="utter_checkin_none_yet")
            return []
        days = PROGRESS_DAYS.get(latest_intent(tracker) or "", PROGRESS_DAYS["show_progress"])
        dispatcher.utter_message(
            json_message={"attachment": {"type": "photo", "renderer": "progress_chart", "args": {"days": days}}}
        )
        other_view = SHORT_VIEW_BUTTON if days > PROGRESS_DAYS["show_progress"] else LONG_VIEW_BUTTON
        dispatcher.utter_message(response="utter_checkin_progress_follow_up", buttons=[other_view, CHECKIN_BUTTON, WEEK_BUTTON])
        return []


class ActionWeeklyReflection(Action):
    """/week: the reflection on the last seven days, right now."""

    def name(self) -> str:
        return "action_weekly_reflection"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[EventType]:
        chat_id = chat_for_sender(tracker.sender_id)
        if chat_id is None:
            dispatcher.utter_message(response="utter_checkin_not_a_chat")
            return []
        db = database()
        today = await asyncio.to_thread(local_day, db, chat_id, now_utc())
        text = await asyncio.to_thread(weekly_reflection, db, chat_id, today)  # written whole by the core
        buttons = [CHECKIN_BUTTON, PROGRESS_BUTTON]
        events: list[EventType] = []
        if REFLECTION_TOPIC not in await asyncio.to_thread(live_topics, db, chat_id):
            buttons.append(WEEKLY_BUTTON)  # opt in to getting it every week
            events = suggest_reminder(WEEKLY_SUGGESTION, REFLECTION_TOPIC)
        dispatcher.utter_message(text=text, buttons=buttons)
        return events
