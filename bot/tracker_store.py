"""Rasa's SQL tracker store, waiting out a locked or briefly unreachable database.

Rasa wraps every tracker store in its ``FailSafeTrackerStore``: when loading a
conversation fails it starts an empty one, and when saving fails it keeps the turn in
memory only, so the next message no longer sees it. A database that is locked for a few
seconds (SQLite gives up after 5 s) or restarting (PostgreSQL) would silently cost
conversation state. ``RetryingSQLTrackerStore`` retries both with backoff for up to
``RETRY_SECONDS``, logging each retry as a warning, before letting the error through.
Saving again is safe: Rasa stores only the events the database does not have yet.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Awaitable, Callable, Optional, TypeVar

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.exc import OperationalError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 60.0
MAX_RETRY_DELAY = 5.0
Result = TypeVar("Result")


async def _retrying(attempt: Callable[[], Awaitable[Result]], doing: str) -> Result:
    deadline = time.monotonic() + RETRY_SECONDS
    delay = 0.5
    while True:
        try:
            return await attempt()
        except OperationalError as error:  # locked, or the server is gone for a moment
            if time.monotonic() + delay > deadline:
                raise
            logger.warning("The database is unavailable (%s) while %s; retrying in %.1f s.", error.orig, doing, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_DELAY)


class RetryingSQLTrackerStore(SQLTrackerStore):
    """``SQLTrackerStore`` whose load and save are retried while the database is unavailable."""

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        return await _retrying(lambda: super(RetryingSQLTrackerStore, self).retrieve(sender_id),
                               f"loading the conversation of {sender_id}")

    async def save(self, tracker: DialogueStateTracker) -> None:
        await _retrying(lambda: super(RetryingSQLTrackerStore, self).save(tracker),
                        f"saving the conversation of {tracker.sender_id}")
