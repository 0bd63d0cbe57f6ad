"""End to end through the fake Telegram Bot API: latency, lost replies, sustained throughput.

The bot is the real ``Application`` (``bot.telegram.app.build_application``: rate limiter,
per-chat ordering, update claims, handlers) around an already loaded ``RasaBridge``,
long polling ``testing.fake_telegram.FakeTelegramServer`` over loopback HTTP. The fake
server shares this process's event loop, so anything that blocks the loop delays the
server's bookkeeping too: these numbers err on the slow side.

One extra handler in a late group marks when the bot has finished with an update, so
each update's replies are known exactly:

- ``first``: from handing the update to the bot (the push) to its first sendMessage
  reaching the server; ``complete``: to the end of its handling, all replies sent.
- closed loop: N chats at once, each sending its next message when the last is answered,
  either at once (a burst: the bot's capacity) or after a human pause (reading, typing);
- open loop (throughput): updates offered at a fixed rate, one per chat, stepped up
  until the p95 of ``complete`` passes one second.
- lost: an update that got no delivered sendMessage, or only the error reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import time
from dataclasses import dataclass, field
from typing import AsyncIterator

from telegram import Update
from telegram.ext import Application, ContextTypes, TypeHandler

from testing.corpus import conversations, messages
from bench.stats import summarize
from coach.config import Settings
from bot.rasa.bridge import RasaBridge
from coach.storage.db import Database
from bot.telegram.app import build_application
from bot.telegram.handlers import ERROR_REPLY
from testing.app_runner import Outcome, Tracked, _chat_bases, outcome, running_application
from testing.fake_telegram import FakeTelegramServer

def _summary(result: Outcome, seconds: float) -> dict[str, object]:
    return {
        "updates": result.updates,
        "lost": result.lost,
        "first_reply": summarize(result.first),
        "complete": summarize(result.complete),
        "replies_sent": result.replies,
        "seconds": round(seconds, 1),
        "replies_per_second": round(result.replies / seconds, 1) if seconds else None,
        "updates_per_second": round((result.updates - result.lost) / seconds, 1) if seconds else None,
    }


async def closed_loop(settings: Settings, bridge: RasaBridge, db: Database, token: str,
                      chats: int, per_chat: int, think: tuple[float, float] = (0.0, 0.0),
                      answer_timeout: float = 120.0) -> dict[str, object]:
    """``chats`` chats at once, each sending its next message once the last is handled and
    a pause drawn from ``think`` (seconds: reading the reply, typing) has passed; with a
    pause, the chats also start at random moments within it."""
    first_chat = next(_chat_bases)
    scripts = conversations(chats, per_chat)
    async with running_application(settings, bridge, db, token) as (server, tracked):
        async def chat(number: int, script: list[str]) -> None:
            pauses = random.Random(number)
            for text in script:
                await asyncio.sleep(pauses.uniform(*think))
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(asyncio.shield(tracked.push(server, first_chat + number, text)), answer_timeout)

        started = time.monotonic()
        await asyncio.gather(*(chat(number, script) for number, script in enumerate(scripts)))
        seconds = time.monotonic() - started
        await server.wait_until_idle(quiet=0.5, timeout=60)
        result = _summary(outcome(server, tracked), seconds)
    result["chats"], result["messages_per_chat"], result["think_seconds"] = chats, per_chat, list(think)
    return result


async def open_loop_step(settings: Settings, bridge: RasaBridge, db: Database, token: str,
                         rate: float, seconds: float, drain_timeout: float = 120.0) -> dict[str, object]:
    """Offer ``rate`` updates a second for ``seconds``, each in a chat of its own."""
    first_chat = next(_chat_bases)
    texts = messages(int(rate * seconds))
    async with running_application(settings, bridge, db, token) as (server, tracked):
        started = time.monotonic()
        for number, text in enumerate(texts):
            delay = started + number / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tracked.push(server, first_chat + number, text)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(asyncio.gather(*tracked.done.values()), drain_timeout)
        elapsed = time.monotonic() - started
        await server.wait_until_idle(quiet=0.5, timeout=60)
        result = _summary(outcome(server, tracked), elapsed)
    result["offered_per_second"] = rate
    return result


async def throughput(settings: Settings, bridge: RasaBridge, db: Database, token: str,
                     rates: list[float], seconds: float, p95_limit_ms: float = 1000.0) -> dict[str, object]:
    """Step the offered rate up until p95 (complete) passes ``p95_limit_ms`` or a reply is lost."""
    steps = []
    for rate in rates:
        step = await open_loop_step(settings, bridge, db, token, rate, seconds)
        steps.append(step)
        if step["complete"]["p95_ms"] > p95_limit_ms or step["lost"]:
            break
    within = [s for s in steps if s["complete"]["p95_ms"] <= p95_limit_ms and not s["lost"]]
    return {
        "steps": steps,
        "seconds_per_step": seconds,
        "p95_limit_ms": p95_limit_ms,
        "sustained_replies_per_second": max((s["replies_per_second"] for s in within), default=0.0),
        "sustained_updates_per_second": max((s["updates_per_second"] for s in within), default=0.0),
    }
