"""What a person can do with their reminders: create, list, cancel, pause, resume, snooze.

Every function takes the ``chat_id`` of the person asking and touches only that chat's
rows, so one person can never see or change another's reminders (a forged id from
another chat is simply "not found"). A person has at most ``MAX_LIVE_REMINDERS`` live
(active or paused) reminders; ``create_reminder`` enforces it in the same transaction as
the insert. Delivery (claims, advancing) lives in ``coach.reminders.claims``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from coach.reminders.schedule import Schedule, local_to_utc
from coach.reminders.timing import first_due, following_due, from_db, same_time_next_day, schedule_of, to_db
from coach.storage.db import Database
from coach.storage.sealing import mine
from coach.reminders.records import (
    ACTIVE,
    CANCELLED,
    DONE,
    LIVE_STATUSES,
    MISSED,
    NOTE_MAX_LENGTH,
    ONCE,
    PAUSED,
    RECURRING,
    Reminder,
)

MAX_LIVE_REMINDERS = 20
SNOOZE_HOUR = timedelta(hours=1)
Snooze = Literal["hour", "tomorrow"]


class ReminderCapReached(Exception):
    """The person already has ``MAX_LIVE_REMINDERS`` live reminders."""


@dataclass(frozen=True)
class ResumeResult:
    resumed: int
    expired: list[Reminder]  # one-offs whose time passed while paused; now closed


def _live(chat_id: int) -> sa.sql.ColumnElement:
    return sa.and_(Reminder.chat_id == chat_id, Reminder.status.in_(LIVE_STATUSES))


def count_live(db: Database, chat_id: int) -> int:
    with db.session() as session:
        return session.scalar(sa.select(sa.func.count()).select_from(Reminder).where(_live(chat_id))) or 0


def create_reminder(
    db: Database, chat_id: int, schedule: Schedule, topic: str, cap: int = MAX_LIVE_REMINDERS
) -> Reminder:
    """Save a confirmed schedule; raises ``ReminderCapReached`` when the person is at the cap."""
    reminder = Reminder(
        chat_id=chat_id,
        note=mine(chat_id, schedule.note[:NOTE_MAX_LENGTH]),
        topic=topic,
        kind=schedule.kind,
        rrule=schedule.rrule,
        tz_name=schedule.tz_name,
        local_time=schedule.local_time,
        explicit_time=schedule.explicit_time,
        anchor_at=to_db(schedule.first_fire_at),
        next_fire_at=to_db(first_due(schedule)),
        status=ACTIVE,
    )
    with db.session() as session:
        live = session.scalar(sa.select(sa.func.count()).select_from(Reminder).where(_live(chat_id))) or 0
        if live >= cap:
            raise ReminderCapReached(f"chat has {live} live reminders")
        session.add(reminder)
    return reminder


def live_reminders(db: Database, chat_id: int) -> list[Reminder]:
    """The person's active and paused reminders, soonest first."""
    with db.session() as session:
        query = sa.select(Reminder).where(_live(chat_id)).order_by(Reminder.next_fire_at, Reminder.id)
        return list(session.scalars(query))


def get_reminder(db: Database, chat_id: int, reminder_id: int) -> Reminder | None:
    """One of the person's reminders, whatever its status; None if it isn't theirs."""
    with db.session() as session:
        return _own(session, chat_id, reminder_id)


def _own(session: sa.orm.Session, chat_id: int, reminder_id: int) -> Reminder | None:
    query = sa.select(Reminder).where(Reminder.id == reminder_id, Reminder.chat_id == chat_id)
    return session.scalars(query).first()


def cancel_reminder(db: Database, chat_id: int, reminder_id: int) -> Reminder | None:
    """Stop one live reminder; None if the person has no such live reminder."""
    with db.session() as session:
        reminder = _own(session, chat_id, reminder_id)
        if reminder is None or reminder.status not in LIVE_STATUSES:
            return None
        reminder.status = CANCELLED
        reminder.claimed_by = reminder.claimed_until = None
        return reminder


