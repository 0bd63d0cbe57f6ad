"""How the coach opens a database: SQLite connection settings, engines, checkpoints.

Every engine the coach opens (its own tables, the keystore, Rasa's tracker store) sets
SQLite connections up the same way: WAL mode, a busy timeout and ``secure_delete`` (deleted
content is overwritten with zeros instead of lingering in free pages; it is set per
connection in SQLite). ``checkpoint_sqlite`` copies the write-ahead log into the database
file and truncates it after a deletion, so old page versions leave the ``-wal`` file.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

logger = logging.getLogger(__name__)

CHECKPOINT_ATTEMPTS = 5


def configure_sqlite_connection(dbapi_connection, _record=None) -> None:
    """WAL mode, a busy timeout and ``secure_delete``, on one SQLite connection."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def create_plain_engine(url: str, keep_connections: bool = False) -> sa.engine.Engine:
    """An engine for ``url``; SQLite files get their folder and ``configure_sqlite_connection``
    (``keep_connections``: pooled, not opened and closed for each use: the keystore, read on
    every write)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        pooling = {"poolclass": sa.pool.QueuePool} if keep_connections else {}
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 5},
                               hide_parameters=True, **pooling)  # no message text in SQL errors
        sa.event.listen(engine, "connect", configure_sqlite_connection)
        return engine
    return sa.create_engine(url, pool_pre_ping=True, hide_parameters=True)


def checkpoint_sqlite(engine: sa.engine.Engine) -> bool:
    """On SQLite, ``wal_checkpoint(TRUNCATE)``: True when done (or not SQLite); False when
    readers kept it from finishing after a few tries (SQLite's next checkpoint still does)."""
    if engine.dialect.name != "sqlite":
        return True
    for _ in range(CHECKPOINT_ATTEMPTS):
        with engine.connect() as connection:
            busy = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
        if busy is None or not busy[0]:
            return True
        time.sleep(0.05)
    logger.warning("The write-ahead log could not be truncated after a deletion (readers were busy).")
    return False
