"""The Application's update queue, backed by the database inbox, so a crash loses no update.

python-telegram-bot's updater puts each fetched update on ``application.update_queue`` and
then confirms the whole batch to Telegram with its next ``getUpdates``. ``InboxQueue.put``
first writes the update to ``telegram_inbox`` (in a worker thread), so by the time Telegram
forgets an update the database has it. It leaves the inbox when its replies are in the
outbox (``coach.storage.outbox.finish_update``); ``requeue_unclaimed`` puts whatever is
still there back on the queue at start-up, before polling begins, and notes their ids in
``recovered``: Rasa may have handled them before the crash (``RasaBridge.handle``).
An update the allow-list refuses (``admits``) is queued without being kept: nothing of a
stranger is stored (``bot.telegram.allow_list``).
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Callable

from telegram import Bot, Update

from coach.storage.db import Database
from coach.storage.updates import keep_in_inbox, unclaimed_in_inbox
from bot.telegram.pacing import chat_key

logger = logging.getLogger(__name__)


class InboxQueue(asyncio.Queue):
    """An ``asyncio.Queue`` whose ``put`` keeps each ``Update`` in the inbox first."""

    def __init__(self, db: Database | None, admits: Callable[[object], bool] | None = None) -> None:
        super().__init__()
        self._db = db
        self._admits = admits
        self.recovered: set[int] = set()

    async def put(self, item: Any) -> None:
        refused = self._admits is not None and not self._admits(item)
        if isinstance(item, Update) and self._db is not None and not refused:
            payload = json.dumps(item.to_dict(), ensure_ascii=False)
            try:
                new = await asyncio.to_thread(keep_in_inbox, self._db, item.update_id, chat_key(item), payload)
            except Exception as error:  # the database is gone for good: still handle what we have
                # No traceback: a database error carries the statement's parameters (the message).
                logger.error("Could not keep update %s in the inbox (%s); handling it anyway.",
                             item.update_id, type(error).__name__)
                new = True
            if not new:  # a redelivery: queued (or finished) already
                logger.info("Skipping update %s: seen before.", item.update_id)
                return
        await super().put(item)

    async def put_recovered(self, update: Update) -> None:
        """Queue an update kept in the inbox before a stop (it may have reached Rasa)."""
        self.recovered.add(update.update_id)
        await super().put(update)


async def requeue_unclaimed(queue: asyncio.Queue, db: Database, bot: Bot) -> int:
    """Queue again the updates fetched before a crash whose handling never started."""
    payloads = await asyncio.to_thread(unclaimed_in_inbox, db)
    for payload in payloads:
        update = Update.de_json(json.loads(payload), bot)
        if isinstance(queue, InboxQueue):
            await queue.put_recovered(update)
        else:
            await queue.put(update)
    if payloads:
        logger.info("Re-queued %d update(s) fetched before the last stop and not yet handled.", len(payloads))
    return len(payloads)
