"""The real Telegram Application polling the fake server, with a marker for when each update is finished.

One extra handler in a late group marks when the bot has finished with an update, so
each update's replies are known exactly (benchmarks and the reliability tests use it).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import time
from dataclasses import dataclass, field
from typing import AsyncIterator

from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from bot.rasa.bridge import RasaBridge
from bot.telegram.app import build_application, front_end
from bot.telegram.handlers import ERROR_REPLY
from coach.config import Settings
from coach.storage.db import Database
from testing.fake_telegram import FakeTelegramServer
from testing.harness import new_update_id_base


DONE_GROUP = 99  # after every handler group of the bot
_chat_bases = itertools.count(7_000_000, 1_000_000)


@dataclass
class Tracked:
    """Update ids pushed, and when each was pushed and finished (monotonic seconds)."""

    pushed: dict[int, tuple[int, float]] = field(default_factory=dict)  # update_id -> (chat, at)
    done: dict[int, asyncio.Future] = field(default_factory=dict)
    application: Application | None = None  # the running bot, for sending it nudges

    def push(self, server: FakeTelegramServer, chat_id: int, text: str) -> asyncio.Future:
        at = time.monotonic()
        update_id = server.push_text(chat_id, text)
        self.pushed[update_id] = (chat_id, at)
        self.done[update_id] = asyncio.get_running_loop().create_future()
        return self.done[update_id]

    async def mark_done(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        if isinstance(update, Update) and update.update_id in self.done:
            future = self.done[update.update_id]
            if not future.done():
                future.set_result(time.monotonic())


@dataclass
class Outcome:
    first: list[float]
    complete: list[float]
    lost: int
    replies: int
    updates: int


def outcome(server: FakeTelegramServer, tracked: Tracked) -> Outcome:
    """Attribute sendMessages to updates: a chat's replies between its push and its finish."""
    first, complete, lost, replies = [], [], 0, 0
    by_chat: dict[int, list] = {}
    for call in server.delivered("sendMessage"):
        by_chat.setdefault(int(call.chat_id), []).append(call)
    for update_id, (chat_id, pushed_at) in tracked.pushed.items():
        future = tracked.done[update_id]
        finished_at = future.result() if future.done() else None
        sent = [c for c in by_chat.get(chat_id, []) if c.at >= pushed_at and (finished_at is None or c.at <= finished_at)]
        texts = [c.params.get("text") for c in sent]
        if finished_at is None or not sent or texts == [ERROR_REPLY]:
            lost += 1
            continue
        replies += len(sent)
        first.append(sent[0].at - pushed_at)
        complete.append(finished_at - pushed_at)
    return Outcome(first, complete, lost, replies, len(tracked.pushed))


@contextlib.asynccontextmanager
async def running_application(settings: Settings, bridge: RasaBridge, db: Database, token: str,
                              first_update_id: int | None = None) -> AsyncIterator[tuple[FakeTelegramServer, Tracked]]:
    """The real Application polling a fresh fake server, with the finish marker added."""
    # Tests share one database, and the bot rightly skips update ids it has handled before.
    first = first_update_id if first_update_id is not None else new_update_id_base()
    async with FakeTelegramServer(token=token, first_update_id=first) as server:
        app_settings = settings.with_overrides(telegram_token=token, telegram_api_url=server.url, poll_timeout=10)
        application: Application = build_application(app_settings, bridge, db)
        tracked = Tracked(application=application)
        application.add_handler(TypeHandler(Update, tracked.mark_done), group=DONE_GROUP)
        async with application, front_end(application).outbox.running():
            await application.start()
            await application.updater.start_polling(timeout=10, allowed_updates=Update.ALL_TYPES)
            try:
                yield server, tracked
            finally:
                await application.updater.stop()
                await application.stop()
