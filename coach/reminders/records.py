"""The reminders table: the single source of truth for every nudge a person has set.

One row per reminder. Times are naive UTC (``next_fire_at`` is when it is next due); the
person's wall-clock intent is kept beside them (``tz_name``, ``local_time``, ``rrule``), so
recurrences can be recomputed across daylight-saving changes. ``claimed_by`` and
``claimed_until`` let several delivery loops share the table without sending twice (see
``coach.reminders.claims``). Schema changes go through an Alembic migration.
"""

from __future__ import annotations

import sqlalchemy as sa

from coach.storage.base import Base, utcnow
from coach.storage.sealing import SealedText

# status values
ACTIVE = "active"  # waiting for next_fire_at
PAUSED = "paused"  # kept, but not delivered until resumed
DONE = "done"  # a one-off that was delivered
CANCELLED = "cancelled"  # stopped by the person
MISSED = "missed"  # a one-off that came due while the coach was down for longer than the grace period
LIVE_STATUSES = (ACTIVE, PAUSED)  # what the person sees in their list and what the cap counts

ONCE = "once"
RECURRING = "recurring"

NOTE_MAX_LENGTH = 300


class Reminder(Base):
    """A nudge the person asked for, once or recurring."""

    __tablename__ = "reminders"
    __table_args__ = (sa.Index("ix_reminders_due", "status", "next_fire_at"),)

    id = sa.Column(sa.Integer, primary_key=True)
    chat_id = sa.Column(sa.BigInteger, nullable=False, index=True)
    note = sa.Column(SealedText, nullable=False, default="", server_default=sa.text("''"))  # at most NOTE_MAX_LENGTH; sealed
    topic = sa.Column(sa.String(32), nullable=False, default="general", server_default="general")  # a key of guidance.yml's nudges
    kind = sa.Column(sa.String(16), nullable=False)  # ONCE or RECURRING
    rrule = sa.Column(sa.String(200), nullable=True)  # RFC 5545 RRULE body, None for one-offs
    tz_name = sa.Column(sa.String(64), nullable=False)  # IANA zone the schedule is read in
    local_time = sa.Column(sa.Time, nullable=False)  # wall-clock time asked for, in tz_name
    explicit_time = sa.Column(sa.Boolean, nullable=False, default=False, server_default=sa.false())  # chosen, so quiet hours don't move it
    anchor_at = sa.Column(sa.DateTime, nullable=False)  # the recurrence's DTSTART, UTC
    next_fire_at = sa.Column(sa.DateTime, nullable=False)  # UTC; for finished rows, the last due time
    status = sa.Column(sa.String(16), nullable=False, default=ACTIVE, server_default=ACTIVE)
    last_sent_at = sa.Column(sa.DateTime, nullable=True)
    claimed_by = sa.Column(sa.String(64), nullable=True)  # the delivery batch holding the row
    claimed_until = sa.Column(sa.DateTime, nullable=True)  # the claim lapses after this (UTC)
    missed_count = sa.Column(sa.Integer, nullable=False, default=0, server_default="0")  # missed and not yet reported
    nudge_index = sa.Column(sa.Integer, nullable=False, default=0, server_default="0")  # rotation through the topic's prompts
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)
