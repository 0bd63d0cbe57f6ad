"""Claiming due reminders and recording what became of them, safely across processes.

A delivery loop first *claims* a batch of due rows: it stamps them with its batch token
(``claimed_by``) and a lease (``claimed_until``). Another loop, in this or another process,
skips claimed rows until the lease lapses, so a row is handed to one loop at a time.

* PostgreSQL (and MySQL 8): ``SELECT id ... FOR UPDATE SKIP LOCKED`` picks the batch and
  locks it; a concurrent loop skips the locked rows instead of waiting, then the claim is
  stamped in the same transaction.
* SQLite (no row locks; one writer at a time): a single conditional
  ``UPDATE ... SET claimed_by = :token WHERE id IN (<due ids>) AND (claimed_until IS NULL
  OR claimed_until < :now)``. The write lock makes the statement atomic, and the
  repeated condition means a row another loop claimed first is not taken; ``rowcount``
  says how many rows this loop got, and the rows are then read back by token.

Every later write is conditional on still holding the claim (``claimed_by = :token``) and
on the row still being active, so a reminder the person cancelled or paused meanwhile
is never revived, and a loop whose lease lapsed cannot overwrite the next loop's work.
People in a crisis (``user_settings.crisis_active``) are left out of claims altogether.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

import sqlalchemy as sa

from coach.reminders.nudges import MissedNote
from coach.reminders.timing import from_db, to_db
from coach.storage.db import Database
from coach.storage.base import UserSettings
from coach.reminders.records import ACTIVE, DONE, MISSED, PAUSED, Reminder

ROW_LOCKING_DIALECTS = frozenset({"postgresql", "mysql", "mariadb"})


def _due(now: datetime, only_chat_id: int | None) -> sa.sql.ColumnElement:
    at = to_db(now)
    in_crisis = sa.exists().where(UserSettings.chat_id == Reminder.chat_id, UserSettings.crisis_active.is_(True))
    conditions = [
        Reminder.status == ACTIVE,
        Reminder.next_fire_at <= at,
        sa.or_(Reminder.claimed_until.is_(None), Reminder.claimed_until < at),
        ~in_crisis,
    ]
    if only_chat_id is not None:
        conditions.append(Reminder.chat_id == only_chat_id)
    return sa.and_(*conditions)


def claim_statement_uses_row_locks(db: Database) -> bool:
    return db.engine.dialect.name in ROW_LOCKING_DIALECTS


def due_ids_query(now: datetime, limit: int, only_chat_id: int | None = None, skip_locked: bool = False) -> sa.sql.Select:
    """The ids of the next due rows, oldest first (``FOR UPDATE SKIP LOCKED`` when asked)."""
    query = sa.select(Reminder.id).where(_due(now, only_chat_id)).order_by(Reminder.next_fire_at, Reminder.id).limit(limit)
    return query.with_for_update(skip_locked=True) if skip_locked else query


def claim_due(
    db: Database, now: datetime, token: str, lease: timedelta, limit: int, only_chat_id: int | None = None
) -> list[Reminder]:
    """Claim up to ``limit`` due reminders for the batch ``token``; the claimed rows."""
    stamp = {"claimed_by": token, "claimed_until": to_db(now + lease)}
    with db.session() as session:
        if claim_statement_uses_row_locks(db):
            ids = list(session.scalars(due_ids_query(now, limit, only_chat_id, skip_locked=True)))
            if not ids:
                return []
            session.execute(
                sa.update(Reminder).where(Reminder.id.in_(ids)).values(**stamp).execution_options(synchronize_session=False)
            )
        else:
            candidates = due_ids_query(now, limit, only_chat_id).scalar_subquery()
            result = session.execute(
                sa.update(Reminder)
                .where(Reminder.id.in_(candidates), _due(now, only_chat_id))
                .values(**stamp)
                .execution_options(synchronize_session=False)
            )
            if not result.rowcount:
                return []
        query = sa.select(Reminder).where(Reminder.claimed_by == token).order_by(Reminder.next_fire_at, Reminder.id)
        return list(session.scalars(query))


def _held(reminder_id: int, token: str) -> sa.sql.ColumnElement:
    return sa.and_(Reminder.id == reminder_id, Reminder.claimed_by == token, Reminder.status == ACTIVE)


_RELEASED = {"claimed_by": None, "claimed_until": None}


@dataclass(frozen=True)
class SentNudge:
    """A nudge that went out: what to write back for its reminder."""

    reminder: Reminder
    sent_at: datetime
    next_due: datetime | None  # None: a one-off, now done
    reported_missed: tuple[int, ...] = ()  # missed one-offs it mentioned


def record_sent(db: Database, token: str, sent: Iterable[SentNudge]) -> list[int]:
    """Advance recurring reminders to their next due time and close one-offs, in one transaction.

    Also marks the missed one-offs mentioned as reported. Returns the ids whose claim was
    lost meanwhile (cancelled, paused or re-claimed), which were left as they are.
    """
    lost = []
    with db.session() as session:
        for item in sent:
            values = {
                **_RELEASED,
                "last_sent_at": to_db(item.sent_at),
                "nudge_index": item.reminder.nudge_index + 1,
                "status": ACTIVE if item.next_due else DONE,
            }
            if item.next_due is not None:
                values["next_fire_at"] = to_db(item.next_due)
            result = session.execute(
                sa.update(Reminder)
                .where(_held(item.reminder.id, token))
                .values(**values)
                .execution_options(synchronize_session=False)
            )
            if not result.rowcount:
                lost.append(item.reminder.id)
            if item.reported_missed:
                session.execute(
                    sa.update(Reminder)
                    .where(Reminder.id.in_(item.reported_missed), Reminder.chat_id == item.reminder.chat_id)
                    .values(missed_count=0)
                    .execution_options(synchronize_session=False)
                )
    return lost


def record_skipped(db: Database, token: str, missed_once: Iterable[int], advanced: dict[int, datetime | None]) -> None:
    """Late beyond the grace period: one-offs become missed (to report), recurring ones move
    on to their next due time (or finish, if their rule has no further occurrence)."""
    with db.session() as session:
        missed = list(missed_once)
        if missed:
            session.execute(
                sa.update(Reminder)
                .where(Reminder.id.in_(missed), Reminder.claimed_by == token, Reminder.status == ACTIVE)
                .values(**_RELEASED, status=MISSED, missed_count=1)
                .execution_options(synchronize_session=False)
            )
        for reminder_id, next_due in advanced.items():
            moved_on = {"next_fire_at": to_db(next_due)} if next_due else {"status": DONE}
            session.execute(
                sa.update(Reminder)
                .where(_held(reminder_id, token))
                .values(**_RELEASED, **moved_on)
                .execution_options(synchronize_session=False)
            )


def hold_for_retry(db: Database, token: str, reminder_id: int, retry_at: datetime) -> None:
    """Sending failed for a passing reason: keep the row due, untouched until ``retry_at``."""
    with db.session() as session:
        session.execute(
            sa.update(Reminder)
            .where(_held(reminder_id, token))
            .values(claimed_until=to_db(retry_at))
            .execution_options(synchronize_session=False)
        )


def record_unreachable(db: Database, token: str, reminder_id: int) -> None:
    """Telegram refused the chat (the person blocked the bot): pause instead of retrying forever."""
    with db.session() as session:
        session.execute(
            sa.update(Reminder)
            .where(_held(reminder_id, token))
            .values(**_RELEASED, status=PAUSED)
            .execution_options(synchronize_session=False)
        )


def unreported_missed(db: Database, chat_ids: Iterable[int]) -> dict[int, list[tuple[int, MissedNote]]]:
    """Per chat, the missed one-offs not yet mentioned: (reminder id, what to say)."""
    wanted = sorted(set(chat_ids))
    if not wanted:
        return {}
    found: dict[int, list[tuple[int, MissedNote]]] = {}
    with db.session() as session:
        query = (
            sa.select(Reminder)
            .where(Reminder.chat_id.in_(wanted), Reminder.missed_count > 0)
            .order_by(Reminder.next_fire_at)
        )
        for reminder in session.scalars(query):
            note = MissedNote(reminder.note, from_db(reminder.next_fire_at), reminder.tz_name)
            found.setdefault(reminder.chat_id, []).append((reminder.id, note))
    return found
