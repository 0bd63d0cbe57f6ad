"""What the reminder buttons do: ``rem:<action>[:<arg>]`` callback data, handled without Rasa.

Nudge buttons (done, snooze an hour, snooze until tomorrow, stop, open a discreet nudge)
and list buttons (cancel one, cancel all, pause all, resume all) act on the database and
answer by editing the message they sit on. The guided ``/remind`` choices
(``rem:when:<preset>``) instead hand a ready-made phrase to the coach, as if typed.
Everything is scoped by the chat the button was pressed in: an id from another chat is
"not found". Front-end neutral: the Telegram glue is ``bot.telegram.reminder_buttons``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from coach.reminders import repository
from coach.reminders.listing import list_buttons, list_text
from coach.reminders.nudges import (
    REFLECTION_TOPIC,
    Buttons,
    MissedNote,
    action_buttons,
    callback_data,
    full_text,
    reflection_prompt,
    reminder_prompt,
    saved_commitments,
)
from coach.reminders.timing import from_db
from coach.storage.db import Database
from coach.reminders.records import RECURRING, Reminder

CALLBACK_PATTERN = r"^rem:"
# Guided /remind choices: key -> (button title, the phrase handed to the coach).
WHEN_PRESETS: dict[str, tuple[str, str]] = {
    "20m": ("In 20 minutes", "in 20 minutes"),
    "tonight": ("Tonight at 9", "tonight at 9pm"),
    "morning": ("Tomorrow at 8am", "tomorrow at 8am"),
    "evenings": ("Every evening at 9", "every evening at 9"),
    "weekdays": ("Weekdays at 8am", "weekdays at 8am"),
}
EXPIRED = "That reminder is no longer there."
EXPIRED_BUTTON = "That button has expired."
DONE_NOTE = "Marked as done. Small steps like this one add up."
STOPPED_NOTE = "Stopped. I won't send this reminder again."
NOT_SNOOZABLE = "This reminder was stopped or paused, so there's nothing to snooze."


@dataclass(frozen=True)
class ButtonResult:
    """How to answer a press: new text and keyboard for the message, or a phrase for the coach."""

    text: str | None = None  # the message's new text (None: leave the message alone)
    buttons: Buttons = ()  # its new keyboard (empty: none)
    say: str | None = None  # hand this to the coach as the person's message


def preset_buttons() -> Buttons:
    return tuple((title, callback_data("when", key)) for key, (title, _) in WHEN_PRESETS.items())


def handle_button(db: Database, chat_id: int, data: str, message_text: str | None, now: datetime) -> ButtonResult:
    """Act on one ``rem:`` press in ``chat_id``."""
    _, _, rest = data.partition(":")
    action, _, argument = rest.partition(":")
    if action == "when":
        preset = WHEN_PRESETS.get(argument)
        return ButtonResult(say=preset[1]) if preset else _appended(message_text or "", EXPIRED_BUTTON)
    if action in _LIST_ACTIONS:
        return _LIST_ACTIONS[action](db, chat_id, now)
    if not argument.isdigit() or action not in _NUDGE_ACTIONS:
        return _appended(message_text or "", EXPIRED_BUTTON)
    return _NUDGE_ACTIONS[action](db, chat_id, int(argument), message_text or "", now)


def _appended(message_text: str, note: str) -> ButtonResult:
    return ButtonResult(text=f"{message_text}\n\n{note}".strip())


def _done(db: Database, chat_id: int, reminder_id: int, message_text: str, now: datetime) -> ButtonResult:
    if repository.get_reminder(db, chat_id, reminder_id) is None:
        return _appended(message_text, EXPIRED)
    return _appended(message_text, DONE_NOTE)


def _snoozer(how: repository.Snooze):
    def snooze(db: Database, chat_id: int, reminder_id: int, message_text: str, now: datetime) -> ButtonResult:
        reminder = repository.snooze(db, chat_id, reminder_id, how, now)
        if reminder is None:
            return _appended(message_text, NOT_SNOOZABLE)
        local = from_db(reminder.next_fire_at).astimezone(ZoneInfo(reminder.tz_name))
        when = f"at {local:%H:%M}" if how == "hour" else f"on {local:%a} {local.day} {local:%b} at {local:%H:%M}"
        return _appended(message_text, f"Snoozed. I'll nudge you again {when}.")

    return snooze


def _stop(db: Database, chat_id: int, reminder_id: int, message_text: str, now: datetime) -> ButtonResult:
    if repository.cancel_reminder(db, chat_id, reminder_id) is None:
        return _appended(message_text, "This reminder was already stopped.")
    return _appended(message_text, STOPPED_NOTE)


def _open(db: Database, chat_id: int, reminder_id: int, message_text: str, now: datetime) -> ButtonResult:
    """Reveal a discreet nudge: the content it was sent with, and any missed one-offs."""
    reminder = repository.get_reminder(db, chat_id, reminder_id)
    if reminder is None:
        return _appended(message_text, EXPIRED)
    return ButtonResult(
        text=revealed_text(db, reminder, now), buttons=action_buttons(reminder.id, reminder.kind == RECURRING, reminder.topic)
    )


def revealed_text(db: Database, reminder: Reminder, now: datetime) -> str:
    reflection = reflection_prompt(db, reminder.chat_id, now) if reminder.topic == REFLECTION_TOPIC else None
    commitment = saved_commitments(db, [reminder.chat_id]).get(reminder.chat_id)
    prompt = reminder_prompt(reminder.topic, max(reminder.nudge_index - 1, 0), commitment, reflection)
    missed = [
        MissedNote(item.note, from_db(item.next_fire_at), item.tz_name)
        for item in repository.take_missed(db, reminder.chat_id)
    ]
    return full_text(reminder.note, prompt, missed)


def _cancel(db: Database, chat_id: int, reminder_id: int, message_text: str, now: datetime) -> ButtonResult:
    cancelled = repository.cancel_reminder(db, chat_id, reminder_id)
    heading = f"Cancelled{': ' + cancelled.note if cancelled and cancelled.note else ''}." if cancelled else EXPIRED
    return _listing(db, chat_id, now, heading)


def _listing(db: Database, chat_id: int, now: datetime, heading: str = "") -> ButtonResult:
    reminders = repository.live_reminders(db, chat_id)
    return ButtonResult(text=list_text(reminders, now, heading=heading), buttons=list_buttons(reminders))


def _ask_cancel_all(db: Database, chat_id: int, now: datetime) -> ButtonResult:
    count = repository.count_live(db, chat_id)
    if not count:
        return _listing(db, chat_id, now)
    return ButtonResult(
        text=f"Cancel all {count} of your reminders? This can't be undone.",
        buttons=(("Yes, cancel them all", callback_data("cxyes")), ("No, keep them", callback_data("list"))),
    )


def _cancel_all(db: Database, chat_id: int, now: datetime) -> ButtonResult:
    count = repository.cancel_all(db, chat_id)
    return ButtonResult(text=f"Done: I cancelled {count} reminder{'s' if count != 1 else ''}.")


def _pause_all(db: Database, chat_id: int, now: datetime) -> ButtonResult:
    count = repository.pause_all(db, chat_id)
    return _listing(db, chat_id, now, f"Paused {count}. They'll wait until you resume them.")


def _resume_all(db: Database, chat_id: int, now: datetime) -> ButtonResult:
    result = repository.resume_all(db, chat_id, now)
    heading = f"Resumed {result.resumed}."
    if result.expired:
        heading += f" {len(result.expired)} one-off reminder{'s' if len(result.expired) != 1 else ''} came due while paused, so I closed {'them' if len(result.expired) != 1 else 'it'}."
    return _listing(db, chat_id, now, heading)


_NUDGE_ACTIONS = {
    "done": _done,
    "s1h": _snoozer("hour"),
    "stm": _snoozer("tomorrow"),
    "stop": _stop,
    "open": _open,
    "cancel": _cancel,
}
_LIST_ACTIONS = {
    "list": lambda db, chat_id, now: _listing(db, chat_id, now),
    "cxall": _ask_cancel_all,
    "cxyes": _cancel_all,
    "pause": _pause_all,
    "resume": _resume_all,
}
