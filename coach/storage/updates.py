"""The life of a Telegram update in the database: kept in the inbox once fetched, done
once its replies are in the outbox, so a crash loses no update and no reply.

* ``keep_in_inbox``: python-telegram-bot confirms updates to Telegram (the next
  ``getUpdates`` offset) as soon as it has fetched them, not once they are handled, so
  each fetched update is first written to ``telegram_inbox`` (``bot.telegram.inbox``).
  At start-up the ones still there are queued again (``unclaimed_in_inbox``).
* An update stays in the inbox while it is handled. ``coach.storage.outbox.finish_update``
  ends it: in one transaction its replies go into the outbox, its id into
  ``processed_updates`` (the primary key: a second finish, by this or another process,
  fails and writes nothing) and it leaves the inbox. A crash before that commit means the
  update is handled again after the restart (the bridge then replays what Rasa's tracker
  already recorded for it instead of running it twice); after it, the replies are sent.
* A redelivered update (Telegram sends it again when a crash kept the next
  ``getUpdates`` offset from reaching it) is seen by ``keep_in_inbox``, in the inbox or
  finished, and never queued twice.

A locked or briefly unreachable database does not lose the message: writes are retried
with backoff for up to ``CLAIM_RETRY_SECONDS``, each retry logged as a warning, while the
update waits (SQLite itself first waits out a lock for its busy timeout of 5 s).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from typing import Callable, TypeVar

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from coach.storage.db import Database
from coach.storage.base import InboxUpdate, ProcessedUpdate, utcnow
from coach.storage.sealing import mine

logger = logging.getLogger(__name__)

T = TypeVar("T")

CLAIM_RETRY_SECONDS = 60.0
MAX_RETRY_DELAY = 5.0


def keep_in_inbox(db: Database, update_id: int, chat_id: int | None, payload: str,
                  retry_for: float = CLAIM_RETRY_SECONDS) -> bool:
    """Write a fetched update to the inbox, once; False if it was seen before (it is in the
    inbox, being handled, or finished: a redelivery to skip). Blocking; raises if the
    database stays unavailable."""

    def keep() -> bool:
        with db.session() as session:
            seen = session.get(InboxUpdate, update_id) or session.get(ProcessedUpdate, update_id)
            if seen is None:
                session.add(InboxUpdate(update_id=update_id, chat_id=chat_id, payload=mine(chat_id, payload)))
            return seen is None

    try:
        return retrying(keep, f"keeping update {update_id}", retry_for)
    except IntegrityError:  # another process kept it at the same moment
        return False


def unclaimed_in_inbox(db: Database) -> list[str]:
    """The payloads of fetched updates whose handling never started, oldest first."""
    with db.session() as session:
        query = (
            sa.select(InboxUpdate.payload)
            .where(~sa.exists().where(ProcessedUpdate.update_id == InboxUpdate.update_id))
            .order_by(InboxUpdate.update_id)
        )
        return list(session.scalars(query))


def retrying(work: Callable[[], T], what: str, retry_for: float) -> T:
    """Run ``work``; while the database is locked or unreachable, retry with backoff (each
    retry logged as a warning) for up to ``retry_for`` seconds, then raise."""
    deadline = time.monotonic() + retry_for
    delay = 0.5
    while True:
        try:
            return work()
        except OperationalError as error:  # locked, or the server is gone for a moment
            if time.monotonic() + delay > deadline:
                raise
            logger.warning("The database is unavailable (%s) while %s; retrying in %.1f s.", error.orig, what, delay)
            time.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_DELAY)


def prune_processed_updates(db: Database, older_than: timedelta = timedelta(days=2)) -> int:
    """Forget claims older than Telegram's redelivery window (it keeps updates 24 h)."""
    cutoff: datetime = utcnow() - older_than
    with db.session() as session:
        result = session.execute(sa.delete(ProcessedUpdate).where(ProcessedUpdate.received_at < cutoff))
        return result.rowcount or 0
