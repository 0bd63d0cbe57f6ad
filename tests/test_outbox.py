"""The outbox (coach/storage/outbox.py, bot/telegram/outbox.py): written before sent, claimed
by one process at a time, in order per chat, crisis replies first, each row marked sent.

Storage on a real SQLite file and a real PostgreSQL server; sending through the real
python-telegram-bot ``Bot`` with the bot's rate limiter, against the fake Bot API server.
The kill -9 itself is in tests/test_reliability.py.
"""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from telegram.ext import ExtBot

from bot.telegram.outbox import LATER, SENT, UNREACHABLE, OutboxSender, text_message
from bot.telegram.pacing import PriorityPacer, ResilientRateLimiter
from coach.storage import outbox
from coach.storage.base import InboxUpdate, OutboxMessage
from coach.storage.db import Database
from coach.storage.updates import keep_in_inbox, unclaimed_in_inbox
from testing.fake_telegram import FakeTelegramServer
from testing.harness import TEST_TOKEN
from testing.postgres import postgres_url  # noqa: F401  (the fixture)


def texts(rows: list[outbox.Queued]) -> list[str]:
    return [row.text for row in rows]


def rows_in(db: Database) -> list[OutboxMessage]:
    with db.session() as session:
        return list(session.scalars(sa.select(OutboxMessage).order_by(OutboxMessage.id)))


# -- storage ----------------------------------------------------------------------------


def test_finishing_an_update_writes_its_replies_and_ends_it_in_one_go(fresh_db: Database) -> None:
    keep_in_inbox(fresh_db, 10, 42, '{"update_id": 10}')
    rows = outbox.finish_update(fresh_db, 10, 42, [text_message("one"), text_message("two")])
    assert texts(rows) == ["one", "two"]  # handed back claimed, in order
    assert keep_in_inbox(fresh_db, 10, 42, '{"update_id": 10}') is False and unclaimed_in_inbox(fresh_db) == []
    with fresh_db.session() as session:
        assert session.get(InboxUpdate, 10) is None
    # A second finish (a redelivery handled at the same time elsewhere) writes nothing.
    assert outbox.finish_update(fresh_db, 10, 42, [text_message("one again")]) is None
    assert [row.text for row in rows_in(fresh_db)] == ["one", "two"]


def test_a_claimed_row_is_not_claimed_again_until_its_lease_lapses(fresh_db: Database) -> None:
    mine = outbox.finish_update(fresh_db, 1, 42, [text_message("hello")])
    assert outbox.claim_pending(fresh_db) == []  # another process: nothing to take
    with fresh_db.engine.begin() as connection:  # the holder died ten minutes ago
        connection.execute(sa.update(OutboxMessage).values(claimed_until=outbox.utcnow() - timedelta(seconds=1)))
    [taken] = outbox.claim_pending(fresh_db)
    assert taken.id == mine[0].id and taken.claim != mine[0].claim
    outbox.mark_sent(fresh_db, [(mine[0], 555)])  # the old claim no longer counts
    assert rows_in(fresh_db)[0].sent_at is None
    outbox.mark_sent(fresh_db, [(taken, 556)])
    assert (rows_in(fresh_db)[0].telegram_message_id, outbox.unsent_count(fresh_db)) == (556, 0)


def test_crisis_replies_are_claimed_first_and_each_chat_keeps_its_order(fresh_db: Database) -> None:
    outbox.finish_update(fresh_db, 1, 41, [text_message("a1"), text_message("a2")])
    outbox.finish_update(fresh_db, 2, 42, [text_message("b1")])
    outbox.finish_update(fresh_db, 3, 43, [text_message("call the emergency line", urgent=True)])
    outbox.finish_update(fresh_db, 4, 42, [text_message("b2")])
    with fresh_db.engine.begin() as connection:  # all left by a crashed process
        connection.execute(sa.update(OutboxMessage).values(claimed_by=None, claimed_until=None))
    # Chat 42's older row failed and waits to be retried: its newer one must wait behind it.
    b1, b2 = outbox.claim_pending(fresh_db, chat_id=42)
    assert texts([b1, b2]) == ["b1", "b2"]
    outbox.retry_later(fresh_db, b1, timedelta(minutes=1))
    outbox.release(fresh_db, [b2])
    taken = outbox.claim_pending(fresh_db)
    assert texts(taken) == ["call the emergency line", "a1", "a2"]  # chat 42 held: b2 is not taken


