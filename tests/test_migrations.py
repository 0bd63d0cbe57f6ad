"""The Alembic chain: one head, a schema that matches the models, and old databases that
still upgrade. Each test has its own SQLite file; nothing here needs the trained model."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from coach.config import PROJECT_ROOT
from coach.storage.db import MIGRATIONS_DIR, Database
from coach.tables import Base

OLD_HEADS = ("0002_reminders", "0003_apology", "0004_checkins", "0005_inbox")
APP_TABLES = {
    "apology_drafts",
    "apology_progress",
    "checkins",
    "outbox",
    "processed_updates",
    "reminders",
    "telegram_inbox",
    "user_settings",
}


def _alembic_config(connection: sa.engine.Connection | None = None) -> Config:
    """The configuration ``Database.migrate`` uses (no ini file, so logging is left alone)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade(db: Database, target: str) -> None:
    with db.engine.begin() as connection:
        command.upgrade(_alembic_config(connection), target)


def _versions(db: Database) -> set[str]:
    with db.engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def _only_app_tables(name, type_, parent_names) -> bool:
    return type_ != "table" or name in APP_TABLES


def _schema_differences(db: Database) -> list:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"compare_type": True, "compare_server_default": True, "include_name": _only_app_tables},
        )
        return compare_metadata(context, Base.metadata)


def _add_rasa_events_table(db: Database) -> None:
    """A stand-in for the ``events`` table Rasa's SQLTrackerStore creates in the same database."""
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)"
        )


@pytest.fixture
def db(tmp_path: Path):
    database = Database(f"sqlite:///{tmp_path / 'migrations.db'}")
    yield database
    database.dispose()


def test_the_chain_has_exactly_one_head() -> None:
    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert len(heads) == 1, f"several Alembic heads {heads}: add a merge revision"


def test_alembic_ini_points_at_the_same_chain() -> None:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    script = ScriptDirectory.from_config(config)
    assert Path(script.dir).resolve() == MIGRATIONS_DIR.resolve()
    assert script.get_heads() == ScriptDirectory.from_config(_alembic_config()).get_heads()


def test_the_models_register_every_app_table() -> None:
    assert set(Base.metadata.tables) == APP_TABLES


def test_a_fresh_database_at_head_matches_the_models(db: Database) -> None:
    db.migrate()
    [head] = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert _versions(db) == {head}
    assert set(sa.inspect(db.engine).get_table_names()) == APP_TABLES | {"alembic_version"}
    _add_rasa_events_table(db)
    assert _schema_differences(db) == []


def test_autogenerate_through_env_py_ignores_rasas_events_table(db: Database) -> None:
    db.migrate()
    _add_rasa_events_table(db)
    with db.engine.connect() as connection:
        command.check(_alembic_config(connection))  # raises if autogenerate would emit anything


@pytest.mark.parametrize("old_head", OLD_HEADS)
def test_a_database_at_one_old_head_upgrades_to_head(db: Database, old_head: str) -> None:
    _upgrade(db, old_head)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO user_settings (chat_id, timezone, created_at) VALUES (7, 'UTC', '2024-01-01')"
        )
    db.migrate()
    [head] = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert _versions(db) == {head}
    assert _schema_differences(db) == []
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT timezone FROM user_settings WHERE chat_id = 7").scalar() == "UTC"


def test_a_database_at_all_old_heads_upgrades_to_head(db: Database) -> None:
    for old_head in OLD_HEADS:  # what Database.migrate's upgrade to "heads" left before 0006
        _upgrade(db, old_head)
    assert _versions(db) == set(OLD_HEADS)
    db.migrate()
    [head] = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert _versions(db) == {head}
    assert _schema_differences(db) == []
