"""Starts and stops the coach's parts in the right order, for both front ends.

``running_coach(settings)`` checks and migrates the database, starts the action server
and loads the Rasa model side by side (both are slow; two cores), and yields a ready
``RasaBridge``; on exit it stops the action server. ``serve_telegram`` adds long polling.
Reminder nudges are delivered by a loop started with the front end: ``serve_telegram``
sends them through the bot once polling runs; in the console they are printed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import AsyncIterator

from telegram import Update

from bot.action_server import ActionServer
from coach.config import Settings
from bot.console.chat import CONSOLE_CHAT_ID
from bot.rasa.bridge import RasaBridge
from bot.console.reminders import console_printer
from coach.reminders.delivery import ReminderDelivery
from coach.storage.db import Database
from coach.retention import RETENTION_EVERY, retention_chore
from coach.storage.updates import prune_processed_updates
from bot.telegram.app import build_application, front_end, register_commands
from bot.telegram.inbox import requeue_unclaimed
from bot.telegram.reminder_buttons import telegram_sender

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def running_coach(settings: Settings, print_nudges: bool = True) -> AsyncIterator[tuple[RasaBridge, Database]]:
    """Database ready, action server up, model loaded (and, for the console, nudges printed)."""
    db = Database(settings.database_url)
    db.check_connection()
    db.migrate()
    action_server = ActionServer(settings)
    starting = asyncio.create_task(action_server.start())
    try:
        bridge = await asyncio.to_thread(RasaBridge.load, settings, action_server.secret, action_server.is_serving)
        await starting
        if print_nudges:
            printer = ReminderDelivery.from_settings(
                settings, db, console_printer(sys.stdout), only_chat_id=CONSOLE_CHAT_ID,
                chores=retention_chore(settings, db), chores_every=RETENTION_EVERY,
            )
            async with printer.running():
                yield bridge, db
        else:
            yield bridge, db
    finally:
        if not starting.done():
            starting.cancel()
        await action_server.stop()
        db.dispose()


def _stop_on_signals(stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)


async def serve_telegram(settings: Settings, stop: asyncio.Event | None = None) -> None:
    """Serve Telegram by long polling until ``stop`` is set (or SIGINT/SIGTERM)."""
    stop = stop or asyncio.Event()
    _stop_on_signals(stop)
    async with running_coach(settings, print_nudges=False) as (bridge, db):
        await asyncio.to_thread(prune_processed_updates, db)
        application = build_application(settings, bridge, db)
        outbox = front_end(application).outbox
        async with application:
            await register_commands(application)
            await application.start()
            # What a crash left unsent goes out first, then the updates it left unhandled.
            async with outbox.running():
                await requeue_unclaimed(application.update_queue, db, application.bot)
                await application.updater.start_polling(
                    timeout=settings.poll_timeout,
                    allowed_updates=Update.ALL_TYPES,
                    drop_pending_updates=False,
                )
                logger.info("The coach is listening on Telegram.")
                nudges = ReminderDelivery.from_settings(settings, db, telegram_sender(outbox),
                                                        chores=retention_chore(settings, db), chores_every=RETENTION_EVERY)
                async with nudges.running():
                    await stop.wait()
                    logger.info("Stopping.")
                await application.updater.stop()
                await application.stop()
