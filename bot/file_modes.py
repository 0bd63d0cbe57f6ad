"""Files only this account can read: a private umask, and a private folder for the database.

``restrict_new_files()`` sets the process umask to 077 before anything is written, so every
file the coach (and Rasa, SQLite, the action server child) creates is 0600 and every
folder 0700: the database and its WAL, console exports, charts, the console log.
``private_database_folder(url)`` creates an SQLite database's folder 0700 and tightens what
an older version may have left readable by others: the project's own ``data/`` folder
and, wherever it lives, the database file with its ``-wal`` and ``-shm`` companions. A
folder of the person's own choosing elsewhere is left as it is (they may share it on
purpose); its database files are still made 0600.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sqlalchemy.engine import make_url

from coach.config import PROJECT_ROOT

logger = logging.getLogger(__name__)

PRIVATE_UMASK = 0o077
OUR_DATA_DIR = PROJECT_ROOT / "data"
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")


def restrict_new_files() -> None:
    os.umask(PRIVATE_UMASK)


def _tighten(path: Path, mode: int) -> None:
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if current & 0o077:
        path.chmod(mode)
        logger.info("Made %s private (mode %o, was %o).", path, mode, current)


def private_database_folder(database_url: str) -> None:
    """For an SQLite file: its folder exists and is 0700 (if new or ours), its files 0600."""
    parsed = make_url(database_url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return
    database = Path(parsed.database).resolve()
    folder = database.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
    if folder == OUR_DATA_DIR.resolve():
        _tighten(folder, 0o700)
    for suffix in SQLITE_COMPANIONS:
        _tighten(Path(f"{database}{suffix}"), 0o600)
