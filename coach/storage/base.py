"""The declarative ``Base``, ``utcnow`` and the storage layer's own tables.

Feature table modules (``coach.apology.store``, ``coach.checkins.store``,
``coach.reminders.records``) import ``Base`` from here, never from ``coach.tables``:
``models`` imports every table module so ``Base.metadata`` holds the whole schema, and a
feature importing ``models`` would then reach every other feature (see the import-linter
contract "No cycles between the core's rooms").

Every table that holds something about a person is keyed by ``chat_id`` (one Telegram
chat is one Rasa sender), so ``/forget`` and ``/export`` can find all of it.
Schema changes go through an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ProcessedUpdate(Base):
    """A Telegram update we have started handling: a redelivered one is skipped."""

    __tablename__ = "processed_updates"

    update_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    chat_id = sa.Column(sa.BigInteger, nullable=True, index=True)
    received_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class InboxUpdate(Base):
    """A Telegram update fetched but not yet claimed for handling (coach/storage/updates.py)."""

    __tablename__ = "telegram_inbox"

    update_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    chat_id = sa.Column(sa.BigInteger, nullable=True, index=True)
    payload = sa.Column(sa.Text, nullable=False)  # the update as Telegram sent it (JSON)
    received_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class UserSettings(Base):
    """Per-person settings that are not conversation state."""

    __tablename__ = "user_settings"

    chat_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    country = sa.Column(sa.String(8), nullable=True)  # ISO code for helplines
    timezone = sa.Column(sa.String(64), nullable=True)  # IANA zone name
    discreet = sa.Column(sa.Boolean, nullable=False, default=False, server_default=sa.false())  # neutral notification texts
    crisis_active = sa.Column(sa.Boolean, nullable=False, default=False, server_default=sa.false())  # no nudges while set
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)
