"""Benchmark: 10,000 reminders due at once are all delivered, each exactly once.

Two runs on a fresh SQLite database each:

1. ``stub``: the delivery loop with an in-process ``send`` that only counts. This measures
   our own cost per nudge: claiming, composing, writing back.
2. ``fake_telegram``: the real Application (``build_application``: python-telegram-bot with
   the ``ResilientRateLimiter``) sending to the fake Telegram Bot API server over HTTP.
   The rate limiter paces sends to Telegram's ~30 messages a second, so this run takes
   about count/30 seconds; its default size is smaller (``--fake-server-count``).

Both check that every reminder was delivered exactly once and that every row moved on
(one-offs done, recurring ones at their next occurrence). Time is wall-clock; memory is
the growth of the process's peak RSS during delivery, and, in a second stub run of the
same size, the peak of Python allocations (tracemalloc, which slows allocation too much
to time that run).
Results go to ``bench/results/reminders.json``. A benchmark, not a test: nothing asserts
on time.

    python -m bench.reminders_bench                        # 10,000 stub + 1,000 via the fake server
    python -m bench.reminders_bench --fake-server-count 10000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from coach.config import PROJECT_ROOT, Settings
from coach.reminders.delivery import ReminderDelivery, Send
from coach.reminders.nudges import NudgeMessage
from coach.reminders.schedule import Schedule
from coach.reminders.when_words import parse_schedule
from coach.reminders.timing import to_db
from coach.storage.db import Database
from coach.reminders.records import ACTIVE, DONE, Reminder

RESULTS = PROJECT_ROOT / "bench" / "results" / "reminders.json"
TOKEN = "123456789:BENCH-token_abcdefghijklmnopqrstuvw"
from testing.seeding import FIRST_CHAT_ID, NOW, PHRASES, ZONE, fill  # noqa: E402


def rows_moved_on(db: Database) -> bool:
    """Every one-off is done and every recurring reminder is due again only later."""
    with db.session() as session:
        stuck = session.scalar(
            sa.select(sa.func.count()).where(
                sa.or_(
                    sa.and_(Reminder.kind == "once", Reminder.status != DONE),
                    sa.and_(Reminder.kind == "recurring", Reminder.next_fire_at <= to_db(NOW)),
                    Reminder.claimed_by.isnot(None),
                )
            )
        )
    return stuck == 0


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(db: Database, send: Send, count: int, trace_python_memory: bool = False) -> dict[str, Any]:
    """Deliver everything due and check each reminder went out exactly once.

    Time and the growth of the process's peak RSS are measured on a plain run; with
    ``trace_python_memory`` the peak of Python allocations is measured instead (tracemalloc
    slows allocation several times over, so its time is not comparable).
    """
    delivered: Counter[int] = Counter()

    async def counting_send(message: NudgeMessage) -> None:
        await send(message)
        delivered[message.reminder_id] += 1

    loop = ReminderDelivery(db, counting_send, clock=lambda: NOW + timedelta(seconds=30), batch_size=500)
    rss_before = peak_rss_mib()
    if trace_python_memory:
        tracemalloc.start()
    started = time.perf_counter()
    stats = await loop.deliver_due()
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {
        "reminders": count,
        "delivered": len(delivered),
        "sent_twice": sum(1 for times in delivered.values() if times > 1),
        "all_delivered_once": len(delivered) == count and set(delivered.values()) == {1},
        "rows_moved_on": rows_moved_on(db),
        "stats": vars(stats),
    }
    if trace_python_memory:
        result["peak_python_memory_mib"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    else:
        result["seconds"] = round(seconds, 2)
        result["nudges_per_second"] = round(count / seconds, 1)
        result["peak_rss_growth_mib"] = round(peak_rss_mib() - rss_before, 1)
    return result


async def stub_run(folder: Path, count: int, trace_python_memory: bool = False) -> dict[str, Any]:
    db = Database(f"sqlite:///{folder / f'stub-{trace_python_memory}.db'}")
    db.migrate()
    fill(db, count)

    async def nothing(message: NudgeMessage) -> None:
        return None

    try:
        return await measure(db, nothing, count, trace_python_memory)
    finally:
        db.dispose()


class _NoConversation:
    """The Application needs a coach for incoming messages; this run has none."""

    known_intents: frozenset[str] = frozenset()


async def fake_telegram_run(folder: Path, count: int) -> dict[str, Any]:
    from bot.telegram.app import build_application, front_end
    from bot.telegram.reminder_buttons import telegram_sender
    from testing.fake_telegram import FakeTelegramServer

    db = Database(f"sqlite:///{folder / 'telegram.db'}")
    db.migrate()
    fill(db, count)
    try:
        async with FakeTelegramServer(token=TOKEN) as server:
            settings = Settings(telegram_token=TOKEN, database_url=db.url, telegram_api_url=server.url)
            application = build_application(settings, _NoConversation(), db)  # type: ignore[arg-type]
            async with application:
                result = await measure(db, telegram_sender(front_end(application).outbox), count)
            sent = server.delivered("sendMessage")
            result["telegram_messages"] = len(sent)
            result["telegram_chats"] = len({call.chat_id for call in sent})
            result["with_buttons"] = sum(1 for call in sent if call.params.get("reply_markup"))
            return result
    finally:
        db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="reminders due at once in the stub run")
    parser.add_argument("--fake-server-count", type=int, default=1_000, help="reminders in the fake Telegram run")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reminders-bench-") as temp:
        folder = Path(temp)
        report = {
            "benchmark": "reminder delivery: reminders due at once, each delivered exactly once",
            "run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {platform.system()}",
            "database": "SQLite (WAL), a fresh file per run",
            "stub": asyncio.run(stub_run(folder, args.count)),
            "stub_python_memory": asyncio.run(stub_run(folder, args.count, trace_python_memory=True)),
            "fake_telegram": asyncio.run(fake_telegram_run(folder, args.fake_server_count)),
            "peak_rss_mib": round(peak_rss_mib(), 1),  # the whole process, Rasa and TensorFlow imports included
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    runs = ("stub", "stub_python_memory", "fake_telegram")
    ok = all(report[run]["all_delivered_once"] and report[run]["rows_moved_on"] for run in runs)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
