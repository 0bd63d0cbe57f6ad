"""Child processes for the benchmarks: memory of a process tree from /proc, and the real bot.

``tree_rss_mib(pid)`` sums the resident memory of a process and all its descendants
(the bot and its action server); ``RssSampler`` polls it in a thread and keeps the peak.
``BotProcess`` starts ``python -m bot.cli run`` in its own process group, exactly as a
user would start it, and always ends the whole group (bot and action server) on exit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Mapping

from coach.config import PROJECT_ROOT

PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def _children(pid: int) -> list[int]:
    found: list[int] = []
    task_dir = Path(f"/proc/{pid}/task")
    try:
        for task in task_dir.iterdir():
            text = (task / "children").read_text()
            found.extend(int(child) for child in text.split())
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return found


def process_tree(pid: int) -> list[int]:
    """``pid`` and every descendant still alive."""
    tree, pending = [], [pid]
    while pending:
        current = pending.pop()
        tree.append(current)
        pending.extend(_children(current))
    return tree


def rss_kib(pid: int) -> int:
    """Resident set size of one process (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    return int(fields[1]) * PAGE_KIB


def tree_rss_mib(pid: int) -> float:
    return sum(rss_kib(member) for member in process_tree(pid)) / 1024


def peak_rss_mib(pid: int) -> float:
    """The kernel's high-water mark (VmHWM) of one process, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class RssSampler:
    """Samples a process tree's total RSS every ``interval`` seconds; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_mib = 0.0
        self.last_mib = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def sample(self) -> float:
        self.last_mib = tree_rss_mib(self.pid)
        self.peak_mib = max(self.peak_mib, self.last_mib)
        return self.last_mib

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()


class BotProcess:
    """``python -m bot.cli run`` in its own process group; ``stop()`` ends the whole group."""

    def __init__(self, env: Mapping[str, str], log_path: Path) -> None:
        self.env = dict(env)
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0

    @property
    def pid(self) -> int:
        assert self.process is not None, "not started"
        return self.process.pid

    def start(self) -> "BotProcess":
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "run"], cwd=PROJECT_ROOT, env=self.env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True,
        )
        log.close()
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill_hard(self) -> None:
        """SIGKILL to the bot and its action server at once (a crash)."""
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=30)

    def stop(self, timeout: float = 30.0) -> None:
        """SIGTERM (the bot stops its action server), SIGKILL to the group if it lingers."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        self.kill_hard()  # also ends a child left behind by a bot that exited
