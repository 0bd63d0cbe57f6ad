"""The real bot process (``python -m bot.cli run``) against the fake Telegram server:
start-up time to the first getUpdates, how long the very first reply then takes (models
warm up on first use), and the peak memory of the bot and its action server.

The process is started exactly as a user starts it (only the environment points it at
the fake server and the benchmark's database). Its process tree's RSS is sampled from
the moment it starts, so the peak covers model loading as well as a load of messages
from many chats; the kernel's per-process high-water marks are reported beside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import os
import time
from pathlib import Path

from testing.corpus import messages
from testing.processes import BotProcess, RssSampler, peak_rss_mib, process_tree
from testing.harness import free_port
from testing.fake_telegram import FakeTelegramServer

STARTUP_TIMEOUT_SECONDS = 300.0
_chat_bases = itertools.count(3_000_000, 1_000_000)


def bot_environment(database_url: str, model: Path, token: str, api_url: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("ALLOWED_USER_IDS",)}
    env.update(
        TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_URL=api_url, DATABASE_URL=database_url,
        TRUSTCOACH_MODEL=str(model), ACTION_SERVER_PORT=str(free_port()), LOG_LEVEL="INFO",
        TELEGRAM_POLL_TIMEOUT="10", TZ="UTC", TF_CPP_MIN_LOG_LEVEL="3",
    )
    return env


async def _offer(server: FakeTelegramServer, rate: float, seconds: float) -> list[int]:
    """Push ``rate`` messages a second for ``seconds``, each in its own chat; the chats."""
    first = next(_chat_bases)
    chats = []
    started = time.monotonic()
    for number, text in enumerate(messages(int(rate * seconds))):
        delay = started + number / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        server.push_text(first + number, text)
        chats.append(first + number)
    return chats


async def measure(database_url: str, model: Path, token: str, log_path: Path,
                  load_rate: float, load_seconds: float) -> dict[str, object]:
    """Start the bot, time it to its first getUpdates, put a load on it, report memory."""
    async with FakeTelegramServer(token=token) as server:
        bot = BotProcess(bot_environment(database_url, model, token, server.url), log_path).start()
        try:
            with RssSampler(bot.pid) as rss:
                try:
                    first_poll = (await server.wait_for_calls("getUpdates", 1, timeout=STARTUP_TIMEOUT_SECONDS))[0]
                except asyncio.TimeoutError as error:
                    raise RuntimeError(f"the bot did not poll within {STARTUP_TIMEOUT_SECONDS:.0f} s; see {log_path}") from error
                startup = first_poll.at - bot.started_at
                pushed_at = time.monotonic()
                server.push_text(next(_chat_bases), "hello")
                [first_reply] = await server.wait_for_calls("sendMessage", 1, timeout=120)
                await asyncio.sleep(2.0)
                idle_mib = rss.sample()
                chats = await _offer(server, load_rate, load_seconds)
                with contextlib.suppress(asyncio.TimeoutError):
                    await server.wait_until_idle(quiet=2.0, timeout=180)
                answered = {int(call.chat_id) for call in server.delivered("sendMessage")}
                high_water = sum(peak_rss_mib(pid) for pid in process_tree(bot.pid))
        finally:
            # In a thread: the fake server must keep answering while the bot shuts down.
            await asyncio.to_thread(bot.stop)
    return {
        "startup_to_first_getupdates_s": round(startup, 1),
        "first_reply_after_start_s": round(first_reply.at - pushed_at, 2),
        "idle_rss_mib": round(idle_mib, 0),
        "peak_rss_mib": round(rss.peak_mib, 0),
        "sum_of_process_high_water_marks_mib": round(high_water, 0),
        "load": {"messages": len(chats), "offered_per_second": load_rate,
                 "unanswered_chats": len(set(chats) - answered)},
    }
