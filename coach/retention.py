"""Retention: old conversation is deleted, and so is everything of a person silent too long.

``apply_retention`` runs from the reminders' delivery loop (``coach.reminders.delivery``
runs ``retention_chore`` once every ``RETENTION_EVERY``), with the configured ``Retention`` (``EVENTS_RETENTION_DAYS``,
default 180; ``SILENT_RETENTION_DAYS``, default 365; 0 turns either off):

1. each person's last message (the newest ``user`` event) is remembered in
   ``user_settings.last_seen_at``, before old events go;
2. everyone whose last message (or, if they never wrote, their settings row) is older than
   ``silent_days`` is forgotten completely, exactly as by ``/forget`` (key shredded first);
3. conversation events older than ``events_days`` are deleted, for everyone, and the freed
   pages wiped.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

import sqlalchemy as sa

from coach.config import Settings
from coach.people import chat_for_sender
from coach.privacy import forget_user
from coach.storage import conversation_events
from coach.storage.base import UserSettings
from coach.storage.db import Database, wipe_freed_pages

logger = logging.getLogger(__name__)

RETENTION_EVERY = timedelta(hours=1)


@dataclass(frozen=True)
class Retention:
    """How long things are kept, in days (0: kept until /forget)."""

    events_days: int = Settings.events_retention_days
    silent_days: int = Settings.silent_retention_days

    @classmethod
    def from_settings(cls, settings: Settings) -> "Retention":
        return cls(events_days=settings.events_retention_days, silent_days=settings.silent_retention_days)


@dataclass
class RetentionStats:
    forgotten: int = 0  # people silent too long
    events_deleted: int = 0


def _naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


def remember_last_seen(db: Database) -> int:
    """Copy each person's newest message time from the events into ``last_seen_at``; the
    number of people updated."""
    events = conversation_events.events
    updated = 0
    with db.session() as session:
        if not conversation_events.exists(session.connection()):
            return 0
        newest = session.execute(
            sa.select(events.c.sender_id, sa.func.max(events.c.timestamp))
            .where(events.c.type_name == "user").group_by(events.c.sender_id)
        ).all()
        known = dict(session.execute(sa.select(UserSettings.chat_id, UserSettings.last_seen_at)).all())
        for sender_id, timestamp in newest:
            chat_id = chat_for_sender(sender_id)
            if chat_id is None or timestamp is None:
                continue  # not a chat (a benchmark's sender)
            seen = datetime.fromtimestamp(timestamp, timezone.utc).replace(tzinfo=None)
            if chat_id not in known:
                session.add(UserSettings(chat_id=chat_id, last_seen_at=seen))
            elif known[chat_id] is None or known[chat_id] < seen:
                session.execute(sa.update(UserSettings).where(UserSettings.chat_id == chat_id).values(last_seen_at=seen))
            else:
                continue
            updated += 1
    return updated


def silent_people(db: Database, since: datetime) -> list[int]:
    """Everyone whose last message (or, never having written, whose settings row) is older than ``since``."""
    with db.session() as session:
        last = sa.func.coalesce(UserSettings.last_seen_at, UserSettings.created_at)
        return list(session.execute(sa.select(UserSettings.chat_id).where(last < since)).scalars())


def delete_old_events(db: Database, before: datetime) -> int:
    """Delete every conversation event older than ``before``."""
    events = conversation_events.events
    with db.engine.begin() as connection:
        if not conversation_events.exists(connection):
            return 0
        epoch = before.replace(tzinfo=timezone.utc).timestamp()
        return connection.execute(sa.delete(events).where(events.c.timestamp < epoch)).rowcount or 0


def retention_chore(settings: Settings, db: Database) -> Callable[[datetime], RetentionStats]:
    """The delivery loop's chore: a retention pass with the configured periods."""
    retention = Retention.from_settings(settings)
    return lambda now: apply_retention(db, now, retention)


def apply_retention(db: Database, now: datetime, retention: Retention) -> RetentionStats:
    """One retention pass at ``now`` (see the module docstring)."""
    now = _naive_utc(now)
    stats = RetentionStats()
    remember_last_seen(db)
    if retention.silent_days > 0:
        for chat_id in silent_people(db, now - timedelta(days=retention.silent_days)):
            forget_user(db, chat_id)
            stats.forgotten += 1
    if retention.events_days > 0:
        stats.events_deleted = delete_old_events(db, now - timedelta(days=retention.events_days))
        if stats.events_deleted:
            wipe_freed_pages(db)
    if stats.forgotten or stats.events_deleted:
        logger.info("Retention: %d people silent too long forgotten, %d old events deleted.",
                    stats.forgotten, stats.events_deleted)
    return stats
