"""Shared pieces for the reminder tests: a fresh database, a clock tests can move, a send stub,
and two delivery loops racing for one table (as two bot processes would).

NOW is Monday 2026-11-23 10:00 UTC (11:00 in Copenhagen), as in test_reminder_schedule.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from coach.reminders import repository
from coach.reminders.delivery import DeliveryStats, ReminderDelivery
from coach.reminders.nudges import NudgeMessage
from coach.reminders.schedule import Schedule
from coach.reminders.when_words import parse_schedule
from coach.storage.db import Database
from coach.reminders.records import Reminder

UTC = timezone.utc
CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def fresh_database(folder: Path) -> Database:
    """A new SQLite file migrated to every head, as at start-up."""
    db = Database(f"sqlite:///{folder / 'reminders.db'}")
    db.migrate()
    return db


def schedule(text: str, now: datetime = NOW, tz: ZoneInfo = CPH) -> Schedule:
    parsed = parse_schedule(text, now, tz)
    assert isinstance(parsed, Schedule), parsed
    return parsed


def add(db: Database, chat_id: int, text: str, now: datetime = NOW, topic: str = "general") -> Reminder:
    return repository.create_reminder(db, chat_id, schedule(text, now), topic)


@dataclass
class Clock:
    """A clock the test moves by hand."""

    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Outbox:
    """A ``send`` stub that keeps every nudge (optionally failing for some chats)."""

    sent: list[NudgeMessage] = field(default_factory=list)
    failing: dict[int, Exception] = field(default_factory=dict)
    delay: float = 0.0

    async def __call__(self, message: NudgeMessage) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        if message.chat_id in self.failing:
            raise self.failing[message.chat_id]
        self.sent.append(message)

    def to(self, chat_id: int) -> list[NudgeMessage]:
        return [message for message in self.sent if message.chat_id == chat_id]


def _run_loop_in_own_thread(url: str, outbox: Outbox, now: datetime, worker: str, start: threading.Barrier) -> DeliveryStats:
    database = Database(url)
    try:
        loop = ReminderDelivery(database, outbox, clock=lambda: now, batch_size=20, worker_id=worker)
        start.wait()
        return asyncio.run(loop.deliver_due())
    finally:
        database.dispose()


def deliver_with_two_processes(url: str, outbox: Outbox, now: datetime) -> list[DeliveryStats]:
    """Two loops, each with its own engine and event loop in its own thread, racing for one table."""
    start = threading.Barrier(2)
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(_run_loop_in_own_thread, url, outbox, now, f"worker-{n}", start) for n in (1, 2)]
        return [future.result(timeout=120) for future in futures]
