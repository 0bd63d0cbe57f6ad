"""`make soak`: the checks of tests/test_reliability.py, longer, harder and repeated.

1. ``faults``: rounds of 10 chats x 6 messages through the real Application while the fake
   Telegram server answers with a random (seeded) mixture of 429 + retry_after, 500, 502,
   dropped connections and slow answers, on sendMessage and getUpdates alike.
2. ``locks``: the SQLite file held by an exclusive transaction from another connection
   for 1 to 12 seconds, taken before a burst arrives and in the middle of one.
3. ``crashes``: kill -9 of the real bot process group mid-burst with nudges due, and a
   restart on the same database, several times (testing/crash.py: 20 chats x 3 messages, kill -9 1.5 s later).
4. ``flood``: 1,000 sends to 40 chats and 200 to one chat through the bot's rate limiter.

Results go to bench/results/soak.json. The exit status is 1 if any promise was broken
(a reply lost, sent twice or out of order, an update handled twice, a nudge lost, a
conversation not continued after a crash, an update unanswered or a reply never sent after
a crash, a crisis reply missing, more than one reply repeated in a chat across a kill,
more nudges repeated across a kill than MAX_NUDGES_IN_FLIGHT).

    python -m bench.soak [--rounds 5] [--crashes 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bench.assistants import loaded  # noqa: E402
from testing.crash import crash_and_restart  # noqa: E402
from testing.reliability import (  # noqa: E402
    RecordingBridge, busiest_window, check_delivery, hold_write_lock, script, send_through_rate_limiter,
    stored_conversation,
)
from testing.app_runner import running_application  # noqa: E402
from bot.commands import rasa_input_for_text  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.rasa.bridge import RasaBridge, find_model  # noqa: E402
from coach.reminders.delivery import MAX_NUDGES_IN_FLIGHT  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from testing.harness import free_port  # noqa: E402
from testing.fake_telegram import FakeTelegramServer  # noqa: E402

RESULTS = PROJECT_ROOT / "bench" / "results" / "soak.json"
TOKEN = "555666777:SOAK-token_abcdefghijklmnopqrstuvw"
LIMITER_ALLOWANCE = 30  # AIORateLimiter lets this many go at once, then 30 a second
LOCKS = [(1.0, "before"), (3.0, "before"), (6.0, "before"), (12.0, "before"), (3.0, "during"), (7.0, "during")]
_chat_numbers = iter(range(80_000, 10_000_000))


def new_chats(count: int) -> list[int]:
    return [next(_chat_numbers) for _ in range(count)]


def inject_random_faults(server: FakeTelegramServer, rng: random.Random, count: int) -> None:
    for _ in range(count):
        method = rng.choice(["sendMessage"] * 4 + ["getUpdates"])
        kind = rng.choice(["429", "500", "502", "drop", "slow"])
        if kind == "429":
            server.fail_next(method, status=429, retry_after=rng.randint(1, 3))
        elif kind in ("500", "502"):
            server.fail_next(method, status=int(kind))
        elif kind == "drop":
            server.drop_next(method)
        else:
            server.delay_next(method, seconds=round(rng.uniform(0.5, 4.0), 1))


async def burst(server, tracked, chats: list[int], per_chat: int) -> dict[int, list[str]]:
    pushed = {chat: script(number, per_chat) for number, chat in enumerate(chats)}
    for step in range(per_chat):
        for chat in chats:
            tracked.push(server, chat, pushed[chat][step])
    return pushed


def delivery(server: FakeTelegramServer, recording: RecordingBridge, pushed: dict[int, list[str]]) -> dict[str, Any]:
    asked = {chat: [rasa_input_for_text(text) for text in texts] for chat, texts in pushed.items()}
    return check_delivery({chat: server.sent_texts(chat) for chat in pushed}, recording, asked).counts()


async def fault_rounds(settings: Settings, bridge: RasaBridge, db: Database, rounds: int) -> list[dict[str, Any]]:
    results = []
    for number in range(rounds):
        rng = random.Random(number)
        recording = RecordingBridge(bridge)
        async with running_application(settings, recording, db, TOKEN) as (server, tracked):
            inject_random_faults(server, rng, count=12)
            started = time.monotonic()
            pushed = await burst(server, tracked, new_chats(10), 6)
            await asyncio.wait(list(tracked.done.values()), timeout=180)
            await server.wait_until_idle(quiet=2.0, timeout=120)
            faults = sorted({call.fault for call in server.calls if call.fault})
        results.append({"round": number, "seconds": round(time.monotonic() - started, 1), "faults_met": faults,
                        **delivery(server, recording, pushed)})
    return results


async def lock_episodes(settings: Settings, bridge: RasaBridge, db: Database) -> list[dict[str, Any]]:
    """A lock taken ``before`` a burst arrives, or ``during`` one (after its first reply)."""
    results = []
    for seconds, when in LOCKS:
        recording = RecordingBridge(bridge)
        taken = threading.Event()
        async with running_application(settings, recording, db, TOKEN) as (server, tracked):
            chats = new_chats(3)
            if when == "before":
                holder = asyncio.create_task(asyncio.to_thread(hold_write_lock, db.url, seconds, taken))
                await asyncio.to_thread(taken.wait, 30)
                pushed = await burst(server, tracked, chats, 3)
            else:
                pushed = await burst(server, tracked, chats, 3)
                await server.wait_for_calls("sendMessage", 1, timeout=60)
                holder = asyncio.create_task(asyncio.to_thread(hold_write_lock, db.url, seconds, taken))
            await holder
            await asyncio.wait(list(tracked.done.values()), timeout=180)
            await server.wait_until_idle(quiet=2.0, timeout=120)
        stored = {chat: stored_conversation(db.url, chat).user_texts for chat in chats}
        turns_missing = sum(len(set(recording.inputs(chat)) - set(stored[chat])) for chat in chats)
        results.append({"lock_seconds": seconds, "taken": when, **delivery(server, recording, pushed),
                        "turns_missing_from_tracker_store": turns_missing})
    return results


async def flood() -> dict[str, Any]:
    results = {}
    for name, targets in (("1000_to_40_chats", [9_000 + n % 40 for n in range(1000)]), ("200_to_1_chat", [9_500] * 200)):
        burst = await send_through_rate_limiter(targets, TOKEN)
        results[name] = {"sent": len(burst.delivered), "seconds": round(max(burst.times) - burst.started, 2),
                         "paced_per_second": round(burst.paced_rate(LIMITER_ALLOWANCE), 1),
                         "busiest_second": busiest_window(burst.times)}
    return results


async def in_process_parts(work: Path, model: Path, rounds: int) -> dict[str, Any]:
    url = f"sqlite:///{work / 'soak.db'}"
    db = Database(url)
    db.migrate()
    settings = Settings(telegram_token=TOKEN, database_url=url, model_path=model, action_server_port=free_port())
    try:
        async with loaded(settings, {"ours": model}) as (bridges, _):
            return {"faults": await fault_rounds(settings, bridges["ours"], db, rounds),
                    "locks": await lock_episodes(settings, bridges["ours"], db)}
    finally:
        db.dispose()


def broken_promises(report: dict[str, Any]) -> list[str]:
    broken = []
    for part in ("faults", "locks"):
        for entry in report[part]:
            for key in ("replies_lost", "replies_sent_twice", "chats_out_of_order", "updates_handled_twice",
                        "updates_not_handled", "turns_missing_from_tracker_store"):
                if entry.get(key):
                    broken.append(f"{part}: {key}={entry[key]} in {entry}")
    for number, crash in enumerate(report["crashes"]):
        for key in ("updates_handled_twice", "chats_out_of_order", "updates_unanswered", "replies_never_sent",
                    "crisis_replies_missing", "nudges_lost", "nudges_doubled_by_one_process"):
            if crash[key]:
                broken.append(f"crash {number}: {key}={crash[key]}")
        if not crash["flow_went_on"]:
            broken.append(f"crash {number}: the conversation did not continue")
        if crash["most_repeats_in_one_chat"] > 1:  # only the one on the wire (docs/OUTBOX.md)
            broken.append(f"crash {number}: {crash['most_repeats_in_one_chat']} replies repeated in one chat")
        if crash["nudges_doubled"] > MAX_NUDGES_IN_FLIGHT:  # at most the sends in flight
            broken.append(f"crash {number}: {crash['nudges_doubled']} nudges sent twice across the kill")
    return broken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds of random Telegram faults")
    parser.add_argument("--crashes", type=int, default=5, help="kill -9 and restart cycles")
    args = parser.parse_args(argv)
    work = PROJECT_ROOT / "build" / "bench" / datetime.now().strftime("soak-%Y%m%d-%H%M%S")
    work.mkdir(parents=True, exist_ok=True)
    with (work / "soak.log").open("a", encoding="utf-8") as log:
        configure_logging("INFO", TOKEN, stream=log)
        model = find_model(Settings.from_env().model_path)
        started = time.monotonic()
        report: dict[str, Any] = {"started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        report.update(asyncio.run(in_process_parts(work, model, args.rounds)))
        report["crashes"] = []
        for number in range(args.crashes):
            folder = work / f"crash-{number}"
            folder.mkdir()
            crash = asyncio.run(crash_and_restart(folder, model, TOKEN, nudges_due=200))
            report["crashes"].append(crash.summary())
        report["flood"] = asyncio.run(flood())
        report["minutes"] = round((time.monotonic() - started) / 60, 1)
    report["broken_promises"] = broken_promises(report)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 1 if report["broken_promises"] else 0


if __name__ == "__main__":
    sys.exit(main())
