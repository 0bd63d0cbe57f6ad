"""Database engine, sessions and migrations for the app's own tables.

``Database(url)`` wraps one SQLAlchemy engine. ``migrate()`` brings the schema to the
newest Alembic revision; it runs at start-up, so a fresh SQLite file under ``data/`` is
created on first run. Any SQLAlchemy URL works (``DATABASE_URL``).
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or opened; the message says what to do."""


CHECKPOINT_ATTEMPTS = 5


def configure_sqlite_connection(dbapi_connection, _record=None) -> None:
    """WAL mode, a busy timeout, and ``secure_delete``: deleted content is overwritten
    with zeros instead of lingering in free pages (set on every connection: it is per
    connection in SQLite). Rasa's tracker store engine gets it too (``bot.tracker_store``)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def wipe_freed_pages(db: "Database") -> bool:
    """After a deletion: on SQLite, copy the write-ahead log into the database file and
    truncate it (``wal_checkpoint(TRUNCATE)``), so the old versions of the deleted rows'
    pages leave the ``-wal`` file. True when done (or nothing to do: other databases);
    False when readers kept it from finishing after a few tries (the next checkpoint
    SQLite runs on its own still overwrites them)."""
    if db.engine.dialect.name != "sqlite":
        return True
    for _ in range(CHECKPOINT_ATTEMPTS):
        with db.engine.connect() as connection:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        if busy is None or not busy[0]:
            return True
        time.sleep(0.05)
    logger.warning("The write-ahead log could not be truncated after a deletion (readers were busy).")
    return False


def create_engine(url: str) -> sa.engine.Engine:
    """An engine for ``url``; SQLite files get their folder, WAL mode and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
        sa.event.listen(engine, "connect", configure_sqlite_connection)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


class Database:
    """One engine and its session factory."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self._sessions = sessionmaker(bind=self.engine, expire_on_commit=False, future=True)

    def check_connection(self) -> None:
        """Fail with one clear line when the database cannot be reached."""
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except Exception as error:  # any driver error means the same thing to the user
            safe_url = make_url(self.url).render_as_string(hide_password=True)
            raise DatabaseUnavailable(
                f"Cannot open the database at {safe_url} ({type(error).__name__}). "
                "Check DATABASE_URL, or unset it to use the SQLite file under data/."
            ) from error

    def migrate(self) -> None:
        """Upgrade the app's tables to the newest migration."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")  # one linear chain (0006 merged the old branches)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
