"""The declarative ``Base``, ``utcnow`` and the storage layer's own tables.

Feature table modules (``coach.apology.store``, ``coach.checkins.store``,
``coach.reminders.records``) import ``Base`` from here, never from ``coach.tables``:
``models`` imports every table module so ``Base.metadata`` holds the whole schema, and a
feature importing ``models`` would then reach every other feature (see the import-linter
contract "No cycles between the core's rooms").

Every table that holds something about a person is keyed by ``chat_id`` (one Telegram
chat is one Rasa sender), so ``/forget`` and ``/export`` can find all of it (the list is
``coach.privacy.PERSON_TABLES``). Message texts are ``SealedText`` (``coach.storage.sealing``).
Schema changes go through an Alembic migration in ``migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

from coach.storage.sealing import SealedBytes, SealedText

Base = declarative_base()


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class ProcessedUpdate(Base):
    """A Telegram update whose replies are in the outbox: a redelivered one is skipped.
    (``chat_id`` is left empty since the outbox: see ``coach.storage.outbox.finish_update``.)"""

    __tablename__ = "processed_updates"

    update_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    chat_id = sa.Column(sa.BigInteger, nullable=True, index=True)
    received_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class InboxUpdate(Base):
    """A Telegram update fetched but not yet claimed for handling (coach/storage/updates.py)."""

    __tablename__ = "telegram_inbox"

    update_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    chat_id = sa.Column(sa.BigInteger, nullable=True, index=True)
    payload = sa.Column(SealedText, nullable=False)  # the update as Telegram sent it (JSON), sealed
    received_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)


class OutboxMessage(Base):
    """A message to a person, written before it is sent (coach/storage/outbox.py).

    Rows are claimed with a lease (``claimed_by``, ``claimed_until``) by the process that
    sends them, marked ``sent_at`` with Telegram's message id once Telegram has them, and
    pruned a little later. ``gave_up_at`` marks a row Telegram refused for good."""

    __tablename__ = "outbox"

    id = sa.Column(sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True, autoincrement=True)
    chat_id = sa.Column(sa.BigInteger, nullable=False, index=True)
    update_id = sa.Column(sa.BigInteger, nullable=True)  # the update it answers (None for nudges)
    dedupe_key = sa.Column(sa.String(120), nullable=True, unique=True)  # a nudge's reminder and occurrence
    urgent = sa.Column(sa.Boolean, nullable=False, default=False)  # a crisis reply: sent first
    kind = sa.Column(sa.String(16), nullable=False)  # text, photo or document
    text = sa.Column(SealedText, nullable=True)  # the message, or the file's caption (sealed)
    reply_markup = sa.Column(SealedText, nullable=True)  # the inline keyboard (JSON, sealed: button titles)
    file_name = sa.Column(sa.String(200), nullable=True)
    file_data = sa.Column(SealedBytes, nullable=True)
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)
    claimed_by = sa.Column(sa.String(120), nullable=True)
    claimed_until = sa.Column(sa.DateTime, nullable=True)
    attempts = sa.Column(sa.Integer, nullable=False, default=0)
    sent_at = sa.Column(sa.DateTime, nullable=True, index=True)
    telegram_message_id = sa.Column(sa.BigInteger, nullable=True)
    gave_up_at = sa.Column(sa.DateTime, nullable=True)


class UserSettings(Base):
    """Per-person settings that are not conversation state."""

    __tablename__ = "user_settings"

    chat_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    country = sa.Column(sa.String(8), nullable=True)  # ISO code for helplines
    timezone = sa.Column(sa.String(64), nullable=True)  # IANA zone name
    discreet = sa.Column(sa.Boolean, nullable=False, default=False, server_default=sa.false())  # neutral notification texts
    crisis_active = sa.Column(sa.Boolean, nullable=False, default=False, server_default=sa.false())  # no nudges while set
    pending_question = sa.Column(sa.String(32), nullable=True)  # a yes/no question outside Rasa (/forget)
    pending_since = sa.Column(sa.DateTime, nullable=True)
    last_seen_at = sa.Column(sa.DateTime, nullable=True)  # the person's newest message (coach.retention)
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)
