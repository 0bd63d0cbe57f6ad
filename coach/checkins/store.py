"""Daily check-ins: one score (1-5) and an optional one-line note per person per local day.

"Today" is the person's own calendar day: ``user_settings.timezone`` when they set one,
otherwise UTC. A second check-in on the same day replaces the first (score and note);
``created_at`` keeps when the day was first logged. Times are stored in UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa

from coach.storage.db import Database
from coach.people import timezone_of
from coach.storage.base import Base, utcnow
from coach.storage.sealing import SealedText, mine

MIN_SCORE, MAX_SCORE = 1, 5


class CheckIn(Base):
    """How safe and connected the person felt on one day."""

    __tablename__ = "checkins"
    __table_args__ = (
        sa.UniqueConstraint("chat_id", "day", name="uq_checkins_chat_id_day"),
        sa.CheckConstraint(f"score BETWEEN {MIN_SCORE} AND {MAX_SCORE}", name="ck_checkins_score_range"),
    )

    id = sa.Column(sa.Integer, primary_key=True)
    chat_id = sa.Column(sa.BigInteger, nullable=False, index=True)
    day = sa.Column(sa.Date, nullable=False)  # the person's local calendar day
    score = sa.Column(sa.SmallInteger, nullable=False)
    note = sa.Column(SealedText, nullable=True)  # encrypted under the person's key
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    updated_at = sa.Column(sa.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


@dataclass(frozen=True)
class DayScore:
    """One check-in as plain data, safe to use after its session is closed."""

    day: date
    score: int
    note: str | None = None


@dataclass(frozen=True)
class SaveResult:
    saved: DayScore
    replaced: DayScore | None  # the earlier check-in of that day, if there was one


def user_timezone(db: Database, chat_id: int) -> tzinfo:
    """The person's time zone from their settings; UTC when unset or unknown."""
    name = timezone_of(db, chat_id)
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def local_day(db: Database, chat_id: int, now: datetime | None = None) -> date:
    """The person's calendar day at ``now`` (timezone-aware; default: the current time)."""
    moment = now or datetime.now(timezone.utc)
    return moment.astimezone(user_timezone(db, chat_id)).date()


def save_checkin(db: Database, chat_id: int, day: date, score: int, note: str | None) -> SaveResult:
    """Store the day's check-in, replacing an earlier one of the same day."""
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise ValueError(f"score must be {MIN_SCORE}-{MAX_SCORE}, got {score}")
    with db.session() as session:
        row = session.execute(
            sa.select(CheckIn).where(CheckIn.chat_id == chat_id, CheckIn.day == day)
        ).scalar_one_or_none()
        replaced = DayScore(row.day, row.score, row.note) if row else None
        if row is None:
            session.add(CheckIn(chat_id=chat_id, day=day, score=score, note=mine(chat_id, note)))
        else:
            row.score, row.note = score, mine(chat_id, note)
    return SaveResult(saved=DayScore(day, score, note), replaced=replaced)


def checkins_between(db: Database, chat_id: int, first: date, last: date) -> list[DayScore]:
    """The person's check-ins from ``first`` to ``last`` (both included), oldest first."""
    with db.session() as session:
        rows = session.execute(
            sa.select(CheckIn.day, CheckIn.score, CheckIn.note)
            .where(CheckIn.chat_id == chat_id, CheckIn.day >= first, CheckIn.day <= last)
            .order_by(CheckIn.day)
        ).all()
    return [DayScore(day, score, note) for day, score, note in rows]


def checkin_days(db: Database, chat_id: int, last: date) -> list[date]:
    """Every day up to ``last`` on which the person checked in, newest first (for streaks)."""
    with db.session() as session:
        return list(
            session.execute(
                sa.select(CheckIn.day)
                .where(CheckIn.chat_id == chat_id, CheckIn.day <= last)
                .order_by(CheckIn.day.desc())
            ).scalars()
        )


def checkin_on(db: Database, chat_id: int, day: date) -> DayScore | None:
    """The check-in of one day, if any."""
    found = checkins_between(db, chat_id, day, day)
    return found[0] if found else None


def has_checkins(db: Database, chat_id: int) -> bool:
    with db.session() as session:
        return session.execute(
            sa.select(CheckIn.id).where(CheckIn.chat_id == chat_id).limit(1)
        ).first() is not None
