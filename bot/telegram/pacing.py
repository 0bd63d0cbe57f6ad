"""Delivery guarantees around python-telegram-bot.

- ``ResilientRateLimiter``: PTB's ``AIORateLimiter`` (paces to Telegram's flood limits and
  retries after a 429 for its ``retry_after``) plus retries with exponential backoff for
  transient network errors (5xx, dropped connections), so no reply is lost. Requests
  Telegram rejected (400 Bad Request, 403 Forbidden) are not retried. PTB paces groups
  per chat but private chats only by the overall 30 a second; Telegram asks for about one
  message a second per chat, short bursts allowed, so each private chat also gets a
  bucket of ``PRIVATE_CHAT_BURST`` messages that refills at one a second.
- ``PriorityPacer``: the overall pace (one send every 1/30 s), with a lane for urgent
  sends: a crisis reply waiting for its turn goes ahead of every ordinary message that is
  waiting, still within Telegram's limit (docs/OUTBOX.md).
- ``PerChatUpdateProcessor``: different chats are handled concurrently, while one chat's
  updates are handled strictly in the order they arrived.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
from typing import Any, Awaitable

from aiolimiter import AsyncLimiter
from telegram import Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

logger = logging.getLogger(__name__)

TELEGRAM_OVERALL_PER_SECOND = 30  # Telegram's limit for one bot
PRIVATE_CHAT_BURST = 3  # messages to one person at once (a reply of a few parts), then ~1 a second
MAX_IDLE_CHAT_LIMITERS = 512  # beyond this, buckets that are full again are dropped


def private_chat_id(endpoint: str, data: dict[str, Any]) -> int | None:
    """The person a message is sent to or edited for (None for groups, channels and other
    calls, which PTB already paces, and for typing indicators)."""
    if not (endpoint.startswith(("send", "edit", "copy", "forward")) and endpoint != "sendChatAction"):
        return None
    try:
        chat_id = int(data.get("chat_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return chat_id if chat_id > 0 else None


URGENT = {"urgent": True}  # ``rate_limit_args`` for a send that goes ahead of the queue


class PriorityPacer:
    """Lets one send through every ``interval`` seconds, urgent ones first, then in order of arrival."""

    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._next_free = 0.0  # loop time at which the next send may go
        self._waiting: list[tuple[int, int, asyncio.Future]] = []
        self._order = itertools.count()
        self._releaser: asyncio.Task | None = None

    async def acquire(self, urgent: bool = False) -> None:
        loop = asyncio.get_running_loop()
        if not self._waiting and loop.time() >= self._next_free:
            self._next_free = loop.time() + self._interval
            return
        turn = loop.create_future()
        heapq.heappush(self._waiting, (0 if urgent else 1, next(self._order), turn))
        if self._releaser is None or self._releaser.done():
            self._releaser = loop.create_task(self._release_in_turn())
        await turn

    async def _release_in_turn(self) -> None:
        loop = asyncio.get_running_loop()
        while self._waiting:
            await asyncio.sleep(max(0.0, self._next_free - loop.time()))
            _, _, turn = heapq.heappop(self._waiting)
            if turn.done():  # its sender gave up waiting (cancelled)
                continue
            self._next_free = loop.time() + self._interval
            turn.set_result(None)


class ResilientRateLimiter(AIORateLimiter):
    """Flood-limit pacing and 429 retries (PTB), plus backoff retries on network errors."""

    def __init__(self, network_retries: int = 5, base_delay: float = 0.5, **kwargs: Any) -> None:
        kwargs.setdefault("max_retries", 5)
        # One at a time at 30 a second: PTB's default bucket of 30 at once let the busiest
        # second reach ~60 at the start of a large burst (docs/BENCHMARKS.md).
        kwargs.setdefault("overall_max_rate", 1)
        kwargs.setdefault("overall_time_period", 1 / TELEGRAM_OVERALL_PER_SECOND)
        super().__init__(**kwargs)
        # The overall pace is ours (urgent sends first); PTB's own bucket would be FIFO.
        self._pacer = PriorityPacer(self._base_limiter.time_period / self._base_limiter.max_rate)
        self._base_limiter = None
        self._network_retries = network_retries
        self._base_delay = base_delay
        self._chat_limiters: dict[int, AsyncLimiter] = {}

    def _chat_limiter(self, chat_id: int) -> AsyncLimiter:
        if len(self._chat_limiters) > MAX_IDLE_CHAT_LIMITERS:
            for key, limiter in list(self._chat_limiters.items()):
                if key != chat_id and limiter.has_capacity(limiter.max_rate):
                    del self._chat_limiters[key]
        if chat_id not in self._chat_limiters:
            self._chat_limiters[chat_id] = AsyncLimiter(PRIVATE_CHAT_BURST, PRIVATE_CHAT_BURST)
        return self._chat_limiters[chat_id]

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):  # type: ignore[override]
        urgent = isinstance(rate_limit_args, dict) and bool(rate_limit_args.get("urgent"))
        if isinstance(rate_limit_args, dict):
            rate_limit_args = None
        chat_id = private_chat_id(endpoint, data)
        if chat_id is not None:
            await self._chat_limiter(chat_id).acquire()  # the person's pace first, then the bot's
        delay = self._base_delay
        for attempt in range(self._network_retries + 1):
            try:
                if data.get("chat_id") is not None:
                    await self._pacer.acquire(urgent)
                return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
            except (BadRequest, Forbidden, InvalidToken, RetryAfter):
                raise
            except NetworkError as error:
                if endpoint == "getUpdates" or attempt == self._network_retries:
                    raise
                logger.warning(
                    "Telegram %s failed (%s); retry %d in %.1f s.", endpoint, type(error).__name__, attempt + 1, delay
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)
        raise AssertionError("unreachable")


def chat_key(update: object) -> int | None:
    if isinstance(update, Update):
        if update.effective_chat:
            return update.effective_chat.id
        if update.effective_user:
            return update.effective_user.id
    return None


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Concurrent across chats, in order within a chat."""

    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = chat_key(update)
        if key is None:
            await super().process_update(update, coroutine)
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:  # the chat's turn first, then a concurrency slot
                await super().process_update(update, coroutine)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        await coroutine

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
