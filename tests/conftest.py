"""Shared fixtures: the trained model, one action server and one loaded agent per test run.

``make test`` trains the model (only if its inputs changed) before pytest starts, so
tests never train. Loading the agent takes a while, so one ``RasaBridge`` on one test
database is shared by the whole run; tests keep apart by using their own chat ids.
"""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bot.config import PROJECT_ROOT, Settings  # noqa: E402

MODEL_DIR = PROJECT_ROOT / "models"
TEST_TOKEN = "123456789:TEST-token_abcdefghijklmnopqrstuvw"
_chat_ids = itertools.count(10_000)
_update_id_bases = itertools.count(1_000_000, 1_000_000)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def new_chat_id() -> int:
    """A chat id no other test uses (tests share one database)."""
    return next(_chat_ids)


def new_update_id_base() -> int:
    """A first update_id no other fake server in this run uses (tests share one database,
    and the bot rightly skips update ids it has handled before)."""
    return next(_update_id_bases)


@pytest.fixture
def chat_id() -> int:
    return new_chat_id()


def require_model() -> Path:
    model = Path(os.environ.get("TRUSTCOACH_MODEL") or MODEL_DIR / "trustcoach.tar.gz")
    if not model.exists():
        pytest.fail("No trained model: run `make model` (make test does it first).")
    return model


def wait_for_http(url: str, process: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@pytest.fixture(scope="session")
def session_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from bot.storage.db import Database

    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'session.db'}"
    db = Database(url)
    db.migrate()
    db.dispose()
    return url


@pytest.fixture(scope="session")
def session_settings(session_database_url: str) -> Settings:
    return Settings(
        telegram_token=TEST_TOKEN,
        database_url=session_database_url,
        model_path=require_model(),
        action_server_port=free_port(),
        log_level="INFO",
    )


@pytest.fixture(scope="session")
def action_server(session_settings: Settings):
    """One rasa_sdk action server (a real child process, as the bot starts it) for the whole run."""
    env = dict(os.environ, SANIC_HOST="127.0.0.1", DATABASE_URL=session_settings.database_url)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.action_server_main", "--actions", "actions", "--quiet",
         "--port", str(session_settings.action_server_port)],
        cwd=PROJECT_ROOT, env=env,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{session_settings.action_server_port}/health", process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def bridge(session_settings: Settings, action_server):
    """The real Rasa agent, loaded once, on the session database."""
    from bot.rasa_bridge import RasaBridge

    return RasaBridge.load(session_settings)


@pytest.fixture
def db(session_database_url: str):
    from bot.storage.db import Database

    database = Database(session_database_url)
    yield database
    database.dispose()


@pytest.fixture
def fresh_db(tmp_path):
    """A new SQLite database of this test's own, migrated to every head, as at start-up."""
    from bot.storage.db import Database

    database = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    database.migrate()
    yield database
    database.dispose()
