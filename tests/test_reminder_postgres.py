"""Claims on a real PostgreSQL server: ``FOR UPDATE SKIP LOCKED`` keeps concurrent delivery loops
(as in several bot processes) from sending a reminder twice.

The server is a throwaway cluster (``testing.postgres``); the module is skipped where
PostgreSQL's server programs (initdb, pg_ctl) or psycopg2 are not installed.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from coach.reminders import claims
from coach.storage.db import Database
from coach.reminders.records import DONE, Reminder
from testing.postgres import postgres_url  # noqa: F401  (the fixture)
from testing.reminders import NOW, Outbox, add, deliver_with_two_processes


@pytest.fixture
def db(postgres_url):
    database = Database(postgres_url)
    database.migrate()
    with database.engine.begin() as connection:
        connection.execute(sa.delete(Reminder.__table__))
    yield database
    database.dispose()


def test_the_claim_takes_row_locks_and_skips_rows_another_loop_holds(db) -> None:
    for chat_id in range(100, 110):
        add(db, chat_id, "in 20 minutes")
    due = NOW + timedelta(minutes=21)
    assert claims.claim_statement_uses_row_locks(db)

    with db.engine.connect() as other_process:
        holding = other_process.begin()
        held = other_process.execute(claims.due_ids_query(due, 4, skip_locked=True)).scalars().all()
        claimed = claims.claim_due(db, due, "loop-b:1", timedelta(minutes=5), limit=100)  # does not wait
        holding.rollback()

    assert len(held) == 4 and len(claimed) == 6
    assert not set(held) & {reminder.id for reminder in claimed}


def test_two_delivery_loops_on_one_postgres_database_never_double_send(db) -> None:
    for chat_id in range(2000, 2300):
        add(db, chat_id, "in 20 minutes")
    outbox = Outbox(delay=0.001)
    stats = deliver_with_two_processes(db.url, outbox, NOW + timedelta(minutes=21))

    assert sorted(message.chat_id for message in outbox.sent) == list(range(2000, 2300))
    assert all(s.sent > 0 for s in stats)
    with db.session() as session:
        assert session.scalar(sa.select(sa.func.count()).where(Reminder.status != DONE)) == 0