def test_a_failed_send_is_tried_again_after_its_delay_and_a_refused_one_is_given_up(fresh_db: Database) -> None:
    [row] = outbox.finish_update(fresh_db, 1, 42, [text_message("hello")])
    outbox.retry_later(fresh_db, row, timedelta(0))
    [again] = outbox.claim_pending(fresh_db)
    outbox.give_up(fresh_db, again)
    assert outbox.claim_pending(fresh_db) == [] and outbox.unsent_count(fresh_db) == 0
    assert rows_in(fresh_db)[0].attempts == 2


def test_a_nudge_is_written_once_per_reminder_occurrence(fresh_db: Database) -> None:
    key = "nudge:7:2026-12-05T20:00:00+00:00"
    [row] = outbox.enqueue(fresh_db, 42, [text_message("time for your check-in")], key)
    assert outbox.enqueue(fresh_db, 42, [text_message("time for your check-in")], key) == []  # held: not twice
    outbox.mark_sent(fresh_db, [(row, 1)])
    assert rows_in(fresh_db)[0].sent_at is not None
    assert outbox.enqueue(fresh_db, 42, [text_message("time for your check-in")], key) == []
    assert len(rows_in(fresh_db)) == 1


def test_a_restart_takes_over_what_a_dead_process_held_at_once(fresh_db: Database) -> None:
    outbox.finish_update(fresh_db, 1, 42, [text_message("waiting behind the limiter")])
    with fresh_db.engine.begin() as connection:  # as if another pid on this host had claimed it
        connection.execute(sa.update(OutboxMessage).values(claimed_by=f"{outbox.process_name().split(':')[0]}:999999:1"))
    assert outbox.release_claims_of_dead_processes(fresh_db, is_alive=lambda pid: True) == 0
    assert outbox.release_claims_of_dead_processes(fresh_db, is_alive=lambda pid: pid != 999999) == 1
    assert texts(outbox.claim_pending(fresh_db)) == ["waiting behind the limiter"]


def test_sent_rows_are_pruned_after_the_window_and_unsent_ones_never(fresh_db: Database) -> None:
    [sent] = outbox.finish_update(fresh_db, 1, 42, [text_message("old")])
    outbox.finish_update(fresh_db, 2, 43, [text_message("still waiting")])
    outbox.mark_sent(fresh_db, [(sent, 1)])
    assert outbox.prune_outbox(fresh_db) == 0  # within the window
    with fresh_db.engine.begin() as connection:
        connection.execute(sa.update(OutboxMessage).values(created_at=outbox.utcnow() - timedelta(days=3))
                           .where(OutboxMessage.sent_at.isnot(None)))
        connection.execute(sa.update(OutboxMessage).values(sent_at=outbox.utcnow() - timedelta(hours=2))
                           .where(OutboxMessage.sent_at.isnot(None)))
    assert outbox.prune_outbox(fresh_db) == 1
    assert [row.text for row in rows_in(fresh_db)] == ["still waiting"]


@pytest.fixture
def pg(postgres_url: str):  # noqa: F811
    """An empty outbox on the PostgreSQL server."""
    db = Database(postgres_url)
    db.migrate()
    with db.engine.begin() as connection:
        connection.execute(sa.delete(OutboxMessage.__table__))
    yield db
    db.dispose()


