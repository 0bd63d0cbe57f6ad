"""The outbox: every message to a person is written to the database before it is sent.

The transactional-outbox pattern on the coach's own database (docs/OUTBOX.md):

* ``finish_update``: once an update is handled, its replies go into ``outbox`` in the same
  transaction that marks the update done (``processed_updates``) and takes it out of the
  inbox. A crash before that commit leaves the update in the inbox, to be handled again
  after the restart; a crash after it leaves the replies here, to be sent after it.
* ``enqueue``: a message that answers no update (a reminder's nudge), written once: its
  ``dedupe_key`` (the reminder and occurrence) makes a second write return the first row.
* Both hand back the rows to send now, already *claimed* for this process: a lease
  (``claimed_by``, ``claimed_until``) that another process respects, so two processes
  never send the same row. ``claim_pending`` takes what is left (after a crash, a failed
  send, or a dead process's lapsed lease): on PostgreSQL with ``FOR UPDATE SKIP LOCKED``,
  on SQLite with one conditional ``UPDATE`` under its single writer lock, the way
  ``coach.reminders.claims`` claims reminders. Crisis replies (``urgent``) come first;
  a chat whose rows another process holds is left to it, so each chat's order holds.
* ``mark_sent`` records Telegram's message id. A row sent but not yet marked when the
  process dies is sent again: each chat sends one row at a time, so that is at most one
  repeat per chat (the Bot API has no idempotency key).
* ``prune_outbox`` deletes sent and abandoned rows after ``KEEP_SENT`` (a sent file keeps
  its message id, not its content, for ``DELETABLE_FOR``: /forget deletes it): they hold
  message texts. ``/forget`` and ``/export`` find the table by its ``chat_id``.
"""

from __future__ import annotations

import itertools
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from coach.storage.base import InboxUpdate, OutboxMessage, ProcessedUpdate, utcnow
from coach.storage.db import Database
from coach.storage.sealing import mine, mine_bytes
from coach.storage.updates import CLAIM_RETRY_SECONDS, retrying

TEXT, PHOTO, DOCUMENT = "text", "photo", "document"
LEASE = timedelta(minutes=2)  # a row held this long by a process that stopped answering is taken over
KEEP_SENT = timedelta(hours=1)
DELETABLE_FOR = timedelta(hours=47)  # Telegram lets a bot delete its own message for 48 h
ROW_LOCKING_DIALECTS = frozenset({"postgresql", "mysql", "mariadb"})
OUTBOX = OutboxMessage.__table__
_claims = itertools.count(1)


@dataclass(frozen=True)
class Outgoing:
    """A message to write: text (or a file with a caption), an inline keyboard as JSON."""

    kind: str = TEXT
    text: str = ""
    reply_markup: str | None = None
    file_name: str | None = None
    file_data: bytes | None = None
    urgent: bool = False


@dataclass(frozen=True)
class Queued:
    """A row of the outbox, claimed by this process to be sent."""

    id: int
    chat_id: int
    kind: str
    text: str
    reply_markup: str | None
    file_name: str | None
    file_data: bytes | None
    urgent: bool
    claim: str

    @classmethod
    def of(cls, row: Mapping[str, Any], claim: str) -> "Queued":
        return cls(row["id"], row["chat_id"], row["kind"], row["text"] or "", row["reply_markup"], row["file_name"],
                   row["file_data"], bool(row["urgent"]), claim)


