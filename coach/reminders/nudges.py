"""What a nudge says: the person's own note, a rotating prompt for its topic, and its buttons.

Prompts come from ``nudges:`` in ``coach/content/guidance.yml`` (drawn from the source
articles), chosen by the reminder's topic and its ``nudge_index``, so consecutive nudges of
one reminder never repeat until the topic's prompts run out. An apology reminder also
rotates in the person's own commitment from their latest saved apology draft, when the
apology feature's ``apology_drafts`` table exists (read by reflection, column ``change`` or
``commitment``; skipped otherwise).

A weekly-reflection reminder (topic ``weekly_reflection``, opted into after ``/week``)
carries the person's reflection on their last seven days instead of a prompt
(``coach.checkins.reflection``). Check-in reminders get a "Check in now" button.

Buttons carry callback data ``rem:<action>:<id>`` handled by the front end itself (see
``coach.reminders.buttons``); topic buttons carry a command (``/checkin``) for Rasa. In
discreet mode the notification only says ``DISCREET_TEXT``, with an "Open" button that
reveals the content. The retaliation check-back asks how strong the urge is now, with its
two answers as the only buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from coach.content.guidance import load_guidance
from coach.checkins.reflection import weekly_reflection
from coach.checkins.store import local_day
from coach.storage.db import Database
from coach.storage.sealing import SealedText

DISCREET_TEXT = "Your check-in is ready"
GENERAL_TOPIC = "general"
APOLOGY_TOPIC = "apology"
CHECKIN_TOPIC = "checkin"
REFLECTION_TOPIC = "weekly_reflection"
RETALIATION_CHECK_TOPIC = "retaliation_check"  # the 20-minute check-back after an urge to get even
CHECKIN_NOW = ("Check in now", "/checkin")
TOPIC_BUTTONS = {
    CHECKIN_TOPIC: (CHECKIN_NOW,),
    REFLECTION_TOPIC: (CHECKIN_NOW, ("See my progress", "/show_progress")),
    RETALIATION_CHECK_TOPIC: (("Calmer", "/urge_calmer"), ("Still strong", "/urge_still_strong")),
}
# Nudges that ask a question: its answers are the only buttons (no done, snooze or stop).
QUESTION_TOPICS = frozenset({RETALIATION_CHECK_TOPIC})
APOLOGY_DRAFTS_TABLE = "apology_drafts"
COMMITMENT_COLUMNS = ("change", "commitment")  # the apology feature's name for it first
NEWEST_FIRST_COLUMNS = ("version", "created_at", "id")
COMMITMENT_PROMPT = "Your own commitment: \"{commitment}\". How did keeping it go today?"
COMMITMENT_MAX_LENGTH = 200
CALLBACK_PREFIX = "rem"

Buttons = tuple[tuple[str, str], ...]  # (title, callback data)


@dataclass(frozen=True)
class NudgeMessage:
    """One nudge, ready for a front end to send."""

    chat_id: int
    reminder_id: int
    text: str
    buttons: Buttons
    occurrence: str = ""  # when it fell due (set by the delivery loop): one nudge per occurrence


@dataclass(frozen=True)
class MissedNote:
    """A one-off that came due while the coach was down, to mention in the next nudge."""

    note: str
    due_at: datetime  # aware UTC
    tz_name: str


def callback_data(action: str, reminder_id: int | None = None) -> str:
    return f"{CALLBACK_PREFIX}:{action}" + (f":{reminder_id}" if reminder_id is not None else "")


def topic_prompts(topic: str, commitment: str | None = None) -> tuple[str, ...]:
    """The prompts a reminder of ``topic`` rotates through."""
    nudges = load_guidance().nudges
    prompts = tuple(nudge.text for nudge in nudges.get(topic) or nudges.get(GENERAL_TOPIC) or ())
    if commitment and topic == APOLOGY_TOPIC:
        prompts = (COMMITMENT_PROMPT.format(commitment=commitment),) + prompts
    return prompts


def prompt_for(topic: str, index: int, commitment: str | None = None) -> str:
    prompts = topic_prompts(topic, commitment)
    return prompts[index % len(prompts)] if prompts else ""


def reflection_prompt(db: Database, chat_id: int, now: datetime) -> str:
    """The person's reflection on the seven local days ending today."""
    return weekly_reflection(db, chat_id, local_day(db, chat_id, now))


