"""Running the real bot against the fake Telegram server, and reading what it sent."""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncIterator

from telegram import Update

from bot.rasa.bridge import RasaBridge
from bot.telegram.app import build_application, front_end, register_commands
from coach.config import Settings
from coach.storage.db import Database
from testing.fake_telegram import FakeTelegramServer
from testing.harness import TEST_TOKEN, new_update_id_base


@asynccontextmanager
async def running_bot(settings: Settings, bridge: RasaBridge, db: Database,
                      first_update_id: int | None = None) -> AsyncIterator[FakeTelegramServer]:
    first = first_update_id or new_update_id_base()
    async with FakeTelegramServer(token=TEST_TOKEN, first_update_id=first) as server:
        app_settings = settings.with_overrides(telegram_api_url=server.url, poll_timeout=1)
        application = build_application(app_settings, bridge, db)
        async with application, front_end(application).outbox.running():
            await register_commands(application)
            await application.start()
            await application.updater.start_polling(timeout=1, allowed_updates=Update.ALL_TYPES)
            try:
                yield server
            finally:
                await application.updater.stop()
                await application.stop()


async def wait_for_keyboard(server: FakeTelegramServer, chat_id: int, after: int = 0, timeout: float = 15.0):
    """The messages sent to the chat after the first ``after``, up to one with buttons.
    (Rasa sends each paragraph of a reply as its own message; the buttons come last.)"""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        calls = server.calls_of("sendMessage", chat_id=chat_id)[after:]
        for index, call in enumerate(calls):
            if call.params.get("reply_markup"):
                return calls[: index + 1]
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"no message with buttons; sent: {[c.params.get('text') for c in calls]}")
        await asyncio.sleep(0.05)


def buttons_of(call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]
