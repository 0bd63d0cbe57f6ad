"""One model in a fresh process: how long it takes to load, and its peak memory.

Run as ``python -m bench.agent_probe MODEL [--messages N]``: loads the model into a Rasa
``Agent`` (no tracker store, no action server), parses N benchmark messages, and prints
one JSON line with the load time and the process's peak RSS (VmHWM). Run once for our
model and once for the stock one, this compares the assistants alone, on equal terms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from coach.config import PROJECT_ROOT

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


def probe(model: Path, count: int) -> dict[str, float]:
    from rasa.core.agent import Agent

    from testing.corpus import messages
    from testing.processes import peak_rss_mib
    from bot.logging_setup import configure_logging

    configure_logging("WARNING", None)
    started = time.perf_counter()
    agent = Agent.load(str(model))
    load_seconds = time.perf_counter() - started

    async def parse_all() -> None:
        for text in messages(count):
            await agent.parse_message(text)

    asyncio.run(parse_all())
    return {"load_seconds": round(load_seconds, 1), "peak_rss_mib": round(peak_rss_mib(os.getpid()), 0)}


def run_probe(model: Path, count: int, log_path: Path) -> dict[str, float]:
    """Probe ``model`` in a child process (so each model starts from an empty process)."""
    with log_path.open("wb") as log:
        result = subprocess.run(
            [sys.executable, "-m", "bench.agent_probe", str(model), "--messages", str(count)],
            cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=log, timeout=900, check=True,
        )
    return json.loads(result.stdout.decode().strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("--messages", type=int, default=50)
    args = parser.parse_args()
    print(json.dumps(probe(args.model, args.messages)))


if __name__ == "__main__":
    main()
