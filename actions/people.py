"""The action server's side of ``coach.people``: its database, and async wrappers.

The action server is its own process, so it opens its own engine on the same
``DATABASE_URL`` (``database()``, which the other action modules use too). The settings
themselves are read and written by ``coach.people``; calls run in a worker thread to keep
the action server's loop free. A sender that is not a chat (``chat_for_sender`` gives
None) has no settings: nothing is written, and the country is None.
"""

from __future__ import annotations

import asyncio
import functools

from coach import people
from coach.config import Settings
from coach.storage.db import Database


@functools.lru_cache(maxsize=1)
def database() -> Database:
    return Database(Settings.from_env().database_url)


async def set_crisis_flag(sender_id: str, active: bool) -> None:
    """Mirror the ``crisis`` slot into the database: the nudge loop reads it from there."""
    chat_id = people.chat_for_sender(sender_id)
    if chat_id is not None:
        await asyncio.to_thread(people.set_crisis, database(), chat_id, active)


async def country_for(sender_id: str) -> str | None:
    """The person's chosen country code for helplines, or None (international list)."""
    chat_id = people.chat_for_sender(sender_id)
    if chat_id is None:
        return None
    return await asyncio.to_thread(people.country_of, database(), chat_id)
