"""Starts and stops the coach's parts in the right order, for both front ends.

``running_coach(settings)`` checks and migrates the database, starts the action server
and loads the Rasa model side by side (both are slow; two cores), and yields a ready
``RasaBridge``; on exit it stops the action server. ``serve_telegram`` adds long polling.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import AsyncIterator

from telegram import Update

from bot.action_server import ActionServer
from bot.config import Settings
from bot.rasa_bridge import RasaBridge
from bot.storage.db import Database
from bot.storage.updates import prune_processed_updates
from bot.telegram.app import build_application, register_commands

logger = logging.getLogger(__name__)


@contextlib.asynccontextmanager
async def running_coach(settings: Settings) -> AsyncIterator[tuple[RasaBridge, Database]]:
    """Database ready, action server up, model loaded."""
    db = Database(settings.database_url)
    db.check_connection()
    db.migrate()
    action_server = ActionServer(settings)
    starting = asyncio.create_task(action_server.start())
    try:
        bridge = await asyncio.to_thread(RasaBridge.load, settings)
        await starting
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
    async with running_coach(settings) as (bridge, db):
        await asyncio.to_thread(prune_processed_updates, db)
        application = build_application(settings, bridge, db)
        async with application:
            await register_commands(application)
            await application.start()
            await application.updater.start_polling(
                timeout=settings.poll_timeout,
                allowed_updates=Update.ALL_TYPES,
                drop_pending_updates=False,
            )
            logger.info("The coach is listening on Telegram.")
            await stop.wait()
            logger.info("Stopping.")
            await application.updater.stop()
            await application.stop()
