"""Remembers which Telegram updates were handled, so a redelivered update is skipped.

Telegram redelivers updates that were fetched but not confirmed (e.g. after a crash).
An update is claimed by inserting its id before it is handled: the primary key makes the
claim atomic, also across several bot processes. That is at-most-once handling: a crash
in the middle of one update loses that one reply rather than sending it twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from bot.storage.db import Database
from bot.storage.models import ProcessedUpdate, utcnow


def claim_update(db: Database, update_id: int, chat_id: int | None) -> bool:
    """True if this process may handle the update; False if it was handled before."""
    try:
        with db.session() as session:
            session.add(ProcessedUpdate(update_id=update_id, chat_id=chat_id))
    except IntegrityError:
        return False
    return True


def prune_processed_updates(db: Database, older_than: timedelta = timedelta(days=2)) -> int:
    """Forget claims older than Telegram's redelivery window (it keeps updates 24 h)."""
    cutoff: datetime = utcnow() - older_than
    with db.session() as session:
        result = session.execute(sa.delete(ProcessedUpdate).where(ProcessedUpdate.received_at < cutoff))
        return result.rowcount or 0
