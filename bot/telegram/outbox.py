"""Sending the outbox (``coach.storage.outbox``) to Telegram.

* ``outgoing_for`` turns the coach's replies into outbox rows: long texts split, the
  keyboard on the last part (``bot.telegram.rendering``), charts and exports rendered to
  bytes; a crisis turn's rows are urgent.
* ``OutboxSender.send`` sends rows this process has claimed, one chat's in order, through
  the Application's bot (its rate limiter paces them; urgent ones go ahead of the queue)
  and marks each sent before the next one goes, so a crash repeats at most the one on
  the wire. A network failure leaves the row for a later try, a refusal (blocked bot,
  bad request) gives it up.
* ``OutboxSender.running`` is the background loop for what the handlers did not send
  themselves: rows left by a crashed process (sent first at start-up, crisis replies
  ahead of the rest), rows whose send failed, and rows another process let lapse. It
  also prunes sent rows.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections import defaultdict
from datetime import timedelta
from typing import AsyncIterator, Iterable

from telegram import Bot, InlineKeyboardMarkup, InputFile
from telegram.error import BadRequest, Forbidden

from bot.rasa.bridge import BotReply
from bot.telegram.pacing import URGENT
from bot.telegram.rendering import render
from coach.attachments import Attachment
from coach.safety.replies import CRISIS_MARKER
from coach.storage import outbox
from coach.storage.db import Database
from coach.storage.outbox import DOCUMENT, PHOTO, TEXT, Outgoing, Queued

logger = logging.getLogger(__name__)

POLL_SECONDS = 2.0
PRUNE_EVERY_SECONDS = 600.0
RETRY_DELAY = timedelta(seconds=5)
UNREACHABLE_DESCRIPTIONS = ("chat not found", "user is deactivated", "bot was blocked")

SENT, LATER, REFUSED, UNREACHABLE = "sent", "later", "refused", "unreachable"


def is_crisis_turn(replies: Iterable[BotReply]) -> bool:
    return any(reply.custom.get(CRISIS_MARKER) for reply in replies)


def text_message(text: str, keyboard: InlineKeyboardMarkup | None = None, urgent: bool = False) -> Outgoing:
    markup = json.dumps(keyboard.to_dict(), ensure_ascii=False) if keyboard is not None else None
    return Outgoing(TEXT, text, markup, urgent=urgent)


def file_message(attachment: Attachment, urgent: bool = False) -> Outgoing:
    kind = PHOTO if attachment.kind == "photo" else DOCUMENT
    return Outgoing(kind, attachment.caption or "", None, attachment.filename, attachment.data, urgent)


def outgoing_for(replies: list[BotReply], urgent: bool | None = None) -> list[Outgoing]:
    """The text rows for the replies (attachments are rendered by the caller, in order)."""
    urgent = is_crisis_turn(replies) if urgent is None else urgent
    return [text_message(part.text, part.keyboard, urgent) for reply in replies for part in render(reply)]


class OutboxSender:
    """Sends claimed outbox rows through the Application's bot, and drains what is left."""

    def __init__(self, bot: Bot, db: Database) -> None:
        self.bot = bot
        self.db = db
        self._wake = asyncio.Event()

    def wake(self) -> None:
        self._wake.set()

    async def send(self, rows: list[Queued]) -> dict[int, str]:
        """Send one chat's claimed rows in order; what became of each (by row id). After a
        failure the rest of the rows wait too, so the chat's order holds."""
        results: dict[int, str] = {}
        for index, row in enumerate(rows):
            results[row.id] = await self._send_one(row)
            if results[row.id] == LATER:
                rest = rows[index + 1:]
                if rest:  # free for the next try, after the failed one (which holds the chat)
                    await asyncio.to_thread(outbox.release, self.db, rest)
                    results.update({waiting.id: LATER for waiting in rest})
                break
        return results

    async def _send_one(self, row: Queued) -> str:
        try:
            message = await self._deliver(row)
        except Forbidden:
            logger.info("Chat %s is unreachable; outbox row %s given up.", row.chat_id, row.id)
            await asyncio.to_thread(outbox.give_up, self.db, row)
            return UNREACHABLE
        except BadRequest as error:
            unreachable = any(reason in str(error).lower() for reason in UNREACHABLE_DESCRIPTIONS)
            logger.warning("Telegram refused outbox row %s (%s); given up.", row.id,
                           "unreachable chat" if unreachable else "bad request")
            await asyncio.to_thread(outbox.give_up, self.db, row)
            return UNREACHABLE if unreachable else REFUSED
        except Exception as error:  # network trouble beyond the rate limiter's own retries
            logger.warning("Sending outbox row %s failed (%s); it will be tried again.", row.id, type(error).__name__)
            await asyncio.to_thread(outbox.retry_later, self.db, row, RETRY_DELAY)
            return LATER
        try:
            await asyncio.to_thread(outbox.mark_sent, self.db, [(row, getattr(message, "message_id", None))])
        except Exception as error:  # the database stayed unavailable: once its lease lapses it is sent again
            logger.error("Outbox row %s was sent but could not be marked (%s).", row.id, type(error).__name__)
        return SENT

    async def _deliver(self, row: Queued):
        limits = URGENT if row.urgent else None
        if row.kind == TEXT:
            keyboard = InlineKeyboardMarkup.de_json(json.loads(row.reply_markup), self.bot) if row.reply_markup else None
            return await self.bot.send_message(row.chat_id, row.text, reply_markup=keyboard, rate_limit_args=limits)
        file = InputFile(row.file_data or b"", filename=row.file_name)
        if row.kind == PHOTO:
            return await self.bot.send_photo(row.chat_id, file, caption=row.text or None, rate_limit_args=limits)
        return await self.bot.send_document(row.chat_id, file, caption=row.text or None, rate_limit_args=limits)

    # -- the background loop -----------------------------------------------------------

    async def drain_once(self) -> int:
        """Claim what is waiting and send it: every chat at once, each in order (the pacer
        lets crisis replies go first). The number of rows handled."""
        rows = await asyncio.to_thread(outbox.claim_pending, self.db)
        by_chat: dict[int, list[Queued]] = defaultdict(list)
        for row in rows:
            by_chat[row.chat_id].append(row)
        await asyncio.gather(*(self._drain_chat(chat_rows) for chat_rows in by_chat.values()))
        return len(rows)

    async def _drain_chat(self, rows: list[Queued]) -> None:
        while rows:
            results = await self.send(rows)
            if LATER in results.values():
                return
            rows = await asyncio.to_thread(outbox.claim_pending, self.db, rows[0].chat_id)

    async def _loop(self) -> None:
        freed_dead, pruned_at = False, 0.0
        loop = asyncio.get_running_loop()
        while True:
            self._wake.clear()
            try:
                if not freed_dead:
                    freed = await asyncio.to_thread(outbox.release_claims_of_dead_processes, self.db)
                    freed_dead = True
                    if freed:
                        logger.info("Took over %d unsent message(s) left by a stopped process.", freed)
                sent = await self.drain_once()
                if sent:
                    logger.info("Sent %d message(s) from the outbox.", sent)
                if loop.time() - pruned_at > PRUNE_EVERY_SECONDS:
                    await asyncio.to_thread(outbox.prune_outbox, self.db)
                    pruned_at = loop.time()
            except Exception as error:  # the database is gone for a moment: try again later
                logger.warning("The outbox could not be drained (%s); trying again.", type(error).__name__)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._wake.wait(), POLL_SECONDS)

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator["OutboxSender"]:
        task = asyncio.create_task(self._loop(), name="outbox")
        try:
            yield self
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
