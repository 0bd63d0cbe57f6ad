"""The real `trustcoach` command, as a user starts it: console chat over stdin/stdout, and the
Telegram mode against the fake Bot API server, killed with SIGKILL mid-conversation and
started again on the same database."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coach.config import PROJECT_ROOT
from testing.harness import TEST_TOKEN, free_port, require_model
from testing.fake_telegram import FakeTelegramServer

pytestmark = pytest.mark.slow
TRUSTCOACH = [sys.executable, "-m", "bot.cli"]


def coach_env(database_url: str, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "TELEGRAM_BOT_TOKEN"}
    env.update(
        DATABASE_URL=database_url,
        TRUSTCOACH_MODEL=str(require_model()),
        ACTION_SERVER_PORT=str(free_port()),
        LOG_LEVEL="INFO",
        TZ="UTC",
    )
    env.update(extra)
    return env


def test_console_chat_on_stdin_and_stdout(tmp_path: Path) -> None:
    session = "hello\n1\n/privacy\n/quit\n"
    result = subprocess.run(
        TRUSTCOACH + ["run"], input=session, capture_output=True, text=True, timeout=300,
        cwd=PROJECT_ROOT, env=coach_env(f"sqlite:///{tmp_path / 'console.db'}"),
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "coach> Hi, I'm here." in out           # greeting
    assert "[1] I want to apologize" in out         # buttons as a numbered list
    assert out.count("coach>") >= 4                 # "1" pressed the first button: a flow step came back
    assert "/export" in out                         # the privacy answer
    assert "No TELEGRAM_BOT_TOKEN set" in result.stderr


def test_missing_model_gives_one_clear_line(tmp_path: Path) -> None:
    env = coach_env(f"sqlite:///{tmp_path / 'x.db'}", TRUSTCOACH_MODEL=str(tmp_path / "no-models"))
    result = subprocess.run(TRUSTCOACH + ["chat"], input="", capture_output=True, text=True,
                            timeout=120, cwd=PROJECT_ROOT, env=env)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("trustcoach: No trained Rasa model")


def test_telegram_mode_without_a_token_gives_one_clear_line(tmp_path: Path) -> None:
    result = subprocess.run(TRUSTCOACH + ["telegram"], input="", capture_output=True, text=True,
                            timeout=120, cwd=PROJECT_ROOT, env=coach_env(f"sqlite:///{tmp_path / 'x.db'}"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("trustcoach: TELEGRAM_BOT_TOKEN is not set")


def test_unreachable_database_gives_one_clear_line(tmp_path: Path) -> None:
    env = coach_env("postgresql://nobody:secret@127.0.0.1:1/nothing")
    result = subprocess.run(TRUSTCOACH + ["chat"], input="", capture_output=True, text=True,
                            timeout=120, cwd=PROJECT_ROOT, env=env)
    last = result.stderr.strip().splitlines()[-1]
    assert result.returncode == 1 and last.startswith("trustcoach: Cannot open the database")
    assert "secret" not in result.stderr


def start_bot(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(TRUSTCOACH + ["run"], cwd=PROJECT_ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def kill_hard(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)  # the bot and its action server child
    process.wait(timeout=30)


async def test_telegram_mode_survives_kill_9_without_losing_state_or_doubling(tmp_path: Path) -> None:
    database_url = f"sqlite:///{tmp_path / 'crash.db'}"
    chat_id = 4242
    async with FakeTelegramServer(token=TEST_TOKEN) as server:
        env = coach_env(database_url, TELEGRAM_BOT_TOKEN=TEST_TOKEN, TELEGRAM_API_URL=server.url,
                        TELEGRAM_POLL_TIMEOUT="1")
        bot = start_bot(env)
        try:
            await server.wait_for_calls("getUpdates", 1, timeout=240)
            server.push_text(chat_id, "every time we talk about the affair we end up screaming at each other")
            first = await server.wait_for_calls("sendMessage", 1, chat_id=chat_id, timeout=60)
            first_text = first[0].params["text"]
            stderr_tail = ""
        finally:
            kill_hard(bot)
            stderr_tail = bot.stderr.read()[-3000:]
        assert TEST_TOKEN not in stderr_tail
        assert "every time we talk" not in stderr_tail  # no message text in logs at INFO

        # While it is down, the person presses "Next"; the earlier update may also be redelivered.
        server.push_callback(chat_id, "/flow_next", message_id=first[0].result["message_id"])
        bot = start_bot(dict(env, ACTION_SERVER_PORT=str(free_port())))
        try:
            await server.wait_for_calls("sendMessage", 2, chat_id=chat_id, timeout=240)
            await server.wait_until_idle(quiet=2.0, timeout=30)
        finally:
            bot.send_signal(signal.SIGTERM)
            try:
                bot.wait(timeout=30)
            except subprocess.TimeoutExpired:
                kill_hard(bot)
    sent = server.calls_of("sendMessage", chat_id=chat_id)
    texts = [c.params["text"] for c in sent]
    # The kill came as the first reply reached Telegram, before the bot could mark it sent:
    # that one row may go out once more after the restart (the Bot API has no idempotency
    # key; docs/OUTBOX.md), never more, and the update was not handled twice.
    assert texts.count(first_text) <= 2
    [after_next] = [call for call in sent if call.params["text"] != first_text]
    # "Next" continued the same flow after the restart: the conversation state survived.
    buttons = [b["callback_data"] for row in after_next.params["reply_markup"]["inline_keyboard"] for b in row]
    assert "/stop" in buttons
