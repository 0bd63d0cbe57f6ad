"""The supervised action server: it comes up on loopback, and when it dies it is restarted
with the failure logged as an error (never a bot that silently stops answering), and it
carries no TensorFlow."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from bot.action_server import ActionServer, ActionServerError
from coach.config import PROJECT_ROOT, Settings
from testing.harness import free_port

pytestmark = pytest.mark.slow


async def healthy(url: str) -> bool:
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=2)) as reply:
                return reply.status == 200
    except aiohttp.ClientError:
        return False


async def test_a_dead_action_server_is_restarted_and_reported(tmp_path, caplog) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    server = ActionServer(settings)
    await server.start()
    try:
        assert await healthy(server.health_url)
        first_pid = server.pid
        with caplog.at_level(logging.ERROR, logger="bot.action_server"):
            os.kill(first_pid, signal.SIGKILL)
            for _ in range(240):
                await asyncio.sleep(0.25)
                if server.pid != first_pid and await healthy(server.health_url):
                    break
        assert server.restarts == 1 and server.pid != first_pid
        assert await healthy(server.health_url)
        assert any("action server died" in r.getMessage() for r in caplog.records)
    finally:
        await server.stop()
    assert not await healthy(server.health_url)


async def test_an_action_server_that_cannot_start_gives_a_clear_error(tmp_path, monkeypatch) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # shadow the actions package with a broken one
    (tmp_path / "actions").mkdir()
    (tmp_path / "actions" / "__init__.py").write_text("raise ImportError('broken on purpose')\n")
    server = ActionServer(settings, startup_timeout=60)
    monkeypatch.setattr("bot.action_server.PROJECT_ROOT", tmp_path)
    with pytest.raises(ActionServerError, match="exited with code|did not answer"):
        await server.start()
    await server.stop()


async def test_the_action_server_serves_every_action_without_tensorflow_or_jax(tmp_path) -> None:
    """bot.action_server_main keeps the unused ML back ends out of the child (~360 MB)."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", action_server_port=free_port())
    server = ActionServer(settings)
    await server.start()
    try:
        actions_url = server.health_url.replace("/health", "/actions")
        async with aiohttp.ClientSession() as session:
            async with session.get(actions_url) as reply:
                served = {action["name"] for action in await reply.json()}
        assert {"validate_apology_form", "action_submit_checkin", "action_save_reminder"} <= served
        loaded = Path(f"/proc/{server.pid}/maps").read_text()
        assert "tensorflow" not in loaded and "jaxlib" not in loaded
    finally:
        await server.stop()


def test_the_apology_analyzer_works_with_the_back_ends_blocked() -> None:
    script = (
        "from bot.action_server_main import block_unused_backends; block_unused_backends()\n"
        "from coach.apology.analyzer import analyze\n"
        "import sys; assert sys.modules['tensorflow'] is None\n"
        "print(sorted({flag.kind for flag in analyze('sorry you feel that way but you made me do it', 'ownership')}))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "['blame_shift', 'but', 'non_apology']"