def _set_status(db: Database, chat_id: int, from_statuses: tuple[str, ...], to_status: str) -> int:
    with db.session() as session:
        result = session.execute(
            sa.update(Reminder)
            .where(Reminder.chat_id == chat_id, Reminder.status.in_(from_statuses))
            .values(status=to_status, claimed_by=None, claimed_until=None)
            .execution_options(synchronize_session=False)
        )
        return result.rowcount or 0


def cancel_all(db: Database, chat_id: int) -> int:
    """Stop every live reminder of the person; how many were stopped."""
    return _set_status(db, chat_id, LIVE_STATUSES, CANCELLED)


def pause_all(db: Database, chat_id: int) -> int:
    """Hold every active reminder until resumed; how many were paused."""
    return _set_status(db, chat_id, (ACTIVE,), PAUSED)


def resume_all(db: Database, chat_id: int, now: datetime) -> ResumeResult:
    """Resume paused reminders: recurring ones at their next occurrence after ``now``;
    one-offs whose time passed while paused are closed (and returned, to tell the person)."""
    resumed, expired = 0, []
    with db.session() as session:
        paused = session.scalars(sa.select(Reminder).where(Reminder.chat_id == chat_id, Reminder.status == PAUSED))
        for reminder in paused:
            if reminder.kind == RECURRING:
                due = following_due(schedule_of(reminder), now)
                reminder.next_fire_at = to_db(due) if due else reminder.next_fire_at
                reminder.status = ACTIVE
                resumed += 1
            elif from_db(reminder.next_fire_at) > now:
                reminder.status = ACTIVE
                resumed += 1
            else:
                reminder.status = MISSED
                expired.append(reminder)
    return ResumeResult(resumed=resumed, expired=expired)


def snooze(db: Database, chat_id: int, reminder_id: int, how: Snooze, now: datetime) -> Reminder | None:
    """Bring a delivered nudge back in an hour, or tomorrow at the same local time.

    Works on active reminders and on delivered one-offs (which become active again); None
    if the reminder is not the person's, or was cancelled or paused meanwhile. The new
    time was chosen by the person, so quiet hours don't move it. A recurring reminder goes
    on from its next occurrence after the snoozed nudge.
    """
    with db.session() as session:
        reminder = _own(session, chat_id, reminder_id)
        if reminder is None or reminder.status not in (ACTIVE, DONE):
            return None
        if how == "hour":
            fire = now + SNOOZE_HOUR
        else:
            delivered = from_db(reminder.last_sent_at or reminder.next_fire_at)
            fire = same_time_next_day(delivered, reminder.tz_name, now)
        reminder.next_fire_at = to_db(fire)
        reminder.status = ACTIVE
        reminder.claimed_by = reminder.claimed_until = None
        return reminder


def take_missed(db: Database, chat_id: int) -> list[Reminder]:
    """The person's one-offs missed during downtime and not yet reported; marks them reported."""
    with db.session() as session:
        missed = list(
            session.scalars(
                sa.select(Reminder)
                .where(Reminder.chat_id == chat_id, Reminder.missed_count > 0)
                .order_by(Reminder.next_fire_at)
            )
        )
        for reminder in missed:
            reminder.missed_count = 0
        return missed


def move_to_zone(db: Database, chat_id: int, tz_name: str, now: datetime) -> int:
    """The person changed time zone: recurring reminders keep their local time in the new zone.

    One-offs keep their moment (only how it is shown changes). Returns how many recurring
    reminders were moved.
    """
    tz = ZoneInfo(tz_name)
    moved = 0
    with db.session() as session:
        for reminder in session.scalars(sa.select(Reminder).where(_live(chat_id))):
            if reminder.kind == ONCE:
                reminder.local_time = from_db(reminder.next_fire_at).astimezone(tz).time()
                reminder.tz_name = tz_name
                continue
            old_wall = from_db(reminder.anchor_at).astimezone(ZoneInfo(reminder.tz_name)).replace(tzinfo=None)
            reminder.anchor_at = to_db(local_to_utc(old_wall, tz))
            reminder.tz_name = tz_name
            due = following_due(schedule_of(reminder), now)
            if due is not None:
                reminder.next_fire_at = to_db(due)
            moved += 1
    return moved
