"""The tracker store declared in endpoints.yml: what ``rasa shell`` / ``rasa run`` build from it,
and what the bot builds (its own ``DATABASE_URL`` wins). No trained model needed."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.core.tracker_store import TrackerStore
from rasa.core.utils import AvailableEndpoints
from sqlalchemy.engine import make_url

from bot.tracker_store import ENDPOINTS_FILE, RetryingSQLTrackerStore, tracker_store_from_endpoints
from coach.config import PROJECT_ROOT


def _database(store: TrackerStore) -> str:
    assert isinstance(store, RetryingSQLTrackerStore), type(store)
    store.engine.dispose()
    return make_url(str(store.engine.url)).database


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'trackers.db'}"


def test_endpoints_yml_declares_the_retrying_sql_store() -> None:
    assert ENDPOINTS_FILE == PROJECT_ROOT / "endpoints.yml"
    config = AvailableEndpoints.read_endpoints(str(ENDPOINTS_FILE)).tracker_store
    assert config is not None
    assert config.type == "bot.tracker_store.RetryingSQLTrackerStore"


def test_rasa_builds_it_on_database_url(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    endpoints = AvailableEndpoints.read_endpoints(str(ENDPOINTS_FILE))
    store = TrackerStore.create(endpoints.tracker_store)  # as rasa.core.agent.load_agent does
    assert _database(store) == make_url(sqlite_url).database
    assert "events" in store.Base.metadata.tables


def test_a_url_in_endpoints_yml_is_used_by_rasa(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sqlite_url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    other = tmp_path / "other.db"
    endpoints_file = tmp_path / "endpoints.yml"
    endpoints_file.write_text(
        f"tracker_store:\n  type: bot.tracker_store.RetryingSQLTrackerStore\n  url: sqlite:///{other}\n"
    )
    store = TrackerStore.create(AvailableEndpoints.read_endpoints(str(endpoints_file)).tracker_store)
    assert _database(store) == str(other)


def test_the_bot_uses_its_settings_database_url_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sqlite_url: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'from_env.db'}")
    store = tracker_store_from_endpoints(sqlite_url)  # what RasaBridge.load does with Settings
    assert _database(store) == make_url(sqlite_url).database


def test_the_bot_uses_its_settings_database_url_over_a_url_in_the_file(tmp_path: Path, sqlite_url: str) -> None:
    endpoints_file = tmp_path / "endpoints.yml"
    endpoints_file.write_text(
        f"tracker_store:\n  type: bot.tracker_store.RetryingSQLTrackerStore\n  url: sqlite:///{tmp_path / 'other.db'}\n"
    )
    store = tracker_store_from_endpoints(sqlite_url, endpoints_file)
    assert _database(store) == make_url(sqlite_url).database


def test_without_a_tracker_store_section_the_bot_still_gets_the_sql_store(tmp_path: Path, sqlite_url: str) -> None:
    endpoints_file = tmp_path / "endpoints.yml"
    endpoints_file.write_text('action_endpoint:\n  url: "http://127.0.0.1:5055/webhook"\n')
    store = tracker_store_from_endpoints(sqlite_url, endpoints_file)
    assert _database(store) == make_url(sqlite_url).database
