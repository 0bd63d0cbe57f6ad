"""Fills a database directly with many people's history and reminders (benchmarks, crash tests).

Conversations: the tracker events of one real conversation (recorded by an earlier run
through the bot) are copied for every seeded person, each under its own sender id, into
Rasa's ``events`` table (their sealed ``data`` as stored: it opens with the recorded
person's key, which stays); each person also gets a ``user_settings`` row. Reminders: one
per person, written with ``fill`` (rows like the ones people set)
and then given a due time: a day ahead for the memory benchmark (none is sent while the
bot is measured), or just past for the crash tests (all are due at once).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore

from coach.storage.db import Database
from coach.storage.sealing import PersonText
from coach.tables import UserSettings, utcnow
from coach.reminders.records import ACTIVE, Reminder
from coach.reminders.schedule import Schedule
from coach.reminders.when_words import parse_schedule
from coach.reminders.timing import to_db

NOW = datetime(2026, 11, 23, 20, 0, tzinfo=timezone.utc)  # 21:00 in Copenhagen
PHRASES = ("every evening at 9 to check in with Sam", "at 9pm to call mum", "weekdays at 9pm", "every day at 21:00")
FIRST_CHAT_ID = 1_000_000
ZONE = ZoneInfo("Europe/Copenhagen")


def fill(db: Database, count: int) -> None:
    """``count`` reminders of different kinds, one per chat, all due at ``NOW``."""
    made_at = NOW - timedelta(hours=12)
    schedules = [parse_schedule(phrase, made_at, ZONE) for phrase in PHRASES]
    if not all(isinstance(schedule, Schedule) for schedule in schedules):
        raise RuntimeError(f"a benchmark phrase no longer parses: {schedules}")
    rows = [
        {
            "chat_id": FIRST_CHAT_ID + number,
            "note": PersonText(FIRST_CHAT_ID + number, schedule.note),
            "topic": "general",
            "kind": schedule.kind,
            "rrule": schedule.rrule,
            "tz_name": schedule.tz_name,
            "local_time": schedule.local_time,
            "explicit_time": schedule.explicit_time,
            "anchor_at": to_db(schedule.first_fire_at),
            "next_fire_at": to_db(NOW),
            "status": ACTIVE,
            "missed_count": 0,
            "nudge_index": number,
            "created_at": to_db(made_at),
        }
        for number, schedule in ((n, schedules[n % len(schedules)]) for n in range(count))
    ]
    with db.engine.begin() as connection:
        connection.execute(sa.insert(Reminder), rows)


FIRST_SEEDED_CHAT = FIRST_CHAT_ID
EVENTS = SQLTrackerStore.SQLEvent.__table__
EVENT_COLUMNS = ("type_name", "timestamp", "intent_name", "action_name", "data")
BATCH = 20_000


def template_events(database_url: str, sender_id: str) -> list[dict]:
    """The stored events of one conversation, without ids and sender."""
    engine = sa.create_engine(database_url, hide_parameters=True)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(*(EVENTS.c[name] for name in EVENT_COLUMNS))
                .where(EVENTS.c.sender_id == sender_id).order_by(EVENTS.c.id)
            ).mappings().all()
    finally:
        engine.dispose()
    if not rows:
        raise RuntimeError(f"no stored conversation for sender {sender_id!r} to copy")
    return [dict(row) for row in rows]


def seed_long_history(db: Database, template: list[dict], sender_id: str, events: int) -> int:
    """One person's history of about ``events`` events: ``template`` repeated as one long
    conversation session (the domain never expires sessions); the number written."""
    EVENTS.create(db.engine, checkfirst=True)
    later = [event for event in template if event["type_name"] != "session_started"]
    rows = [dict(event) for event in template]
    while len(rows) < events:
        rows.extend(dict(event) for event in later)
    with db.engine.begin() as connection:
        connection.execute(EVENTS.insert(), [{**row, "sender_id": sender_id} for row in rows])
    return len(rows)


def seed_conversations(db: Database, template: list[dict], people: int) -> int:
    """``people`` copies of ``template`` plus their settings rows; the number of events written."""
    EVENTS.create(db.engine, checkfirst=True)
    written = 0
    with db.engine.begin() as connection:
        batch: list[dict] = []
        for person in range(people):
            sender = str(FIRST_SEEDED_CHAT + person)
            batch.extend({**event, "sender_id": sender} for event in template)
            if len(batch) >= BATCH:
                connection.execute(EVENTS.insert(), batch)
                written, batch = written + len(batch), []
        if batch:
            connection.execute(EVENTS.insert(), batch)
            written += len(batch)
        connection.execute(UserSettings.__table__.insert(), [
            {"chat_id": FIRST_SEEDED_CHAT + person, "timezone": "Europe/Copenhagen", "discreet": False,
             "crisis_active": False, "created_at": utcnow()}
            for person in range(people)
        ])
    return written


def seed_reminders(db: Database, count: int, due_in: timedelta = timedelta(days=1)) -> list[int]:
    """``count`` reminders, one per seeded person (chat ids from ``FIRST_SEEDED_CHAT``),
    next due ``due_in`` from now (negative: already due); their chat ids."""
    fill(db, count)
    with db.engine.begin() as connection:
        connection.execute(sa.update(Reminder).values(next_fire_at=utcnow() + due_in))
        return list(connection.execute(sa.select(Reminder.chat_id).order_by(Reminder.chat_id)).scalars())
