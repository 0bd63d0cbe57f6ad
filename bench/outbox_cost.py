"""What the outbox costs: the code before it beside the code with it, in one run.

    python -m bench.outbox_cost --before /tmp/before   # a checkout of the code before it
    (git worktree add /tmp/before <commit>; link its build/ to this checkout's, and train
    its own model there: a model trained for other code calls actions it does not have)

Each checkout is measured in a fresh process of its own (``--measure``), alternately, for
``--rounds`` rounds, each with its own model, on a fresh SQLite database:

1. ``one_user_inprocess``: ``RasaBridge.handle`` for one person at a time (the held-out
   conversations of ``testing.corpus``), no Telegram: the in-process path.
2. ``paced_e2e``: the real Application over the fake Bot API server, 50 chats of 6
   messages, each sent 5-25 s after the last answer (a person reading and typing; the
   sizes of ``make bench``): ``complete`` is from the push to the last reply delivered.
3. ``burst_250``: 250 chats send one message at once to a coach that answers at once
   (a stub bridge: only the Telegram side is measured); the seconds until all 250
   replies are delivered, against the 250 / 30 s that Telegram's cap needs.

Results: bench/results/outbox_cost.json (medians over rounds, ratios after / before).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

TOKEN = "555666777:OUTBOX-token_abcdefghijklmnopqrstuv"
BURST = 250
TELEGRAM_PER_SECOND = 30
HERE = Path(__file__).resolve()


class _Instant:
    """A coach that answers every message at once (only the Telegram side is measured)."""

    known_intents: frozenset[str] = frozenset()

    async def handle(self, sender_id: str, text: str, metadata: Any = None, **_: Any) -> list:
        from bot.rasa.bridge import BotReply
        return [BotReply(text=f"heard you ({len(text)} characters)")]

    async def slot(self, sender_id: str, name: str) -> Any:
        return None


async def _burst(settings, db) -> dict[str, Any]:
    from testing.app_runner import running_application
    async with running_application(settings, _Instant(), db, TOKEN) as (server, tracked):
        started = time.monotonic()
        for number in range(BURST):
            tracked.push(server, 3_000_000 + number, "hello there")
        await asyncio.wait_for(asyncio.gather(*tracked.done.values()), timeout=120)
        await server.wait_for_calls("sendMessage", BURST, timeout=120)
        seconds = server.delivered("sendMessage")[-1].at - started
    floor = BURST / TELEGRAM_PER_SECOND
    return {"seconds": round(seconds, 2), "cap_seconds": round(floor, 2), "ratio_to_cap": round(seconds / floor, 3)}


async def _measure(work: Path) -> dict[str, Any]:
    from bench.assistants import loaded
    from bench.stats import summarize
    from bench.telegram_e2e import closed_loop
    from coach.config import Settings
    from coach.storage.db import Database
    from testing.corpus import conversations
    from testing.harness import free_port

    db = Database(f"sqlite:///{work / 'bench.db'}")
    db.migrate()
    settings = Settings.from_env().with_overrides(database_url=db.url, action_server_port=free_port(),
                                                  telegram_token=TOKEN)
    try:
        async with loaded(settings, {"ours": settings.model_path}) as (bridges, _):
            bridge = bridges["ours"]
            times = []
            for number, script in enumerate(conversations(8, 6)):
                for text in script:
                    started = time.perf_counter()
                    await bridge.handle(f"bench-one-{number}", text)
                    times.append(time.perf_counter() - started)
            paced = await closed_loop(settings, bridge, db, TOKEN, 50, 6, (5.0, 25.0))
        burst = await _burst(settings, db)
    finally:
        db.dispose()
    return {"one_user_inprocess": summarize(times), "paced_e2e": paced, "burst_250": burst}


def _run_checkout(checkout: Path) -> dict[str, Any]:
    """``--measure`` in a fresh process whose code is ``checkout``'s."""
    target = checkout / "bench" / HERE.name
    if target.resolve() != HERE:
        shutil.copyfile(HERE, target)
    env = dict(os.environ, PYTHONPATH=str(checkout))
    done = subprocess.run([sys.executable, "-m", "bench.outbox_cost", "--measure"], cwd=checkout, env=env,
                          capture_output=True, text=True, timeout=1800)
    if done.returncode:
        raise RuntimeError(f"measuring {checkout} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(results: list[dict[str, Any]], *path: str) -> float:
    values = []
    for result in results:
        value: Any = result
        for key in path:
            value = value[key]
        values.append(value)
    return round(statistics.median(values), 2)


def compare(before: Path, rounds: int) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"before": [], "after": []}
    for number in range(rounds):
        order = [("before", before), ("after", HERE.parents[1])]
        for label, checkout in (order if number % 2 == 0 else order[::-1]):  # who goes first swaps
            runs[label].append(_run_checkout(checkout))
    metrics = {
        "one_user_inprocess_p95_ms": ("one_user_inprocess", "p95_ms"),
        "one_user_inprocess_p50_ms": ("one_user_inprocess", "p50_ms"),
        "paced_e2e_complete_p95_ms": ("paced_e2e", "complete", "p95_ms"),
        "paced_e2e_first_reply_p95_ms": ("paced_e2e", "first_reply", "p95_ms"),
        "paced_e2e_lost": ("paced_e2e", "lost"),
        "burst_250_seconds": ("burst_250", "seconds"),
        "burst_250_ratio_to_cap": ("burst_250", "ratio_to_cap"),
    }
    summary = {}
    for name, path in metrics.items():
        before_value, after_value = _median(runs["before"], *path), _median(runs["after"], *path)
        summary[name] = {"before": before_value, "after": after_value,
                         "ratio": round(after_value / before_value, 3) if before_value else None}
    return {"rounds": rounds, "summary": summary, "runs": runs}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="a checkout of the code before the outbox")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--measure", action="store_true", help="measure this checkout (internal)")
    args = parser.parse_args(argv)
    if args.measure:
        # Rasa's imports set an event loop policy (sanic's); import before the loop starts,
        # as bench/run.py does, or subprocesses cannot be started from the loop.
        import bench.assistants  # noqa: F401
        import bench.telegram_e2e  # noqa: F401
        with tempfile.TemporaryDirectory() as work:
            print(json.dumps(asyncio.run(_measure(Path(work)))))
        return 0
    if args.before is None:
        parser.error("--before is required")
    report = compare(args.before.resolve(), args.rounds)
    out = HERE.parent / "results" / "outbox_cost.json"
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report["summary"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