def reminder_prompt(
    topic: str, index: int, commitment: str | None = None, reflection: str | None = None
) -> str:
    """What a nudge of ``topic`` says after the note: the week's reflection for a weekly
    reflection reminder, else the topic's ``index``-th prompt."""
    if topic == REFLECTION_TOPIC and reflection is not None:
        return reflection
    return prompt_for(topic, index, commitment)


def missed_lines(missed: Iterable[MissedNote]) -> str:
    """"While I was offline, I missed ..." for one-offs that came due during downtime."""
    items = []
    for item in missed:
        local = item.due_at.astimezone(ZoneInfo(item.tz_name))
        what = f"\"{item.note}\"" if item.note else "a reminder"
        items.append(f"{what} ({local:%a} {local.day} {local:%b}, {local:%H:%M})")
    if not items:
        return ""
    return "While I was offline I missed " + _join(items) + ". Sorry about that."


def full_text(note: str, prompt: str, missed: Iterable[MissedNote] = ()) -> str:
    header = f"Reminder: {note}" if note else "Here's the nudge you asked for."
    parts = [header, prompt, missed_lines(missed)]
    return "\n\n".join(part for part in parts if part)


def action_buttons(reminder_id: int, recurring: bool, topic: str = GENERAL_TOPIC) -> Buttons:
    """The topic's own buttons, then done, snooze an hour, snooze until tomorrow, and (for
    recurring ones) stop; a question's nudge has only its answers."""
    if topic in QUESTION_TOPICS:
        return TOPIC_BUTTONS[topic]
    buttons = [
        *TOPIC_BUTTONS.get(topic, ()),
        ("Done", callback_data("done", reminder_id)),
        ("Snooze 1 hour", callback_data("s1h", reminder_id)),
        ("Tomorrow, same time", callback_data("stm", reminder_id)),
    ]
    if recurring:
        buttons.append(("Stop this reminder", callback_data("stop", reminder_id)))
    return tuple(buttons)


def discreet_nudge(chat_id: int, reminder_id: int) -> NudgeMessage:
    return NudgeMessage(chat_id, reminder_id, DISCREET_TEXT, (("Open", callback_data("open", reminder_id)),))


def full_nudge(
    chat_id: int,
    reminder_id: int,
    note: str,
    prompt: str,
    recurring: bool,
    missed: Iterable[MissedNote] = (),
    topic: str = GENERAL_TOPIC,
) -> NudgeMessage:
    return NudgeMessage(
        chat_id, reminder_id, full_text(note, prompt, missed), action_buttons(reminder_id, recurring, topic)
    )


def saved_commitments(db: Database, chat_ids: Iterable[int]) -> dict[int, str]:
    """Each person's latest commitment from a saved apology draft, if that table exists."""
    wanted = sorted(set(chat_ids))
    if not wanted or not sa.inspect(db.engine).has_table(APOLOGY_DRAFTS_TABLE):
        return {}
    table = sa.Table(APOLOGY_DRAFTS_TABLE, sa.MetaData(), autoload_with=db.engine)
    column = next((table.c[name] for name in COMMITMENT_COLUMNS if name in table.c), None)
    if column is None or "chat_id" not in table.c:
        return {}
    newest_first = [table.c[name].desc() for name in NEWEST_FIRST_COLUMNS if name in table.c]
    sealed = sa.type_coerce(column, SealedText())  # reflected as TEXT; stored sealed per person
    query = sa.select(table.c.chat_id, sealed).where(table.c.chat_id.in_(wanted), column.isnot(None))
    found: dict[int, str] = {}
    with db.engine.connect() as connection:
        for chat_id, value in connection.execute(query.order_by(*newest_first)):
            text = " ".join(str(value).split())
            if text and chat_id not in found:
                found[chat_id] = _shorten(text, COMMITMENT_MAX_LENGTH)
    return found


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
