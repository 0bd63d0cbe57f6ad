"""What every reminder action shares: the clock, the database, whose chat it is, and the
buttons several of them send (their texts are responses in domain.yml, utter_reminder_*).

The other reminder modules call ``now_utc`` and ``database`` through this module
(``common.now_utc()``), so a test pins the clock and the database for all of them in one
place. Database work runs in a worker thread on the action server's own engine (same
``DATABASE_URL``).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import people
from coach.reminders import preferences, repository
from coach.reminders.nudges import Buttons
from coach.storage.db import Database

UTC = timezone.utc
STOP_BUTTON = {"title": "Never mind", "payload": "/stop"}
CONTINUE_BUTTON = {"title": "Back to where we were", "payload": "/flow_next"}  # added while in a flow


def now_utc() -> datetime:
    """The current time; tests replace it to pin the clock."""
    return datetime.now(UTC)


def database() -> Database:
    """The action server's database; tests replace it with their own."""
    return people.database()


def chat_of(tracker: Tracker) -> int | None:
    return preferences.chat_id_for_sender(tracker.sender_id)


def is_answer(value: Any) -> bool:
    """Words the person typed. The form also hands over slots just cleared (None) and
    button payloads or commands ("/set_reminder"); those are no answer and pass silently."""
    return isinstance(value, str) and bool(value.strip()) and not value.strip().startswith("/")


def rasa_buttons(buttons: Buttons) -> list[dict[str, str]]:
    return [{"title": title, "payload": payload} for title, payload in buttons]


def say_cap_reached(dispatcher: CollectingDispatcher) -> None:
    """The person has as many reminders as we keep: nothing was saved."""
    dispatcher.utter_message(response="utter_reminder_cap_reached", limit=repository.MAX_LIVE_REMINDERS)
