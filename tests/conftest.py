"""Shared fixtures: the trained model, one action server and one loaded agent per test run.

``make test`` trains the model (only if its inputs changed) before pytest starts, so
tests never train. Loading the agent takes a while, so one ``RasaBridge`` on one test
database is shared by the whole run; tests keep apart by using their own chat ids.
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")
# The master key of the test run (every process it starts inherits it), never data/master.key.
_KEYS_FOLDER = tempfile.mkdtemp(prefix="trustcoach-test-keys-")
atexit.register(shutil.rmtree, _KEYS_FOLDER, True)
os.environ.setdefault("MASTER_KEY_FILE", str(Path(_KEYS_FOLDER) / "master.key"))

from coach.config import PROJECT_ROOT, Settings  # noqa: E402

from testing.harness import (  # noqa: E402
    MODEL_DIR,
    TEST_TOKEN,
    free_port,
    new_chat_id,
    new_update_id_base,
    require_model,
    wait_for_http,
)


@pytest.fixture
def chat_id() -> int:
    return new_chat_id()


@pytest.fixture(scope="session")
def session_database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    from coach.storage.db import Database

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
def action_secret() -> str:
    """The session action server's secret (the bot makes one per start)."""
    from bot.action_auth import new_secret

    return new_secret()


@pytest.fixture(scope="session")
def action_server(session_settings: Settings, action_secret: str):
    """One rasa_sdk action server (a real child process, as the bot starts it) for the whole run."""
    from bot.action_server import child_environment

    env = child_environment(session_settings, action_secret)
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
def bridge(session_settings: Settings, action_server, action_secret: str):
    """The real Rasa agent, loaded once, on the session database."""
    from bot.rasa.bridge import RasaBridge

    return RasaBridge.load(session_settings, action_secret)


@pytest.fixture
def db(session_database_url: str):
    from coach.storage.db import Database

    database = Database(session_database_url)
    yield database
    database.dispose()


@pytest.fixture
def fresh_db(tmp_path):
    """A new SQLite database of this test's own, migrated to every head, as at start-up."""
    from coach.storage.db import Database

    database = Database(f"sqlite:///{tmp_path / 'fresh.db'}")
    database.migrate()
    yield database
    database.dispose()
