"""In-process latency: the full bot path against NLU parsing alone, ours beside stock Rasa.

The full path is ``RasaBridge.handle``: the agent fetches the tracker from the SQLite
tracker store, parses, predicts, calls the action server over loopback, and saves the
tracker. ``agent.parse_message`` is NLU alone. Both assistants get the same scripted
conversations (``testing.corpus``) through the same action server and database, in
alternating rounds (who goes first swaps each round), so machine noise hits both alike.

- one user: the conversations one after the other (a fresh sender per conversation);
- 50 users: 50 conversations at once (distinct senders), each sending its next message
  when the previous one is answered; also gives the messages handled per second.
- long history: one person whose current session already holds thousands of events
  (Rasa loads and replays the whole session for every message; sessions now end after an
  hour's silence), to show how handling time grows with the length of a session.
"""

from __future__ import annotations

import asyncio
import time
from typing import Awaitable, Callable

from testing.corpus import conversations, messages
from testing.seeding import seed_long_history, template_events
from bench.stats import ratio, summarize
from bot.rasa.bridge import RasaBridge
from coach.storage.db import Database

Timed = Callable[[str, str], Awaitable[object]]


async def _timed_conversation(call: Timed, sender: str, script: list[str], samples: list[float]) -> None:
    for text in script:
        started = time.perf_counter()
        await call(sender, text)
        samples.append(time.perf_counter() - started)


async def one_user(call: Timed, prefix: str, scripts: list[list[str]], samples: list[float]) -> None:
    for number, script in enumerate(scripts):
        await _timed_conversation(call, f"{prefix}-{number}", script, samples)


async def many_users(call: Timed, prefix: str, scripts: list[list[str]], samples: list[float]) -> float:
    """All scripts at once; returns the wall-clock seconds."""
    started = time.perf_counter()
    await asyncio.gather(*(
        _timed_conversation(call, f"{prefix}-{number}", script, samples) for number, script in enumerate(scripts)
    ))
    return time.perf_counter() - started


def _handle(bridge: RasaBridge) -> Timed:
    return bridge.handle


def _parse(bridge: RasaBridge) -> Timed:
    async def parse(_sender: str, text: str) -> object:
        return await bridge.agent.parse_message(text)

    return parse


async def warm_up(bridges: dict[str, RasaBridge]) -> None:
    """First calls pay for lazy initialisation; keep them out of the numbers."""
    for name, bridge in bridges.items():
        await one_user(_handle(bridge), f"{name}-warmup", conversations(2, 5), [])


async def measure(
    bridges: dict[str, RasaBridge], rounds: int, single_conversations: int, concurrent_users: int, per_user: int
) -> dict[str, object]:
    """Latency samples for every assistant in ``bridges``, interleaved by round."""
    single_scripts = conversations(single_conversations, per_user)
    many_scripts = conversations(concurrent_users, per_user)
    samples: dict[str, dict[str, list[float]]] = {
        name: {"parse": [], "handle_1_user": [], f"handle_{concurrent_users}_users": []} for name in bridges
    }
    wall: dict[str, float] = {name: 0.0 for name in bridges}
    await warm_up(bridges)
    for round_number in range(rounds):
        order = list(bridges) if round_number % 2 == 0 else list(reversed(bridges))
        for name in order:
            bridge, mine = bridges[name], samples[name]
            prefix = f"{name}-r{round_number}"
            await one_user(_parse(bridge), f"{prefix}-parse", single_scripts, mine["parse"])
            await one_user(_handle(bridge), f"{prefix}-single", single_scripts, mine["handle_1_user"])
            wall[name] += await many_users(
                _handle(bridge), f"{prefix}-many", many_scripts, mine[f"handle_{concurrent_users}_users"]
            )
    results: dict[str, object] = {}
    for name, kinds in samples.items():
        summary = {kind: summarize(values) for kind, values in kinds.items()}
        many = len(kinds[f"handle_{concurrent_users}_users"])
        summary["messages_per_second_concurrent"] = round(many / wall[name], 1) if wall[name] else None
        summary["handle_over_parse_p95"] = ratio(summary["handle_1_user"]["p95_ms"], summary["parse"]["p95_ms"])
        results[name] = summary
    if {"ours", "stock"} <= set(results):
        results["ours_over_stock"] = {
            kind: {key: ratio(results["ours"][kind][key], results["stock"][kind][key]) for key in ("p50_ms", "p95_ms", "p99_ms")}
            for kind in samples["ours"]
        }
    results["setup"] = {
        "rounds": rounds,
        "one_user_conversations": single_conversations,
        "concurrent_users": concurrent_users,
        "messages_per_conversation": per_user,
    }
    return results


async def long_history(bridges: dict[str, RasaBridge], db: Database, sizes: list[int], count: int = 10) -> dict[str, object]:
    """Handling time for a person with ``size`` stored events, per assistant and size.

    Each assistant's history is a copy of its own first one-user conversation (recorded by
    ``measure``), repeated; ``count`` messages are then timed for that person."""
    results: dict[str, object] = {}
    for name, bridge in bridges.items():
        template = template_events(db.url, f"{name}-r0-single-0")
        per_size = {}
        for size in sizes:
            sender = f"{name}-long-{size}"
            stored = seed_long_history(db, template, sender, size)
            samples: list[float] = []
            await _timed_conversation(bridge.handle, sender, messages(count), samples)
            per_size[str(stored)] = summarize(samples)
        results[name] = per_size
    return results
