"""The person's control over their data: export everything, or delete everything.

Both work by reflection over the database, so every table that holds something about a
person is covered without a list to keep up to date: the app's tables (any table with a
``chat_id`` column) and Rasa's conversation events (``events.sender_id``). They run in
the front end, outside Rasa: deleting a tracker from inside an action would be undone
when Rasa saves the turn's events afterwards.
"""

from __future__ import annotations

import base64
import json
from datetime import date, datetime, time, timezone
from typing import Any

import sqlalchemy as sa

from coach.people import sender_for_chat
from coach.storage.db import Database

RASA_EVENTS_TABLE = "events"


def _person_tables(db: Database) -> list[tuple[sa.Table, sa.Column, Any]]:
    """Each table with a column naming the person, and the value to match for ``chat_id``."""
    metadata = sa.MetaData()
    metadata.reflect(bind=db.engine)
    tables = []
    for table in metadata.sorted_tables:
        if "chat_id" in table.c:
            tables.append((table, table.c.chat_id, None))
        elif table.name == RASA_EVENTS_TABLE and "sender_id" in table.c:
            tables.append((table, table.c.sender_id, sender_for_chat))
    return tables


def _value(chat_id: int, convert: Any) -> Any:
    return convert(chat_id) if convert else chat_id


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
        for table, column, convert in _person_tables(db):
            rows = connection.execute(sa.select(table).where(column == _value(chat_id, convert))).mappings()
            records = [{key: _jsonable(value) for key, value in row.items()} for row in rows]
            if table.name == RASA_EVENTS_TABLE:
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


def forget_user(db: Database, chat_id: int) -> dict[str, int]:
    """Delete every row about the person in one transaction; rows deleted per table."""
    deleted: dict[str, int] = {}
    with db.engine.begin() as connection:
        for table, column, convert in _person_tables(db):
            result = connection.execute(sa.delete(table).where(column == _value(chat_id, convert)))
            if result.rowcount:
                deleted[table.name] = result.rowcount
    return deleted
