"""Loads our assistant and the stock one in this process, on one action server and database.

Both agents are ``RasaBridge``s built the way the bot builds its own (``RasaBridge.load``:
SQL tracker store on ``DATABASE_URL``, custom actions on the loopback action server), so
the only difference between them is the trained model. The action server is the real
supervised child process (``bot.action_server.ActionServer``) and is stopped on exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import AsyncIterator

from bot.action_server import ActionServer
from coach.config import Settings
from bot.rasa.bridge import RasaBridge


async def _load(settings: Settings, model: Path, server: ActionServer) -> tuple[RasaBridge, float]:
    started = time.perf_counter()
    bridge = await asyncio.to_thread(RasaBridge.load, settings.with_overrides(model_path=model),
                                     server.secret, server.is_serving)
    return bridge, round(time.perf_counter() - started, 1)


@contextlib.asynccontextmanager
async def loaded(settings: Settings, models: dict[str, Path]) -> AsyncIterator[tuple[dict[str, RasaBridge], dict[str, float]]]:
    """``{name: bridge}`` for every model, and the seconds each took to load."""
    action_server = ActionServer(settings)
    await action_server.start()
    try:
        bridges, load_seconds = {}, {}
        for name, model in models.items():
            bridges[name], load_seconds[name] = await _load(settings, model, action_server)
        yield bridges, load_seconds
    finally:
        await action_server.stop()
