"""Runs the rasa_sdk action server as a watched child process on loopback.

Rasa 3.6 reaches custom actions only over HTTP, so ``trustcoach run`` starts
``python -m rasa_sdk --actions actions`` (through ``bot.action_server_main``, which keeps
TensorFlow out of it) bound to 127.0.0.1, waits for its ``/health``,
and watches it: if it dies, the failure is logged as an error and it is restarted with
backoff, so the bot never silently stops answering. ``stop()`` ends it with the bot.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time

import aiohttp

from coach.config import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)


class ActionServerError(RuntimeError):
    """The action server did not come up."""


class ActionServer:
    """One supervised ``rasa_sdk`` process."""

    def __init__(self, settings: Settings, startup_timeout: float = 90.0) -> None:
        self._settings = settings
        self._startup_timeout = startup_timeout
        self._process: asyncio.subprocess.Process | None = None
        self._watcher: asyncio.Task | None = None
        self._stopping = False
        self.restarts = 0

    @property
    def health_url(self) -> str:
        return f"http://{self._settings.action_server_host}:{self._settings.action_server_port}/health"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    async def start(self) -> None:
        """Start the process, wait until it answers, and begin watching it."""
        await self._spawn()
        self._watcher = asyncio.create_task(self._watch(), name="action-server-watcher")

    async def _spawn(self) -> None:
        env = dict(os.environ)
        env["SANIC_HOST"] = self._settings.action_server_host
        env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
        env["DATABASE_URL"] = self._settings.database_url
        self._process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.action_server_main",  # rasa_sdk without TensorFlow/JAX
            "--actions", "actions",
            "--port", str(self._settings.action_server_port),
            "--quiet",  # warnings only: its debug output would include message text
            cwd=str(PROJECT_ROOT),
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
        )
        await self._wait_until_healthy()
        logger.info("Action server up (pid %s, port %s).", self._process.pid, self._settings.action_server_port)

    async def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self._startup_timeout
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                if self._process and self._process.returncode is not None:
                    raise ActionServerError(
                        f"The action server exited with code {self._process.returncode} while starting; "
                        "run `make actions` to see why."
                    )
                try:
                    async with session.get(self.health_url, timeout=aiohttp.ClientTimeout(total=2)) as reply:
                        if reply.status == 200:
                            return
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    pass
                await asyncio.sleep(0.25)
        raise ActionServerError(
            f"The action server did not answer on {self.health_url} within {self._startup_timeout:.0f} s."
        )

    async def _watch(self) -> None:
        backoff = 1.0
        while not self._stopping:
            assert self._process is not None
            code = await self._process.wait()
            if self._stopping:
                return
            self.restarts += 1
            logger.error("The action server died (exit code %s); restarting it in %.0f s.", code, backoff)
            await asyncio.sleep(backoff)
            try:
                await self._spawn()
                backoff = 1.0
            except ActionServerError as error:
                logger.error("%s", error)
                backoff = min(backoff * 2, 30.0)

    async def stop(self) -> None:
        """End the process (and its watcher)."""
        self._stopping = True
        if self._watcher:
            self._watcher.cancel()
        if self._process and self._process.returncode is None:
            self._process.terminate()
            try:
                await asyncio.wait_for(self._process.wait(), timeout=10)
            except asyncio.TimeoutError:
                self._process.kill()
                await self._process.wait()
