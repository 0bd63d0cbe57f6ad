"""The person's control over their data: export everything, or delete everything for real.

``PERSON_TABLES`` is the one list of the project's own tables that hold something about a
person, each with the column naming them: the app's tables (``chat_id``) and Rasa's
conversation events (``events.sender_id``). Export, forget and retention read it; a
table of another application in a shared database is never touched.
``tests/test_privacy_forget.py`` fails when a table with a person column joins the
metadata without joining this list.

Forgetting first shreds the person's data key (``coach.storage.keys``: their sealed
values, wherever a copy survives, can no longer be decrypted), deletes the rows in one
transaction, then wipes what SQLite would otherwise
keep on disk: every connection runs with ``secure_delete`` (``coach.storage.db``), so
freed pages are zeroed, and the write-ahead log is checkpointed and truncated, so no old
page version stays in the ``-wal`` file. Files a front end wrote for the person (the
console's exports and charts) are removed by the caller, which knows where it put them.

Both run in the front end, outside Rasa: deleting a tracker from inside an action would
be undone when Rasa saves the turn's events afterwards.
"""

from __future__ import annotations

import base64
import json
import logging
from datetime import date, datetime, time, timezone
from typing import Any

import sqlalchemy as sa

from coach.people import sender_for_chat
from coach.storage import conversation_events
from coach.storage.db import Database, wipe_freed_pages
from coach.tables import Base

logger = logging.getLogger(__name__)

PERSON_COLUMNS = frozenset({"chat_id", "sender_id", "user_id"})  # a column with one of these names names a person
PERSON_TABLES: tuple[tuple[str, str], ...] = (  # (table, the column naming the person)
    ("user_settings", "chat_id"),
    ("apology_progress", "chat_id"),
    ("apology_drafts", "chat_id"),
    ("checkins", "chat_id"),
    ("reminders", "chat_id"),
    ("telegram_inbox", "chat_id"),
    ("outbox", "chat_id"),
    ("processed_updates", "chat_id"),  # always empty since the outbox, kept on the list all the same
    (conversation_events.EVENTS_TABLE_NAME, "sender_id"),
)
EXPORT_FILENAME = "trustcoach-export.json"


def person_table(name: str) -> sa.Table:
    """The table of ``PERSON_TABLES`` called ``name``."""
    if name == conversation_events.EVENTS_TABLE_NAME:
        return conversation_events.events
    return Base.metadata.tables[name]


def _person_value(column: str, chat_id: int) -> Any:
    return sender_for_chat(chat_id) if column == "sender_id" else chat_id


def _present_tables(connection: sa.engine.Connection) -> list[tuple[sa.Table, sa.ColumnElement, str]]:
    """The listed tables that exist in this database (Rasa creates ``events`` on first use)."""
    found = []
    for name, column in PERSON_TABLES:
        if name == conversation_events.EVENTS_TABLE_NAME and not conversation_events.exists(connection):
            continue
        table = person_table(name)
        found.append((table, table.c[column], column))
    return found


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):  # a reminder's local_time is a TIME column
        return value.isoformat()
    if isinstance(value, bytes):  # a chart or file still in the outbox
        return "base64:" + base64.b64encode(value).decode("ascii")
    return value


def collect_user_data(db: Database, chat_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every row about the person, table by table (Rasa events with their JSON decoded)."""
    data: dict[str, list[dict[str, Any]]] = {}
    with db.engine.connect() as connection:
        for table, column, name in _present_tables(connection):
            rows = connection.execute(sa.select(table).where(column == _person_value(name, chat_id))).mappings()
            records = [{key: _jsonable(value) for key, value in row.items()} for row in rows]
            if table.name == conversation_events.EVENTS_TABLE_NAME:
                for record in records:
                    record["data"] = json.loads(record["data"]) if record.get("data") else None
            if records:
                data[table.name] = records
    return data


def export_json(db: Database, chat_id: int) -> bytes:
    """The person's data as a readable JSON document."""
    document = {
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "chat_id": chat_id,
        "tables": collect_user_data(db, chat_id),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def delete_person_rows(connection: sa.engine.Connection, chat_id: int) -> dict[str, int]:
    """Delete every row about the person on ``connection``; rows deleted per table."""
    deleted: dict[str, int] = {}
    for table, column, name in _present_tables(connection):
        result = connection.execute(sa.delete(table).where(column == _person_value(name, chat_id)))
        if result.rowcount:
            deleted[table.name] = result.rowcount
    return deleted


def forget_user(db: Database, chat_id: int) -> dict[str, int]:
    """Shred the person's key first (every copy of their sealed data, in free pages, the log
    or a backup, becomes unreadable), then delete every row about them in one transaction
    and wipe the freed pages; rows deleted per table."""
    db.keyring.shred(sender_for_chat(chat_id))
    with db.engine.begin() as connection:
        deleted = delete_person_rows(connection, chat_id)
    wipe_freed_pages(db)
    return deleted
