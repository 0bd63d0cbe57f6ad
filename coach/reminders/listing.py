"""The person's reminder list as text and buttons: shared by the Rasa action and the front end.

Each reminder is described in its own time zone with its next due time; the buttons cancel
one reminder, cancel all (after a confirmation), or pause/resume all. Their callback data
(``rem:...``) is handled by the front end directly (``coach.reminders.buttons``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Sequence

from coach.reminders.describe import describe_schedule
from coach.reminders.nudges import Buttons, MissedNote, callback_data, missed_lines
from coach.reminders.timing import from_db, schedule_of
from coach.reminders.records import ACTIVE, PAUSED, Reminder

NO_REMINDERS = (
    "You have no reminders set. Tell me something like 'remind me every evening at 9 to check in "
    "with Sam', or type /remind."
)
BUTTON_NOTE_LENGTH = 24


def describe_reminder(reminder: Reminder, now: datetime) -> str:
    """E.g. "Every day at 21:00 (Europe/Copenhagen), next today (Mon 23 Nov)"."""
    upcoming = replace(schedule_of(reminder), first_fire_at=from_db(reminder.next_fire_at))
    return describe_schedule(upcoming, now).replace(", first ", ", next ", 1)


def list_text(reminders: list[Reminder], now: datetime, missed: Sequence[MissedNote] = (), heading: str = "") -> str:
    lines = [heading] if heading else []
    if not reminders:
        lines.append(NO_REMINDERS)
    else:
        lines.append("Your reminders:")
        for number, reminder in enumerate(reminders, start=1):
            note = f": {reminder.note}" if reminder.note else ""
            paused = " (paused)" if reminder.status == PAUSED else ""
            lines.append(f"{number}. {describe_reminder(reminder, now)}{note}{paused}")
    report = missed_lines(missed)
    if report:
        lines.append(report)
    return "\n".join(lines)


def list_buttons(reminders: list[Reminder]) -> Buttons:
    """Cancel each, then cancel all, pause all / resume all (whichever applies)."""
    buttons = []
    for number, reminder in enumerate(reminders, start=1):
        note = reminder.note[:BUTTON_NOTE_LENGTH].rstrip() + ("…" if len(reminder.note) > BUTTON_NOTE_LENGTH else "")
        title = f"Cancel {number}" + (f": {note}" if note else "")
        buttons.append((title, callback_data("cancel", reminder.id)))
    if any(reminder.status == ACTIVE for reminder in reminders):
        buttons.append(("Pause all", callback_data("pause")))
    if any(reminder.status == PAUSED for reminder in reminders):
        buttons.append(("Resume all", callback_data("resume")))
    if len(reminders) > 1:
        buttons.append(("Cancel all", callback_data("cxall")))
    return tuple(buttons)
