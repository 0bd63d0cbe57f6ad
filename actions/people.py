"""Per-person settings read by actions (the app's ``user_settings`` table).

The action server is its own process, so it opens its own engine on the same
``DATABASE_URL``. Calls run in a worker thread to keep the action server's loop free.
"""

from __future__ import annotations

import asyncio
import functools

from coach.config import Settings
from coach.storage.db import Database
from coach.storage.models import UserSettings


@functools.lru_cache(maxsize=1)
def database() -> Database:
    return Database(Settings.from_env().database_url)


def _country(chat_id: int) -> str | None:
    with database().session() as session:
        row = session.get(UserSettings, chat_id)
        return row.country if row else None


def _set_crisis(chat_id: int, active: bool) -> None:
    with database().session() as session:
        row = session.get(UserSettings, chat_id)
        if row is None:
            row = UserSettings(chat_id=chat_id, discreet=False, crisis_active=active)
            session.add(row)
        row.crisis_active = active


async def set_crisis_flag(sender_id: str, active: bool) -> None:
    """Mirror the ``crisis`` slot into the database: the nudge loop reads it from there."""
    try:
        chat_id = int(sender_id)
    except ValueError:
        return
    await asyncio.to_thread(_set_crisis, chat_id, active)


async def country_for(sender_id: str) -> str | None:
    """The person's chosen country code for helplines, or None (international list)."""
    try:
        chat_id = int(sender_id)
    except ValueError:  # the console's sender id is not a number
        return None
    return await asyncio.to_thread(_country, chat_id)
