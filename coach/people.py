"""People: the one owner of a person's settings row (``user_settings``) and of the chat id
<-> Rasa sender id mapping.

Every read and write of a person's settings goes through the functions here: the bot
process (``/country``), the action server (``actions.people`` wraps them for its loop),
reminders (time zone, discreet mode) and check-ins (the person's day). They are
synchronous and take a ``Database``; async callers run them with ``asyncio.to_thread``.

The row is created on the first write (``get_or_create``, the only place one is made),
never by a read: a person nothing was stored for reads as the defaults (no country, no
time zone, not discreet, not in a crisis).

Not here: the reminder claim statement (``coach.reminders.claims``) leaves people in a
crisis out with an ``EXISTS`` on this table inside the claim itself, so the crisis check
and the claim are one statement; a separate read from here would split them.

Senders: one chat is one Rasa sender, whose id is the chat id as text
(``sender_for_chat``). ``chat_for_sender`` turns it back, and gives None for a sender that
is not a number (``rasa shell``'s "default", test harnesses): such a sender has nothing in
the app's tables. The console chat is chat ``0``, so its sender is "0".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from coach.storage.base import UserSettings, utcnow
from coach.storage.db import Database


# -- chat id <-> Rasa sender id -------------------------------------------------------


def sender_for_chat(chat_id: int | str) -> str:
    """The Rasa sender id of a chat: one chat is one sender."""
    return str(chat_id)


def chat_for_sender(sender_id: str | None) -> int | None:
    """The chat id behind a Rasa sender id, or None for a sender that is not a chat."""
    try:
        return int(sender_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


# -- the settings row ---------------------------------------------------------------


@dataclass(frozen=True)
class PersonSettings:
    """A person's settings as plain data, safe to use after the session is closed."""

    chat_id: int
    country: str | None = None
    timezone: str | None = None
    discreet: bool = False
    crisis_active: bool = False


def _row(session: Session, chat_id: int) -> UserSettings:
    """The person's row in this session, added with the defaults if there is none yet."""
    row = session.get(UserSettings, chat_id)
    if row is None:
        row = UserSettings(chat_id=chat_id, discreet=False, crisis_active=False)
        session.add(row)
    return row


def _read(db: Database, chat_id: int) -> UserSettings | None:
    with db.session() as session:
        return session.get(UserSettings, chat_id)


def get_or_create(db: Database, chat_id: int) -> PersonSettings:
    """The person's settings; their row is created (with the defaults) if it did not exist."""
    with db.session() as session:
        row = _row(session, chat_id)
        session.flush()
        return PersonSettings(chat_id, row.country, row.timezone, bool(row.discreet), bool(row.crisis_active))


def country_of(db: Database, chat_id: int) -> str | None:
    """The country code whose helplines crisis replies list, or None (international list)."""
    row = _read(db, chat_id)
    return row.country if row else None


def set_country(db: Database, chat_id: int, country: str | None) -> None:
    """Remember the country whose helplines crisis replies list (None: international)."""
    with db.session() as session:
        _row(session, chat_id).country = country


def in_crisis(db: Database, chat_id: int) -> bool:
    """True while the person is in a crisis (no nudges are sent then)."""
    row = _read(db, chat_id)
    return bool(row and row.crisis_active)


def set_crisis(db: Database, chat_id: int, active: bool) -> None:
    """Mirror the conversation's ``crisis`` slot: the nudge loop reads it from here."""
    with db.session() as session:
        _row(session, chat_id).crisis_active = active


def ask_pending(db: Database, chat_id: int, question: str | None) -> None:
    """Remember that a yes/no question outside Rasa waits for an answer (``/forget``), so a
    typed "yes" or "no" answers it; None: nothing waits any more."""
    with db.session() as session:
        if question is None and session.get(UserSettings, chat_id) is None:
            return  # nothing to clear: no row created for it
        row = _row(session, chat_id)
        row.pending_question, row.pending_since = question, utcnow() if question else None


def pending_question(db: Database, chat_id: int, max_age: timedelta) -> str | None:
    """The question waiting for a typed answer, if asked less than ``max_age`` ago."""
    row = _read(db, chat_id)
    if row is None or not row.pending_question or row.pending_since is None:
        return None
    return row.pending_question if utcnow() - row.pending_since <= max_age else None


def timezone_of(db: Database, chat_id: int) -> str | None:
    """The person's IANA zone name, or None if they haven't told us yet."""
    row = _read(db, chat_id)
    return row.timezone if row else None


def save_timezone(db: Database, chat_id: int, tz_name: str) -> None:
    with db.session() as session:
        _row(session, chat_id).timezone = tz_name


def is_discreet(db: Database, chat_id: int) -> bool:
    """True when reminders should arrive with neutral texts."""
    row = _read(db, chat_id)
    return bool(row and row.discreet)


def toggle_discreet(db: Database, chat_id: int) -> bool:
    """Switch discreet mode; returns the new setting."""
    with db.session() as session:
        row = _row(session, chat_id)
        row.discreet = not row.discreet
        return row.discreet


def discreet_chats(db: Database, chat_ids: Iterable[int]) -> set[int]:
    """Which of ``chat_ids`` are in discreet mode (one query for a batch of nudges)."""
    wanted = sorted(set(chat_ids))
    if not wanted:
        return set()
    with db.session() as session:
        query = sa.select(UserSettings.chat_id).where(UserSettings.chat_id.in_(wanted), UserSettings.discreet.is_(True))
        return set(session.scalars(query))
