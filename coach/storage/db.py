"""Database engine, sessions and migrations for the app's own tables.

``Database(url)`` wraps one SQLAlchemy engine. ``migrate()`` brings the schema to the
newest Alembic revision; it runs at start-up, so a fresh SQLite file under ``data/`` is
created on first run. Any SQLAlchemy URL works (``DATABASE_URL``). Each database has a
keyring (``coach.storage.keys``): its sealed columns are encrypted per person.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from coach.storage.engines import checkpoint_sqlite, create_plain_engine
from coach.storage.keys import keyring_for
from coach.storage.sealing import KeyringLike, register

logger = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached or opened; the message says what to do."""


def create_engine(url: str, keyring: KeyringLike | None = None) -> sa.engine.Engine:
    """An engine for ``url`` (``coach.storage.engines``) whose sealed columns use ``keyring``
    (default: the configured one for this database, ``coach.storage.keys.keyring_for``)."""
    engine = create_plain_engine(url)
    register(engine, keyring if keyring is not None else keyring_for(url))
    return engine


def wipe_freed_pages(db: "Database") -> bool:
    """After a deletion, truncate SQLite's write-ahead log (``checkpoint_sqlite``), so the
    old versions of the deleted rows' pages leave the ``-wal`` file."""
    return checkpoint_sqlite(db.engine)


class Database:
    """One engine and its session factory."""

    def __init__(self, url: str, keyring: KeyringLike | None = None) -> None:
        self.url = url
        self.keyring = keyring if keyring is not None else keyring_for(url)
        self.engine = create_engine(url, self.keyring)
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