def left_by_a_crash(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(sa.update(OutboxMessage).values(claimed_by=None, claimed_until=None))


def test_two_processes_on_postgresql_never_claim_the_same_row(pg: Database, postgres_url: str) -> None:  # noqa: F811
    for chat in range(300):
        outbox.enqueue(pg, 9_000 + chat, [text_message(f"to {chat}")])
    left_by_a_crash(pg)
    taken: list[list[int]] = [[], []]
    start = threading.Barrier(2)

    def drain(slot: int) -> None:
        other = Database(postgres_url)
        start.wait()
        while rows := outbox.claim_pending(other, limit=7):
            taken[slot].extend(row.id for row in rows)
        other.dispose()

    workers = [threading.Thread(target=drain, args=(slot,)) for slot in (0, 1)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert taken[0] and taken[1], "one process took everything: the test raced nothing"
    assert not set(taken[0]) & set(taken[1])
    assert len(taken[0]) + len(taken[1]) == 300


def test_on_postgresql_a_locked_row_is_skipped_not_waited_for(pg: Database) -> None:
    outbox.enqueue(pg, 1, [text_message("one")])
    outbox.enqueue(pg, 2, [text_message("two")])
    left_by_a_crash(pg)
    with pg.engine.connect() as holder:
        transaction = holder.begin()
        holder.execute(sa.select(OutboxMessage.id).where(OutboxMessage.chat_id == 1).with_for_update())
        assert texts(outbox.claim_pending(pg)) == ["two"]  # returns at once, without chat 1
        transaction.rollback()


# -- sending ----------------------------------------------------------------------------


async def test_the_pacer_lets_an_urgent_send_ahead_of_everything_waiting() -> None:
    pacer = PriorityPacer(0.01)
    order: list[str] = []

    async def send(name: str, urgent: bool = False) -> None:
        await pacer.acquire(urgent)
        order.append(name)

    ordinary = [asyncio.create_task(send(f"m{n}")) for n in range(20)]
    await asyncio.sleep(0.035)  # a few have gone
    crisis = asyncio.create_task(send("crisis", urgent=True))
    await asyncio.gather(*ordinary, crisis)
    assert order.index("crisis") <= 6  # the next turn or so, not behind the other 16
    assert [name for name in order if name != "crisis"] == [f"m{n}" for n in range(20)]


@pytest.fixture
async def telegram():
    async with FakeTelegramServer(token=TEST_TOKEN) as server:
        bot = ExtBot(TEST_TOKEN, base_url=f"{server.url}/bot", rate_limiter=ResilientRateLimiter(base_delay=0.05))
        async with bot:
            yield server, bot


async def test_rows_are_sent_in_order_and_marked_with_telegrams_message_ids(fresh_db: Database, telegram) -> None:
    server, bot = telegram
    sender = OutboxSender(bot, fresh_db)
    rows = outbox.finish_update(fresh_db, 1, 4242, [text_message(f"part {n}") for n in range(4)])
    assert set((await sender.send(rows)).values()) == {SENT}
    assert server.sent_texts(4242) == ["part 0", "part 1", "part 2", "part 3"]
    ids = [call.result["message_id"] for call in server.delivered("sendMessage", chat_id=4242)]
    assert [row.telegram_message_id for row in rows_in(fresh_db)] == ids
    assert outbox.unsent_count(fresh_db) == 0


async def test_a_blocked_chat_is_given_up_and_a_network_failure_is_sent_by_the_loop(fresh_db: Database, telegram) -> None:
    server, bot = telegram
    sender = OutboxSender(bot, fresh_db)
    server.fail_next("sendMessage", status=403, description="Forbidden: bot was blocked by the user", chat_id=501)
    blocked = outbox.finish_update(fresh_db, 1, 501, [text_message("to a blocked chat")])
    assert list((await sender.send(blocked)).values()) == [UNREACHABLE]

    server.drop_next("sendMessage", count=6, chat_id=502)  # the first try and the limiter's 5 retries
    rows = outbox.finish_update(fresh_db, 2, 502, [text_message("first"), text_message("second")])
    assert list((await sender.send(rows)).values()) == [LATER, LATER]
    assert server.sent_texts(502) == []
    with fresh_db.engine.begin() as connection:  # skip the retry delay
        connection.execute(sa.update(OutboxMessage).values(claimed_until=None).where(OutboxMessage.chat_id == 502))
    assert await sender.drain_once() == 2
    assert server.sent_texts(502) == ["first", "second"]
    assert server.sent_texts(501) == [] and outbox.unsent_count(fresh_db) == 0


async def test_after_a_crash_the_loop_sends_crisis_replies_before_the_rest(fresh_db: Database, telegram) -> None:
    server, bot = telegram
    for chat in range(40):
        outbox.finish_update(fresh_db, chat, 600 + chat, [text_message(f"reply to {chat}")])
    outbox.finish_update(fresh_db, 99, 699, [text_message("the emergency line", urgent=True)])
    with fresh_db.engine.begin() as connection:  # all left behind by a dead process
        connection.execute(sa.update(OutboxMessage).values(claimed_by=None, claimed_until=None))
    assert await OutboxSender(bot, fresh_db).drain_once() == 41
    order = [call.params["text"] for call in server.delivered("sendMessage")]
    assert order[0] == "the emergency line"
    assert sorted(order[1:]) == sorted(f"reply to {chat}" for chat in range(40))
