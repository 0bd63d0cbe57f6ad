"""The person's reminder preferences in ``user_settings``: time zone and discreet mode.

Rows are created on first write. ``chat_id_for_sender`` maps a Rasa sender id back to the
chat id the tables use (Telegram chats and the console both use numeric sender ids).
"""

from __future__ import annotations

from coach.storage.db import Database
from coach.storage.models import UserSettings


def chat_id_for_sender(sender_id: str) -> int | None:
    """The chat id behind a Rasa sender id, or None for a sender that isn't a chat."""
    try:
        return int(sender_id)
    except (TypeError, ValueError):
        return None


def _settings_row(session, chat_id: int) -> UserSettings:
    row = session.get(UserSettings, chat_id)
    if row is None:
        row = UserSettings(chat_id=chat_id, discreet=False, crisis_active=False)
        session.add(row)
    return row


def timezone_of(db: Database, chat_id: int) -> str | None:
    """The person's IANA zone name, or None if they haven't told us yet."""
    with db.session() as session:
        row = session.get(UserSettings, chat_id)
        return row.timezone if row else None


def save_timezone(db: Database, chat_id: int, tz_name: str) -> None:
    with db.session() as session:
        _settings_row(session, chat_id).timezone = tz_name


def is_discreet(db: Database, chat_id: int) -> bool:
    with db.session() as session:
        row = session.get(UserSettings, chat_id)
        return bool(row and row.discreet)


def toggle_discreet(db: Database, chat_id: int) -> bool:
    """Switch discreet mode; returns the new setting."""
    with db.session() as session:
        row = _settings_row(session, chat_id)
        row.discreet = not row.discreet
        return row.discreet
