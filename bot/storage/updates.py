"""Remembers which Telegram updates were handled, so a redelivered update is skipped.

Telegram redelivers updates that were fetched but not confirmed (e.g. after a crash).
An update is claimed by inserting its id before it is handled: the primary key makes the
claim atomic, also across several bot processes. That is at-most-once handling: a crash
in the middle of one update loses that one reply rather than sending it twice.

A locked or briefly unreachable database does not lose the message: the claim is retried
with backoff for up to ``CLAIM_RETRY_SECONDS``, each retry logged as a warning, while the
update waits (SQLite itself first waits out a lock for its busy timeout of 5 s).
"""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.storage.db import Database
from bot.storage.models import ProcessedUpdate, utcnow

logger = logging.getLogger(__name__)

CLAIM_RETRY_SECONDS = 60.0
MAX_RETRY_DELAY = 5.0


def claim_update(db: Database, update_id: int, chat_id: int | None, retry_for: float = CLAIM_RETRY_SECONDS) -> bool:
    """True if this process may handle the update; False if it was handled before.

    Blocking (the handlers run it in a worker thread); raises the database's error if it
    stays locked or unreachable for ``retry_for`` seconds."""
    deadline = time.monotonic() + retry_for
    delay = 0.5
    while True:
        try:
            with db.session() as session:
                session.add(ProcessedUpdate(update_id=update_id, chat_id=chat_id))
            return True
        except IntegrityError:
            return False
        except OperationalError as error:  # locked, or the server is gone for a moment
            if time.monotonic() + delay > deadline:
                raise
            logger.warning("The database is unavailable (%s) while claiming update %s; retrying in %.1f s.",
                           error.orig, update_id, delay)
            time.sleep(delay)
            delay = min(delay * 2, MAX_RETRY_DELAY)


def prune_processed_updates(db: Database, older_than: timedelta = timedelta(days=2)) -> int:
    """Forget claims older than Telegram's redelivery window (it keeps updates 24 h)."""
    cutoff: datetime = utcnow() - older_than
    with db.session() as session:
        result = session.execute(sa.delete(ProcessedUpdate).where(ProcessedUpdate.received_at < cutoff))
        return result.rowcount or 0
