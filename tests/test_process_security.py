"""The real `trustcoach` process keeps its secrets and its files (docs/SECURITY.md): the bot
token is nowhere in its output when Telegram refuses it, settings that would send the token
in clear or open the action server beyond this machine are refused with one line, a
stranger on the action server's port stops start-up with one line, and a fresh start
creates a private folder and database file."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp import web

from coach.config import PROJECT_ROOT
from testing.fake_telegram import FakeTelegramServer
from testing.harness import TEST_TOKEN, free_port, require_model, wait_for_http

pytestmark = pytest.mark.slow
TRUSTCOACH = [sys.executable, "-m", "bot.cli"]
TOKEN_SECRET_PART = TEST_TOKEN.split(":", 1)[1]


def coach_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if key not in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL", "ALLOWED_USER_IDS", "TRUSTCOACH_UNSAFE_DEBUG_LOGS")}
    env.update(DATABASE_URL=database_url, TRUSTCOACH_MODEL=str(require_model()),
               ACTION_SERVER_PORT=str(free_port()), LOG_LEVEL="DEBUG", TZ="UTC")
    env.update(extra)
    return env


def run_coach(command: str, env: dict[str, str], stdin: str = "", timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(TRUSTCOACH + [command], input=stdin, capture_output=True, text=True,
                          timeout=timeout, cwd=PROJECT_ROOT, env=env)


def assert_no_token(result: subprocess.CompletedProcess) -> None:
    for stream in (result.stdout, result.stderr):
        assert TEST_TOKEN not in stream and TOKEN_SECRET_PART not in stream


async def test_a_token_telegram_refuses_is_never_shown(tmp_path: Path) -> None:
    async with FakeTelegramServer(token="987654321:another-bots-token_abcdefghijkl") as server:
        env = coach_env(f"sqlite:///{tmp_path / 'a.db'}", TELEGRAM_BOT_TOKEN=TEST_TOKEN, TELEGRAM_API_URL=server.url)
        result = await asyncio.to_thread(run_coach, "telegram", env)
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1].startswith("trustcoach: Telegram refused the bot token")
    assert_no_token(result)


async def test_a_wrong_api_url_answering_404_never_shows_the_token(tmp_path: Path) -> None:
    runner = web.AppRunner(web.Application())  # no routes: 404 for every Bot API call
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        env = coach_env(f"sqlite:///{tmp_path / 'a.db'}", TELEGRAM_BOT_TOKEN=TEST_TOKEN,
                        TELEGRAM_API_URL=f"http://127.0.0.1:{port}")
        result = await asyncio.to_thread(run_coach, "telegram", env)
    finally:
        await runner.cleanup()
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stderr.strip().splitlines()[-1].startswith("trustcoach: Telegram refused the bot token")
    assert_no_token(result)


@pytest.mark.parametrize("setting, value, says", [
    ("TELEGRAM_API_URL", "http://api.telegram.org", "TELEGRAM_API_URL must start with https://"),
    ("TELEGRAM_API_URL", "ftp://127.0.0.1", "TELEGRAM_API_URL must start with https://"),
    ("ACTION_SERVER_HOST", "0.0.0.0", "ACTION_SERVER_HOST must be a loopback address"),
])
def test_unsafe_addresses_are_refused_with_one_line(tmp_path: Path, setting: str, value: str, says: str) -> None:
    env = coach_env(f"sqlite:///{tmp_path / 'a.db'}", TELEGRAM_BOT_TOKEN=TEST_TOKEN, **{setting: value})
    result = run_coach("telegram", env, timeout=120)
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1
    assert lines[0].startswith(f"trustcoach: {says}")
    assert_no_token(result)


def test_a_stranger_on_the_action_server_port_stops_start_up_with_one_line(tmp_path: Path) -> None:
    port = free_port()
    stranger = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                                cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", stranger, timeout=30)
        result = run_coach("chat", coach_env(f"sqlite:///{tmp_path / 'a.db'}", ACTION_SERVER_PORT=str(port)))
    finally:
        stranger.terminate()
        stranger.wait(timeout=10)
    assert result.returncode == 1
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"trustcoach: Port {port} on 127.0.0.1 is already in use by another process")


def test_a_fresh_start_creates_a_private_folder_and_database(tmp_path: Path) -> None:
    database = tmp_path / "new" / "place" / "coach.db"
    result = run_coach("chat", coach_env(f"sqlite:///{database}"), stdin="hello\n/quit\n")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "coach>" in result.stdout  # it really talked, so the database was written
    for folder in (database.parent, database.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    files = [path for path in database.parent.iterdir()]
    assert database in files
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_the_settings_repr_shows_neither_the_token_nor_the_database_password() -> None:
    from coach.config import Settings

    settings = Settings(telegram_token=TEST_TOKEN, database_url="postgresql://coach:hunter2secret@db/coach")
    assert TOKEN_SECRET_PART not in repr(settings) and "hunter2secret" not in repr(settings)
    assert "action_server_port=" in repr(settings)  # the rest is still there to read
