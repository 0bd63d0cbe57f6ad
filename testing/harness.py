"""Ports, ids, the test token and the trained model: what tests and benchmarks share."""

from __future__ import annotations

import itertools
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from coach.config import PROJECT_ROOT

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
