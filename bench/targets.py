"""The targets of issue 8, checked against one run's results: one row per target.

Each row: what is measured, the target, our number, the stock assistant's number in the
same run (where there is one), their ratio, and pass/miss. A target whose measurement
is missing from the run (a section skipped or failed) is "not measured", never a pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from bench.stats import ratio

GB_IN_MIB = 1e9 / 2**20  # the "1.2 GB" taken as 1.2 * 10^9 bytes
TELEGRAM_MESSAGES_PER_SECOND = 30
NUDGES_FOR_TARGET = 10_000


@dataclass(frozen=True)
class Row:
    name: str
    target: str
    ours: float | None
    stock: float | None
    unit: str
    verdict: str  # "pass", "miss", "not measured", or "-" for a row shown for scale only

    @property
    def ratio(self) -> float | None:
        return ratio(self.ours, self.stock) if self.ours is not None and self.stock is not None else None


def _dig(results: dict[str, Any], *path: str) -> Any:
    node: Any = results
    for key in path:
        if not isinstance(node, dict) or key not in node:
            return None
        node = node[key]
    return node


def _sum(*values: Any) -> Any:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _row(name: str, target: str, unit: str, ours: Any, stock: Any, ok: Callable[[float], bool] | None) -> Row:
    if ours is None:
        return Row(name, target, None, stock, unit, "not measured")
    verdict = "-" if ok is None else "pass" if ok(ours) else "miss"
    return Row(name, target, ours, stock, unit, verdict)


def evaluate(results: dict[str, Any]) -> list[Row]:
    inproc = results.get("in_process") or {}
    users = _dig(inproc, "setup", "concurrent_users") or 50
    handle_p95 = _dig(inproc, "ours", "handle_1_user", "p95_ms")
    parse_p95 = _dig(inproc, "ours", "parse", "p95_ms")
    e2e = results.get("telegram") or {}
    nudges = _dig(results, "reminders", "fake_telegram") or {}
    nudge_limit = 1.1 * NUDGES_FOR_TARGET / TELEGRAM_MESSAGES_PER_SECOND
    full_nudge_run = nudges.get("reminders") == NUDGES_FOR_TARGET
    training = results.get("training") or {}
    memory = _dig(results, "bot_process", "seeded", "peak_rss_mib")
    memory_empty = _dig(results, "bot_process", "empty", "peak_rss_mib")
    peak = max((m for m in (memory, memory_empty) if m is not None), default=None)
    return [
        _row("In-process handling, 1 user, p95", "<= 30 ms", "ms", handle_p95,
             _dig(inproc, "stock", "handle_1_user", "p95_ms"), lambda v: v <= 30),
        _row("In-process p95 / NLU parse p95 (ours)", "<= 2x", "x",
             ratio(handle_p95, parse_p95) if handle_p95 and parse_p95 else None,
             _dig(inproc, "stock", "handle_over_parse_p95"), lambda v: v <= 2),
        _row(f"In-process handling, {users} users, p95", "(no target; stock for scale)", "ms",
             _dig(inproc, "ours", f"handle_{users}_users", "p95_ms"),
             _dig(inproc, "stock", f"handle_{users}_users", "p95_ms"), None),
        _row("NLU parse alone, p95", "(no target; stock ~15 ms)", "ms", parse_p95,
             _dig(inproc, "stock", "parse", "p95_ms"), None),
        _row(f"End to end via Telegram, {_dig(e2e, 'closed_loop', 'chats') or 50} chats pausing like people, "
             "first reply p95", "<= 100 ms", "ms", _dig(e2e, "closed_loop", "first_reply", "p95_ms"), None,
             lambda v: v <= 100),
        _row("End to end, the same chats in a burst (no pauses), first reply p95", "(no target: capacity)", "ms",
             _dig(e2e, "closed_loop_burst", "first_reply", "p95_ms"), None, None),
        _row("End to end, replies lost (both runs)", "0", "",
             _sum(_dig(e2e, "closed_loop", "lost"), _dig(e2e, "closed_loop_burst", "lost")), None, lambda v: v == 0),
        _row("Replies per second sustained (p95 <= 1 s, none lost)", ">= 30 /s", "/s",
             _dig(e2e, "throughput", "sustained_replies_per_second"), None, lambda v: v >= 30),
        _row(f"{NUDGES_FOR_TARGET:,} due nudges delivered (fake Telegram)", f"<= {nudge_limit:.0f} s", "s",
             nudges.get("seconds") if full_nudge_run else None, None,
             lambda v: v <= nudge_limit and bool(nudges.get("all_delivered_once"))),
        _row("rasa train from clean", "<= 120 s", "s", _dig(training, "ours", "seconds"),
             _dig(training, "stock", "seconds"), lambda v: v <= 120),
        _row("Peak memory, bot + action server (10k people seeded)", "<= 1.2 GB", "MiB", peak, None,
             lambda v: v <= 1.2 * GB_IN_MIB),
        _row("Peak memory, the model alone in a fresh process", "(no target; stock for scale)", "MiB",
             _dig(results, "agent_alone", "ours", "peak_rss_mib"), _dig(results, "agent_alone", "stock", "peak_rss_mib"),
             None),
        _row("Start-up to first getUpdates", "<= 15 s", "s",
             _dig(results, "bot_process", "empty", "startup_to_first_getupdates_s"), None, lambda v: v <= 15),
        _row("Loading the model alone in a fresh process", "(no target; stock ~40 s)", "s",
             _dig(results, "agent_alone", "ours", "load_seconds"), _dig(results, "agent_alone", "stock", "load_seconds"),
             None),
    ]
