"""A throwaway PostgreSQL server for tests: ``postgres_url``, a pytest fixture (one per module).

A cluster is created in a temporary folder with ``initdb`` and started with ``pg_ctl``
(as the ``postgres`` account when run as root: PostgreSQL refuses root; the folder then goes
where that account can reach it, as ``/tmp`` may be root's alone), on a free loopback port,
fsync off; it is stopped and removed afterwards. Tests using it are
skipped where PostgreSQL's server programs or psycopg2 are not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from testing.harness import free_port

INITDB, PG_CTL = shutil.which("initdb"), shutil.which("pg_ctl")


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _reachable_temp_base() -> str | None:
    """A temporary base the ``postgres`` account can walk into: ``/tmp`` may be root's alone (0700)."""
    for base in (tempfile.gettempdir(), "/var/tmp", "/dev/shm"):
        if os.path.isdir(base) and os.stat(base).st_mode & 0o001:
            return base
    return None


@pytest.fixture(scope="module")
def postgres_url():
    pytest.importorskip("psycopg2")
    if not (INITDB and PG_CTL):
        pytest.skip("PostgreSQL server programs are not installed")
    as_root = os.geteuid() == 0
    folder = Path(tempfile.mkdtemp(prefix="trustcoach-pg-", dir=_reachable_temp_base() if as_root else None))
    if as_root:
        shutil.chown(folder, user="postgres")
    data, port = folder / "data", free_port()

    def run(command: list[str]) -> None:
        subprocess.run(_as_server_user(command), check=True, capture_output=True, timeout=120)

    try:
        run([INITDB, "-D", str(data), "-U", "trustcoach", "-A", "trust", "--no-sync"])
        options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        run([PG_CTL, "-D", str(data), "-o", options, "-l", str(folder / "server.log"), "-w", "start"])
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"could not start a temporary PostgreSQL server: {error}")
    try:
        yield f"postgresql://trustcoach@127.0.0.1:{port}/postgres"
    finally:
        run([PG_CTL, "-D", str(data), "-m", "immediate", "stop"])
        shutil.rmtree(folder, ignore_errors=True)