def process_name() -> str:
    """This process, as written into its claims: host and pid (a restart can tell its
    predecessor is gone, see ``release_claims_of_dead_processes``)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _new_claim() -> str:
    return f"{process_name()}:{next(_claims)}"


def _values(chat_id: int, message: Outgoing, now: datetime, update_id: int | None = None,
            dedupe_key: str | None = None, claim: str | None = None) -> dict[str, Any]:
    return {
        "chat_id": chat_id, "update_id": update_id, "dedupe_key": dedupe_key, "urgent": message.urgent,
        "kind": message.kind, "text": mine(chat_id, message.text), "reply_markup": mine(chat_id, message.reply_markup),
        "file_name": message.file_name, "file_data": mine_bytes(chat_id, message.file_data), "created_at": now, "attempts": 0,
        "claimed_by": claim, "claimed_until": now + LEASE if claim else None,
    }


def _claimable(now: datetime) -> sa.sql.ColumnElement:
    return sa.and_(
        OUTBOX.c.sent_at.is_(None),
        OUTBOX.c.gave_up_at.is_(None),
        sa.or_(OUTBOX.c.claimed_until.is_(None), OUTBOX.c.claimed_until < now),
    )


def _claim(connection: Connection, chat_id: int | None = None, limit: int | None = None) -> list[Queued]:
    """Claim unsent rows (one chat's, or any), crisis replies first, then oldest first. A
    chat with a row held by another claim (or waiting to be retried) is left alone, so its
    messages keep their order."""
    now, claim = utcnow(), _new_claim()
    other = OUTBOX.alias("other")
    held = sa.exists().where(
        other.c.chat_id == OUTBOX.c.chat_id, other.c.sent_at.is_(None), other.c.gave_up_at.is_(None),
        other.c.claimed_until >= now,
    )
    query = sa.select(OUTBOX.c.id).where(_claimable(now), ~held)
    if chat_id is not None:
        query = query.where(OUTBOX.c.chat_id == chat_id)
    query = query.order_by(OUTBOX.c.urgent.desc(), OUTBOX.c.id).limit(limit)
    if connection.dialect.name in ROW_LOCKING_DIALECTS:
        query = query.with_for_update(skip_locked=True)
    ids = list(connection.execute(query).scalars())
    if not ids:
        return []
    connection.execute(
        sa.update(OUTBOX).where(OUTBOX.c.id.in_(ids), _claimable(now))
        .values(claimed_by=claim, claimed_until=now + LEASE)
    )
    rows = connection.execute(
        sa.select(OUTBOX).where(OUTBOX.c.claimed_by == claim).order_by(OUTBOX.c.urgent.desc(), OUTBOX.c.id)
    ).mappings()
    return [Queued.of(row, claim) for row in rows]


def _write(connection: Connection, chat_id: int, messages: list[Outgoing], update_id: int | None = None,
           dedupe_key: str | None = None) -> list[Queued]:
    """Insert the messages and claim what the chat has to send. The common case (nothing
    else of the chat waiting) inserts the rows already claimed, without a second look."""
    now = utcnow()
    waiting = connection.execute(
        sa.select(OUTBOX.c.id).where(OUTBOX.c.chat_id == chat_id, OUTBOX.c.sent_at.is_(None),
                                     OUTBOX.c.gave_up_at.is_(None)).limit(1)
    ).first()
    claim = None if waiting else _new_claim()
    written = []
    for number, message in enumerate(messages):
        key = f"{dedupe_key}:{number}" if dedupe_key else None
        values = _values(chat_id, message, now, update_id, key, claim)
        [row_id] = connection.execute(sa.insert(OUTBOX).values(values)).inserted_primary_key
        written.append(Queued.of(dict(values, id=row_id), claim or ""))
    return written if claim else _claim(connection, chat_id)


def finish_update(db: Database, update_id: int, chat_id: int | None, messages: Iterable[Outgoing],
                  retry_for: float = CLAIM_RETRY_SECONDS) -> list[Queued] | None:
    """Mark the update done with its replies written, in one transaction; the chat's rows
    to send now (claimed), or None if another process finished this update first."""
    messages = list(messages)

    def finish() -> list[Queued] | None:
        try:
            with db.keyring.writing_together(), db.engine.begin() as connection:
                # No chat id on the mark: it is written after the handlers ran, so after a
                # /forget it would be the one row left that names the person.
                connection.execute(sa.insert(ProcessedUpdate.__table__).values(update_id=update_id, received_at=utcnow()))
                connection.execute(sa.delete(InboxUpdate.__table__).where(InboxUpdate.update_id == update_id))
                if chat_id is None or not messages:
                    return []
                return _write(connection, chat_id, messages, update_id=update_id)
        except IntegrityError:
            return None

    return retrying(finish, f"finishing update {update_id}", retry_for)


def enqueue(db: Database, chat_id: int, messages: Iterable[Outgoing], dedupe_key: str | None = None,
            retry_for: float = CLAIM_RETRY_SECONDS) -> list[Queued]:
    """Write messages that answer no update; the chat's rows to send now (claimed). With a
    ``dedupe_key`` a second call writes nothing and hands back the first call's rows if
    they are still unsent and nobody holds them."""
    messages = list(messages)

    def write() -> list[Queued]:
        try:
            with db.keyring.writing_together(), db.engine.begin() as connection:
                return _write(connection, chat_id, messages, dedupe_key=dedupe_key)
        except IntegrityError:
            with db.engine.begin() as connection:
                return _claim(connection, chat_id)

    return retrying(write, f"queueing a message for chat {chat_id}", retry_for)


def claim_pending(db: Database, chat_id: int | None = None, limit: int = 200) -> list[Queued]:
    """Claim what is waiting (for one chat, or any): crisis replies first, then oldest first."""

    def claim() -> list[Queued]:
        with db.engine.begin() as connection:
            return _claim(connection, chat_id, limit)

    return retrying(claim, "claiming messages to send", CLAIM_RETRY_SECONDS)


def mark_sent(db: Database, sent: Iterable[tuple[Queued, int | None]]) -> None:
    """Record rows Telegram accepted (with its message ids), if this process still holds them."""
    now, sent = utcnow(), list(sent)

    def write() -> None:
        with db.engine.begin() as connection:
            for row, message_id in sent:
                connection.execute(
                    sa.update(OUTBOX).where(OUTBOX.c.id == row.id, OUTBOX.c.claimed_by == row.claim)
                    .values(sent_at=now, telegram_message_id=message_id, claimed_until=None)
                )

    retrying(write, "marking messages sent", CLAIM_RETRY_SECONDS)


def retry_later(db: Database, row: Queued, delay: timedelta) -> None:
    """A send failed for now (network): let any process try again after ``delay``."""

    def write() -> None:
        with db.session() as session:
            session.execute(
                sa.update(OutboxMessage)
                .where(OutboxMessage.id == row.id, OutboxMessage.claimed_by == row.claim)
                .values(claimed_by=None, claimed_until=utcnow() + delay, attempts=OutboxMessage.attempts + 1)
            )

    retrying(write, "putting a message back", CLAIM_RETRY_SECONDS)


def release(db: Database, rows: Iterable[Queued]) -> None:
    """Let go of claimed rows unsent (any process may claim them again)."""
    rows = list(rows)

    def write() -> None:
        with db.session() as session:
            for row in rows:
                session.execute(
                    sa.update(OutboxMessage)
                    .where(OutboxMessage.id == row.id, OutboxMessage.claimed_by == row.claim)
                    .values(claimed_by=None, claimed_until=None)
                )

    retrying(write, "letting go of messages", CLAIM_RETRY_SECONDS)


def give_up(db: Database, row: Queued) -> None:
    """Telegram refused the row for good (blocked bot, deleted chat, a malformed message)."""

    def write() -> None:
        with db.session() as session:
            session.execute(
                sa.update(OutboxMessage)
                .where(OutboxMessage.id == row.id, OutboxMessage.claimed_by == row.claim)
                .values(gave_up_at=utcnow(), claimed_until=None, attempts=OutboxMessage.attempts + 1)
            )

    retrying(write, "giving up a message", CLAIM_RETRY_SECONDS)


def release_claims_of_dead_processes(db: Database, is_alive=None) -> int:
    """At start-up: rows claimed by a process on this host that no longer runs (a crash)
    are free at once instead of after their lease."""
    host = socket.gethostname()
    alive = is_alive or _pid_alive
    with db.session() as session:
        holders = session.scalars(
            sa.select(OutboxMessage.claimed_by).distinct()
            .where(OutboxMessage.claimed_by.like(f"{host}:%"), OutboxMessage.sent_at.is_(None))
        ).all()
        dead = [holder for holder in holders if not alive(int(holder.split(":")[1]))]
        if not dead:
            return 0
        result = session.execute(
            sa.update(OutboxMessage).where(OutboxMessage.claimed_by.in_(dead), OutboxMessage.sent_at.is_(None))
            .values(claimed_by=None, claimed_until=None)
        )
        return result.rowcount or 0


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def unsent_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(
            sa.select(sa.func.count()).select_from(OutboxMessage)
            .where(OutboxMessage.sent_at.is_(None), OutboxMessage.gave_up_at.is_(None))
        ) or 0


def prune_outbox(db: Database, keep: timedelta = KEEP_SENT) -> int:
    """Delete rows sent (or given up on) more than ``keep`` ago. A sent file (an export)
    loses its content then too, but its row (Telegram's message id) is kept for
    ``DELETABLE_FOR``, so ``/forget`` can still delete the message from the chat."""
    now = utcnow()
    cutoff = now - keep
    sent_file = sa.and_(OutboxMessage.kind == DOCUMENT, OutboxMessage.telegram_message_id.is_not(None))
    with db.session() as session:
        session.execute(sa.update(OutboxMessage)
                        .where(sent_file, OutboxMessage.sent_at < cutoff, OutboxMessage.file_data.is_not(None))
                        .values(file_data=None, text=None))
        result = session.execute(sa.delete(OutboxMessage).where(
            sa.or_(sa.and_(OutboxMessage.sent_at < cutoff, sa.not_(sent_file)),
                   OutboxMessage.sent_at < now - DELETABLE_FOR,
                   OutboxMessage.gave_up_at < cutoff)))
        return result.rowcount or 0


def sent_files(db: Database, chat_id: int) -> list[int]:
    """Telegram's message ids of the files (exports) sent to the person that a bot may still
    delete (a bot can delete its own messages in a private chat for 48 hours)."""
    with db.session() as session:
        return list(session.execute(
            sa.select(OutboxMessage.telegram_message_id).where(
                OutboxMessage.chat_id == chat_id, OutboxMessage.kind == DOCUMENT,
                OutboxMessage.telegram_message_id.is_not(None),
                OutboxMessage.sent_at >= utcnow() - DELETABLE_FOR)
        ).scalars())
