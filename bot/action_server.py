"""Runs the rasa_sdk action server as a watched, locked child process on loopback.

Rasa 3.6 reaches custom actions only over HTTP, so ``trustcoach run`` starts
``python -m rasa_sdk --actions actions`` (through ``bot.action_server_main``, which keeps
TensorFlow out of it and locks it) bound to 127.0.0.1, waits for its ``/health``,
and watches it: if it dies, the failure is logged as an error and it is restarted with
backoff, so the bot never silently stops answering. ``stop()`` ends it with the bot.

Surely ours (docs/SECURITY.md): the host must be a loopback address; a port some other
process already listens on is a clear error, never reused; every start makes a new secret
(``secret``, given to the child in its environment, which carries no bot token) that
Rasa's action calls must carry; and the health check only passes when the answer proves
knowledge of that secret (an HMAC of a fresh nonce). The child dies with this process.
``is_serving()`` is true only while a child that passed that check runs: Rasa's action
endpoint sends nothing while it is false (``bot.rasa.action_endpoint``), so calls never go
to whatever took the port while the child was down.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import os
import socket
import sys
import time

import aiohttp

from bot.action_auth import NONCE_HEADER, PARENT_PID_ENV, PROOF_HEADER, SECRET_ENV, matches, new_nonce, new_secret, proof
from coach.config import PROJECT_ROOT, Settings, is_loopback

logger = logging.getLogger(__name__)


class ActionServerError(RuntimeError):
    """The action server did not come up."""


CHILD_HIDDEN_ENV = ("TELEGRAM_BOT_TOKEN",)  # the actions never talk to Telegram


def child_environment(settings: Settings, secret: str, parent_pid: int | None = None) -> dict[str, str]:
    """The child's environment: ours minus the bot token, plus its host, database, secret
    and the pid it must not outlive."""
    env = {key: value for key, value in os.environ.items() if key not in CHILD_HIDDEN_ENV}
    env["SANIC_HOST"] = settings.action_server_host
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env["DATABASE_URL"] = settings.database_url
    env[SECRET_ENV] = secret
    env[PARENT_PID_ENV] = str(parent_pid or os.getpid())
    return env


def port_is_taken(host: str, port: int) -> bool:
    """True if something already listens on ``host:port`` (a socket in TIME_WAIT is not taken)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


class ActionServer:
    """One supervised ``rasa_sdk`` process."""

    def __init__(self, settings: Settings, startup_timeout: float = 90.0) -> None:
        self.secret = new_secret()  # this start's; Rasa's action endpoint sends it
        self._settings = settings
        self._startup_timeout = startup_timeout
        self._process: asyncio.subprocess.Process | None = None
        self._watcher: asyncio.Task | None = None
        self._stopping = False
        self._verified = False
        self.restarts = 0

    @property
    def health_url(self) -> str:
        return f"http://{self._settings.action_server_host}:{self._settings.action_server_port}/health"

    def is_serving(self) -> bool:
        """True while the child that proved itself is running: calls may go to the port."""
        return self._verified and self._process is not None and self._process.returncode is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    async def start(self) -> None:
        """Start the process, wait until it answers, and begin watching it."""
        await self._spawn()
        self._watcher = asyncio.create_task(self._watch(), name="action-server-watcher")

    async def _spawn(self) -> None:
        self._verified = False
        host, port = self._settings.action_server_host, self._settings.action_server_port
        if not is_loopback(host):
            raise ActionServerError(f"ACTION_SERVER_HOST must be a loopback address such as 127.0.0.1, got {host!r}.")
        if port_is_taken(host, port):
            raise ActionServerError(
                f"Port {port} on {host} is already in use by another process (an action server left from "
                "an earlier run?). Stop it, or set ACTION_SERVER_PORT to a free port."
            )
        env = child_environment(self._settings, self.secret)
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
        self._verified = True
        logger.info("Action server up (pid %s, port %s).", self._process.pid, self._settings.action_server_port)

    async def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self._startup_timeout
        async with aiohttp.ClientSession() as session:
            while time.monotonic() < deadline:
                if self._process and self._process.returncode is not None:
                    raise ActionServerError(
                        f"The action server exited with code {self._process.returncode} while starting; "
                        "its error is in the log above."
                    )
                nonce = new_nonce()
                try:
                    async with session.get(self.health_url, headers={NONCE_HEADER: nonce},
                                           timeout=aiohttp.ClientTimeout(total=2)) as reply:
                        if reply.status == 200 and matches(proof(self.secret, nonce), reply.headers.get(PROOF_HEADER)):
                            return
                        if reply.status < 500:  # something answers, and it is not our child
                            await self._end_child()
                            raise ActionServerError(
                                f"Something other than our action server answers on {self.health_url}: "
                                "stop it, or set ACTION_SERVER_PORT to a free port."
                            )
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
            self._verified = False
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
        self._verified = False
        if self._watcher:
            self._watcher.cancel()
        await self._end_child()

    async def _end_child(self) -> None:
        if self._process and self._process.returncode is None:
            self._process.terminate()
            try:
                await asyncio.wait_for(self._process.wait(), timeout=10)
            except asyncio.TimeoutError:
                self._process.kill()
                await self._process.wait()
